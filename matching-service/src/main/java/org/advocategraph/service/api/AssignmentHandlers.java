package org.advocategraph.service.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.service.engagement.AssignmentService;
import org.advocategraph.service.engagement.AssignmentView;
import org.advocategraph.service.engagement.Transition;
import org.advocategraph.service.engagement.WebhookDispatcher;
import org.advocategraph.store.AssignmentQuery;

/**
 * The assignment routes: {@code POST /api/v1/assignments} proposes, {@code POST /api/v1/assignments/{id}/<step>}
 * takes a step of the lifecycle, {@code GET /api/v1/assignments/{id}} and {@code GET /api/v1/assignments} read,
 * {@code GET /api/v1/webhooks/deliveries} shows the webhook's recent deliveries. The rules live in
 * {@link AssignmentService}; this class only translates HTTP.
 */
final class AssignmentHandlers {
    /** Assignments or deliveries listed when no {@code limit} is given. */
    static final int DEFAULT_LIMIT = 50;
    /** Most assignments or deliveries one list answers. */
    static final int MAX_LIMIT = 500;

    private final AssignmentService assignments;
    private final Optional<WebhookDispatcher> webhook;
    private final ObjectMapper mapper;

    AssignmentHandlers(AssignmentService assignments, Optional<WebhookDispatcher> webhook, ObjectMapper mapper) {
        this.assignments = assignments;
        this.webhook = webhook;
        this.mapper = mapper;
    }

    /** The body of a proposal. */
    record ProposeBody(String conversationId, String employeeId) {
    }

    /** The optional body of a step: an outcome (or reason) and, to resolve, the sentiment after. */
    record StepBody(String outcome, Double sentimentAfter) {
    }

    Handler propose() {
        return ctx -> {
            ProposeBody body = Json.read(mapper, jsonBody(ctx), ProposeBody.class);
            Assignment a = assignments.propose(body.conversationId(), body.employeeId());
            ctx.status(201);
            ctx.header("Location", "/api/v1/assignments/" + a.id());
            ctx.json(AssignmentView.of(a));
        };
    }

    Handler step(Transition step) {
        return ctx -> {
            String raw = jsonBody(ctx);
            StepBody body = raw == null || raw.isBlank() ? new StepBody(null, null) : Json.read(mapper, raw, StepBody.class);
            ctx.json(AssignmentView.of(assignments.take(ctx.pathParam("id"), step, body.outcome(), body.sentimentAfter())));
        };
    }

    Handler get() {
        return ctx -> ctx.json(AssignmentView.of(assignments.get(ctx.pathParam("id"))));
    }

    Handler list() {
        return ctx -> {
            String status = ctx.queryParam("status");
            int limit = limit(ctx);
            AssignmentQuery query = new AssignmentQuery(ctx.queryParam("conversationId"), ctx.queryParam("employeeId"),
                    status == null || status.isBlank() ? null : AssignmentStatus.parse("status", status), limit + 1);
            List<Assignment> found = assignments.list(query);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("assignments", found.stream().limit(limit).map(AssignmentView::of).toList());
            answer.put("limit", limit);
            answer.put("more", found.size() > limit);
            ctx.json(answer);
        };
    }

    Handler deliveries() {
        return ctx -> {
            int limit = limit(ctx);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("configured", webhook.isPresent());
            answer.put("url", webhook.map(WebhookDispatcher::safeUrl).orElse(null));
            answer.put("deliveries", webhook.map(w -> w.deliveries(limit)).orElse(List.of()));
            ctx.json(answer);
        };
    }

    /** @return the body, after checking that one that is given is declared as JSON */
    private static String jsonBody(Context ctx) {
        String contentType = ctx.contentType();
        String body = ctx.body();
        if (!body.isBlank() && contentType != null
                && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json, not " + contentType);
        }
        return body;
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "'" + value + "' is not a whole number");
        }
    }
}
