package org.advocategraph.service.api;

import java.time.Duration;

import io.javalin.http.Context;

import org.advocategraph.service.outcomes.BrewingAlerts;
import org.advocategraph.service.outcomes.EngagementOutcomes;

/** Engagement outcomes with a leaderboard, and brewing-problem alerts. */
final class OutcomeHandlers {
    private final EngagementOutcomes outcomes;
    private final BrewingAlerts alerts;

    OutcomeHandlers(EngagementOutcomes outcomes, BrewingAlerts alerts) {
        this.outcomes = outcomes;
        this.alerts = alerts;
    }

    /** {@code GET /api/v1/analytics/engagement?by=advocate&from=&to=&program=&sort=score&limit=50}. */
    void engagement(Context ctx) {
        String program = ctx.queryParam("program");
        if (program != null && !program.isBlank()) {
            program = RecordField.checkId("program", program.trim());
        } else {
            program = null;
        }
        ctx.json(outcomes.report(new EngagementOutcomes.Query(EngagementOutcomes.Query.by(ctx.queryParam("by")),
                Params.instant(ctx, "from"), Params.instant(ctx, "to"), program,
                EngagementOutcomes.Query.sort(ctx.queryParam("sort")), Params.integer(ctx, "limit", 50),
                Params.integer(ctx, "minAssignments", EngagementOutcomes.DEFAULT_MIN_ASSIGNMENTS),
                EngagementOutcomes.Query.bucket(ctx.queryParam("bucket")))));
    }

    /** {@code GET /api/v1/analytics/alerts?window=P1D&baselineWindows=28&now=&minVolume=3}. */
    void alerts(Context ctx) {
        ctx.json(alerts.alerts(new BrewingAlerts.Query(Params.duration(ctx, "window", Duration.ofDays(1)),
                Params.integer(ctx, "baselineWindows", 28), Params.instant(ctx, "now"),
                Params.decimal(ctx, "minVolume", 3),
                Params.decimal(ctx, "negativeBelow", BrewingAlerts.DEFAULT_NEGATIVE_BELOW),
                Params.integer(ctx, "limit", 20), Params.integer(ctx, "teamSize", 5))));
    }
}
