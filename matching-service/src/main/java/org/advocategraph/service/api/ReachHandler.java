package org.advocategraph.service.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.javalin.http.Context;

import org.advocategraph.service.analytics.ReachAnalytics;
import org.advocategraph.service.analytics.ReachAnalytics.SeedSource;

/**
 * Reach and recruitment over the projection: {@code GET /api/v1/analytics/reach} and
 * {@code GET /api/v1/analytics/recruits}.
 */
final class ReachHandler {
    /** Longest department name accepted. */
    static final int MAX_NAME = 200;

    private final ReachAnalytics analytics;

    ReachHandler(ReachAnalytics analytics) {
        this.analytics = analytics;
    }

    /**
     * {@code GET /api/v1/analytics/reach?advocates=ID,ID|program=ID|department=NAME&hops=1..3}: distinct people
     * reached, seeds excluded, with per-seed figures and overlap. {@code hops} defaults to 1.
     */
    void reach(Context ctx) {
        List<SeedSource> given = new ArrayList<>();
        for (SeedSource s : SeedSource.values()) {
            String value = ctx.queryParam(s.key());
            if (value != null && !value.isBlank()) {
                given.add(s);
            }
        }
        if (given.size() != 1) {
            throw ApiException.badRequest(given.isEmpty() ? "advocates" : given.get(1).key(),
                    "give exactly one of advocates=ID,ID, program=ID or department=NAME");
        }
        SeedSource source = given.get(0);
        List<String> names = switch (source) {
            case ADVOCATES -> new ArrayList<>(new LinkedHashSet<>(Params.ids(ctx, "advocates")));
            case PROGRAM -> List.of(RecordField.checkId("program", ctx.queryParam("program").trim()));
            case DEPARTMENT -> List.of(department(ctx.queryParam("department").trim()));
        };
        ctx.json(analytics.reach(source, names, Params.integer(ctx, "hops", 1)));
    }

    private static String department(String name) {
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("department", "at most " + MAX_NAME + " characters, got " + name.length());
        }
        return name;
    }

    /**
     * {@code GET /api/v1/analytics/recruits?k=10&model=coverage|cascade&hops=2&program=ID&epsilon=0.1&probability=p}:
     * the employees to enlist next, each with its marginal gain over those enlisted already.
     */
    void recruits(Context ctx) {
        String model = ctx.queryParam("model");
        String program = ctx.queryParam("program");
        String probability = ctx.queryParam("probability");
        ctx.json(analytics.recruits(Params.integer(ctx, "k", 10), model == null || model.isBlank() ? "coverage" : model,
                Params.integer(ctx, "hops", 2),
                program == null || program.isBlank() ? null : RecordField.checkId("program", program.trim()),
                Params.decimal(ctx, "epsilon", 0.1),
                probability == null || probability.isBlank() ? null : Params.decimal(ctx, "probability", 0)));
    }
}
