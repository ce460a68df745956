package org.advocategraph.service.api;

import java.util.LinkedHashSet;

import io.javalin.http.Context;

import org.advocategraph.service.analytics.InfluenceAnalytics;

/** Influence analytics: who carries influence, and the communities of the network. */
final class AnalyticsHandlers {
    private final InfluenceAnalytics analytics;

    AnalyticsHandlers(InfluenceAnalytics analytics) {
        this.analytics = analytics;
    }

    /** {@code GET /api/v1/analytics/influencers?algorithm=pagerank&limit=10&advocatesOnly=false&seeds=ID,ID}. */
    void influencers(Context ctx) {
        String algorithm = ctx.queryParam("algorithm");
        ctx.json(analytics.influencers(algorithm == null || algorithm.isBlank() ? "pagerank" : algorithm,
                Params.integer(ctx, "limit", 10), Params.bool(ctx, "advocatesOnly", false),
                new LinkedHashSet<>(Params.ids(ctx, "seeds"))));
    }

    /** {@code GET /api/v1/analytics/communities?resolution=1&limit=20&topics=5}. */
    void communities(Context ctx) {
        ctx.json(analytics.communities(Params.decimal(ctx, "resolution", 1.0), Params.integer(ctx, "limit", 20),
                Params.integer(ctx, "topics", 5)));
    }
}
