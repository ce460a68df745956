package org.advocategraph.service.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.model.Purpose;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.MatchResult;
import org.advocategraph.store.GraphStore;

/** {@code POST /api/v1/matches}: parses the body, asks the matcher, answers the ranked list. */
final class MatchHandler implements Handler {
    /** @return how current the graph behind an answer is: read live, or from a copy loaded when */
    static Map<String, Object> freshness(GraphStore store) {
        Map<String, Object> graph = new LinkedHashMap<>();
        store.freshness().ifPresentOrElse(f -> {
            graph.put("readFrom", "memory");
            graph.put("loadedAt", f.loadedAt().toString());
            graph.put("ageSeconds", f.ageSeconds());
            graph.put("lastWriteAt", f.lastWriteAt() == null ? null : f.lastWriteAt().toString());
        }, () -> graph.put("readFrom", "store"));
        return graph;
    }

    private final AdvocateMatcher matcher;
    private final GraphStore store;
    private final ObjectMapper mapper;

    MatchHandler(AdvocateMatcher matcher, GraphStore store, ObjectMapper mapper) {
        this.matcher = matcher;
        this.store = store;
        this.mapper = mapper;
    }

    /** The JSON body; every field optional at this level, checked by {@link MatchRequest}. */
    record Body(String customerId, String conversationId, List<String> topics, String purpose, String channel,
                String language, Integer limit, String programId, String personId) {
    }

    @Override
    public void handle(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json, not " + contentType);
        }
        Body body = Json.read(mapper, ctx.body(), Body.class);
        RecordField.checkId("customerId", body.customerId());
        RecordField.checkId("personId", body.personId());
        RecordField.checkId("conversationId", body.conversationId());
        if (body.topics() != null) {
            body.topics().forEach(t -> RecordField.checkId("topics", t));
        }
        MatchRequest request = new MatchRequest(body.customerId(), body.conversationId(), body.topics(),
                body.purpose() == null ? null : Purpose.parse("purpose", body.purpose()), body.channel(),
                body.language(), body.limit() == null ? MatchRequest.DEFAULT_LIMIT : body.limit(), body.programId(),
                body.personId());
        long started = System.nanoTime();
        MatchResult result = matcher.match(request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("matches", result.matches());
        answer.put("resolved", result.resolved());
        answer.put("considered", result.considered());
        answer.put("excluded", result.excluded());
        answer.put("weights", result.weights());
        answer.put("notes", result.notes());
        answer.put("tookMs", (System.nanoTime() - started) / 1_000_000);
        answer.put("graph", freshness(store));
        ctx.json(answer);
    }
}
