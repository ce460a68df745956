package org.advocategraph.service.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.reach.ReachCalculator;
import org.advocategraph.service.reach.ReachResult;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;

/**
 * {@code GET /api/v1/analytics/reach?advocates=ID,ID|program=ID&hops=1..3}: distinct people reached, seeds
 * excluded. {@code hops} defaults to 1.
 */
final class ReachHandler implements Handler {
    /** Most advocate ids one request may list. */
    static final int MAX_ADVOCATES = 10_000;

    private final ReachCalculator reach;
    private final GraphStore store;

    ReachHandler(ReachCalculator reach, GraphStore store) {
        this.reach = reach;
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        String advocates = ctx.queryParam("advocates");
        String program = ctx.queryParam("program");
        int hops = hops(ctx.queryParam("hops"));
        boolean hasAdvocates = advocates != null && !advocates.isBlank();
        boolean hasProgram = program != null && !program.isBlank();
        if (hasAdvocates == hasProgram) {
            throw ApiException.badRequest(hasAdvocates ? "program" : "advocates",
                    "give exactly one of advocates=ID,ID or program=ID");
        }
        Set<String> seeds;
        if (hasAdvocates) {
            seeds = new LinkedHashSet<>(Params.ids(ctx, "advocates"));
            if (seeds.isEmpty()) {
                throw ApiException.badRequest("advocates", "list at least one advocate id");
            }
            if (seeds.size() > MAX_ADVOCATES) {
                throw ApiException.badRequest("advocates", "at most " + MAX_ADVOCATES + " ids, got " + seeds.size());
            }
            Set<String> known = store.existingIds(NodeKind.EMPLOYEE, seeds);
            List<String> unknown = seeds.stream().filter(s -> !known.contains(s)).toList();
            if (!unknown.isEmpty()) {
                throw new NotFoundException("advocates", "advocate", unknown.subList(0, Math.min(unknown.size(), 20)));
            }
        } else {
            String id = RecordField.checkId("program", program.trim());
            store.program(id).orElseThrow(() -> new NotFoundException("program", "program", List.of(id)));
            seeds = new LinkedHashSet<>(store.membersOf(id));
        }
        ReachResult result = reach.reach(seeds, hops);
        ctx.json(result);
    }

    private static int hops(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int hops = Integer.parseInt(value.trim());
            if (hops < ReachCalculator.MIN_HOPS || hops > ReachCalculator.MAX_HOPS) {
                throw ApiException.badRequest("hops", "must be in " + ReachCalculator.MIN_HOPS + ".."
                        + ReachCalculator.MAX_HOPS + ", was " + hops);
            }
            return hops;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("hops", "'" + value + "' is not a whole number");
        }
    }
}
