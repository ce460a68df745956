package org.advocategraph.service.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.store.GraphStore;

/** {@code GET /health}: UP with the store and its counts, or 503 DOWN when the store does not answer. */
final class HealthHandler implements Handler {
    private final GraphStore store;

    HealthHandler(GraphStore store) {
        this.store = store;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            Map<String, Long> counts = store.counts();
            body.put("status", "UP");
            body.put("store", store.describe());
            body.put("counts", counts);
            body.put("graph", MatchHandler.freshness(store));
        } catch (RuntimeException e) {
            body.put("status", "DOWN");
            body.put("store", store.describe());
            ctx.status(503);
        }
        ctx.json(body);
    }
}
