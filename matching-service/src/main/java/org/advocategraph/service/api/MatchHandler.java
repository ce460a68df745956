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

/** {@code POST /api/v1/matches}: parses the body, asks the matcher, answers the ranked list. */
final class MatchHandler implements Handler {
    private final AdvocateMatcher matcher;
    private final ObjectMapper mapper;

    MatchHandler(AdvocateMatcher matcher, ObjectMapper mapper) {
        this.matcher = matcher;
        this.mapper = mapper;
    }

    /** The JSON body; every field optional at this level, checked by {@link MatchRequest}. */
    record Body(String customerId, String conversationId, List<String> topics, String purpose, String channel,
                String language, Integer limit) {
    }

    @Override
    public void handle(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json, not " + contentType);
        }
        Body body = Json.read(mapper, ctx.body(), Body.class);
        RecordField.checkId("customerId", body.customerId());
        RecordField.checkId("conversationId", body.conversationId());
        if (body.topics() != null) {
            body.topics().forEach(t -> RecordField.checkId("topics", t));
        }
        MatchRequest request = new MatchRequest(body.customerId(), body.conversationId(), body.topics(),
                body.purpose() == null ? null : Purpose.parse("purpose", body.purpose()), body.channel(),
                body.language(), body.limit() == null ? MatchRequest.DEFAULT_LIMIT : body.limit());
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
        ctx.json(answer);
    }
}
