package org.advocategraph.service.api;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;

import io.javalin.http.Context;

import org.advocategraph.service.analytics.CoverageGaps;
import org.advocategraph.service.analytics.InfluenceAnalytics;
import org.advocategraph.service.analytics.NetworkExport;

/** Influence analytics: who carries influence, the communities of the network, and where coverage falls short. */
final class AnalyticsHandlers {
    private final InfluenceAnalytics analytics;
    private final CoverageGaps gaps;
    private final NetworkExport export;

    AnalyticsHandlers(InfluenceAnalytics analytics, CoverageGaps gaps, NetworkExport export) {
        this.analytics = analytics;
        this.gaps = gaps;
        this.export = export;
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

    /** {@code GET /api/v1/analytics/gaps?by=topic|community&limit=20&resolution=1}. */
    void gaps(Context ctx) {
        String by = ctx.queryParam("by");
        ctx.json(gaps.gaps(by == null || by.isBlank() ? "topic" : by, Params.integer(ctx, "limit", 20),
                Params.decimal(ctx, "resolution", 1.0)));
    }

    /**
     * {@code GET /api/v1/analytics/export?format=gexf&scores=community,pagerank&color=community&resolution=1}: a
     * file, streamed; every result is computed first, so a bad request gets a problem, never half a file.
     */
    void export(Context ctx) throws IOException {
        String format = ctx.queryParam("format");
        NetworkExport.Request request = export.request(format == null || format.isBlank() ? "gexf" : format,
                Params.ids(ctx, "scores"), ctx.queryParam("color"), Params.decimal(ctx, "resolution", 1.0));
        NetworkExport.Prepared prepared = export.prepare(request);
        ctx.contentType(request.format().mediaType() + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + request.fileName() + "\"");
        ctx.header("X-Projection-Built-At", String.valueOf(prepared.projection().get("builtAt")));
        try (OutputStream out = new BufferedOutputStream(ctx.outputStream(), 1 << 16)) {
            prepared.writeTo(out);
        }
    }
}
