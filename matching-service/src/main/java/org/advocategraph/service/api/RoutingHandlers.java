package org.advocategraph.service.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.assignment.BatchAssigner;
import org.advocategraph.service.engagement.AssignmentConflictException;
import org.advocategraph.service.engagement.AssignmentService;
import org.advocategraph.service.team.TeamBuilder;
import org.advocategraph.service.triage.Triage;

/** Beyond one advocate: triage of open conversations, mobilizing a team, assigning a queue at once. */
final class RoutingHandlers {
    /** The body of a mobilization. */
    record MobilizeBody(Integer size) {
    }

    /**
     * The body of a batch: conversations to assign (none: every open one), and whether to propose the optimal
     * assignment's advocates right away.
     */
    record BatchBody(List<String> conversationIds, Boolean commit) {
    }

    private final Triage triage;
    private final TeamBuilder teams;
    private final BatchAssigner batch;
    private final AssignmentService assignments;
    private final ObjectMapper mapper;

    RoutingHandlers(Triage triage, TeamBuilder teams, BatchAssigner batch, AssignmentService assignments,
                    ObjectMapper mapper) {
        this.triage = triage;
        this.teams = teams;
        this.batch = batch;
        this.assignments = assignments;
        this.mapper = mapper;
    }

    /** {@code GET /api/v1/triage?limit=20&includeAssigned=false}. */
    void triage(Context ctx) {
        int limit = Params.integer(ctx, "limit", 20);
        boolean assigned = Params.bool(ctx, "includeAssigned", false);
        long started = System.nanoTime();
        Triage.Result r = triage.rank(limit, assigned);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conversations", r.conversations());
        body.put("considered", r.considered());
        body.put("weights", r.weights());
        body.put("tookMs", (System.nanoTime() - started) / 1_000_000);
        ctx.json(body);
    }

    /** {@code POST /api/v1/conversations/{id}/mobilize {"size": 5}}. */
    void mobilize(Context ctx) {
        MobilizeBody body = ctx.body().isBlank() ? new MobilizeBody(null) : Json.read(mapper, ctx.body(), MobilizeBody.class);
        ctx.json(teams.mobilize(ctx.pathParam("id"), body.size() == null ? 5 : body.size()));
    }

    /** {@code POST /api/v1/assignments/batch {"conversationIds": [...]}}. */
    void batch(Context ctx) {
        BatchBody body = ctx.body().isBlank() ? new BatchBody(null, null) : Json.read(mapper, ctx.body(), BatchBody.class);
        long started = System.nanoTime();
        BatchAssigner.Plan plan = batch.plan(body.conversationIds() == null ? List.of() : body.conversationIds());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("assignments", plan.optimal());
        out.put("total", plan.optimalTotal());
        out.put("greedy", Map.of("assignments", plan.greedy(), "total", plan.greedyTotal()));
        out.put("gainOverGreedy", plan.greedyTotal() == 0 ? null
                : Math.round((plan.optimalTotal() / plan.greedyTotal() - 1) * 1e6) / 1e6);
        out.put("conversations", plan.conversations());
        out.put("unmatched", plan.unmatched());
        out.put("notes", plan.notes());
        if (Boolean.TRUE.equals(body.commit())) {
            // Each proposal is atomic per conversation: one that got an open assignment meanwhile is reported.
            List<Object> proposed = new ArrayList<>();
            Map<String, String> refused = new TreeMap<>();
            for (BatchAssigner.Pick pick : plan.optimal()) {
                try {
                    proposed.add(assignments.propose(pick.conversationId(), pick.advocateId()));
                } catch (AssignmentConflictException | NotFoundException e) {
                    refused.put(pick.conversationId(), e.getMessage());
                }
            }
            out.put("proposed", proposed);
            out.put("refused", refused);
        }
        out.put("tookMs", (System.nanoTime() - started) / 1_000_000);
        ctx.json(out);
    }
}
