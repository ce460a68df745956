package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.service.outcomes.OutcomeFixture;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * The engagement and alert routes over the tiny graph with {@link OutcomeFixture}'s assignments and a week of
 * conversations, read through an in-memory copy as the service does: answers, and every bad parameter named.
 */
class OutcomesApiTest extends ApiOverTinyGraph {
    private static final String ANALYST = ApiCalls.KEYS.get(Role.ANALYST);
    private static final String ENGAGEMENT = "/api/v1/analytics/engagement?from=2026-01-10&to=2026-01-20T00:00:00Z";
    private static final String ALERTS = "/api/v1/analytics/alerts?window=P1D&baselineWindows=7&now=2026-02-01T00:00:00Z";

    @Override
    protected GraphStore newEmptyStore() {
        // The week's conversations are about the tiny graph's topics: those first
        GraphStore store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        store.upsert(OutcomeFixture.elements());
        store.upsert(OutcomeFixture.week(6, true));
        return new CachedGraphStore(store);
    }

    @Test
    void shouldAnswerTheLeaderboardOfTheWindow() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode r = json(get(client, ENGAGEMENT + "&minAssignments=2", ANALYST), 200);
            assertEquals("2026-01-10T00:00:00Z", r.get("from").asText());
            assertEquals(2, r.get("groupCount").asInt());
            JsonNode first = r.get("groups").get(0);
            assertEquals("e1", first.get("id").asText());
            assertEquals(1, first.get("rank").asInt());
            assertEquals(60.0, first.get("figures").get("medianResponseMinutes").asDouble());
            assertEquals(0.75, first.get("figures").get("acceptanceRate").asDouble());
            assertEquals(7, r.get("totals").get("assignments").asInt());
            assertEquals(5.0, r.get("scoring").get("k").asDouble());
            assertTrue(r.get("series").isNull());

            JsonNode byProgram = json(get(client, ENGAGEMENT + "&by=program&bucket=day&limit=1", ANALYST), 200);
            assertEquals("p1", byProgram.get("groups").get(0).get("id").asText());
            assertEquals(10, byProgram.get("series").size());
            assertEquals(2, json(get(client, ENGAGEMENT + "&sort=speed", ANALYST), 200).get("groupCount").asInt());
        });
    }

    @Test
    void shouldNameEveryBadEngagementParameter() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            assertEquals("from", field(client, "/api/v1/analytics/engagement?from=2026-02-01&to=2026-01-01", 400));
            assertEquals("from", field(client, "/api/v1/analytics/engagement?from=yesterday", 400));
            assertEquals("to", field(client, "/api/v1/analytics/engagement?to=2026-13-01", 400));
            assertEquals("to", field(client, "/api/v1/analytics/engagement?to=2026-01-01T00:00:00", 400));
            assertEquals("program", field(client, "/api/v1/analytics/engagement?program=nope", 404));
            assertEquals("limit", field(client, "/api/v1/analytics/engagement?limit=0", 400));
            assertEquals("limit", field(client, "/api/v1/analytics/engagement?limit=501", 400));
            assertEquals("limit", field(client, "/api/v1/analytics/engagement?limit=ten", 400));
            assertEquals("by", field(client, "/api/v1/analytics/engagement?by=team", 400));
            assertEquals("sort", field(client, "/api/v1/analytics/engagement?sort=fastest", 400));
            assertEquals("bucket", field(client, "/api/v1/analytics/engagement?bucket=month", 400));
            assertEquals("minAssignments", field(client, "/api/v1/analytics/engagement?minAssignments=0", 400));
            assertEquals("from", field(client, "/api/v1/analytics/engagement?from=1990-01-01", 400));
        });
    }

    @Test
    void shouldAnswerTheAlertsWithATeam() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode r = json(get(client, ALERTS, ANALYST), 200);
            assertEquals(2, r.get("topicsTested").asInt());
            assertEquals("PT24H", r.get("window").asText(), "Java's canonical form of P1D");
            JsonNode alert = r.get("alerts").get(0);
            assertEquals("kubernetes", alert.get("topicId").asText());
            assertEquals("high", alert.get("severity").asText());
            assertEquals("s2", alert.get("teamFor").asText());
            assertFalse(alert.get("team").get("members").isEmpty(), alert.toString());
            assertEquals(0.001, r.get("thresholds").get("critical").asDouble());

            JsonNode quiet = json(get(client, "/api/v1/analytics/alerts?now=2020-01-01", ANALYST), 200);
            assertTrue(quiet.get("alerts").isEmpty());
        });
    }

    @Test
    void shouldNameEveryBadAlertParameter() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            assertEquals("window", field(client, "/api/v1/analytics/alerts?window=daily", 400));
            assertEquals("window", field(client, "/api/v1/analytics/alerts?window=PT1M", 400));
            assertEquals("window", field(client, "/api/v1/analytics/alerts?window=P365D", 400));
            assertEquals("baselineWindows", field(client, "/api/v1/analytics/alerts?baselineWindows=1", 400));
            assertEquals("baselineWindows", field(client, "/api/v1/analytics/alerts?baselineWindows=1000", 400));
            assertEquals("now", field(client, "/api/v1/analytics/alerts?now=now", 400));
            assertEquals("minVolume", field(client, "/api/v1/analytics/alerts?minVolume=-1", 400));
            assertEquals("minVolume", field(client, "/api/v1/analytics/alerts?minVolume=NaN", 400));
            assertEquals("negativeBelow", field(client, "/api/v1/analytics/alerts?negativeBelow=-3", 400));
            assertEquals("limit", field(client, "/api/v1/analytics/alerts?limit=101", 400));
            assertEquals("teamSize", field(client, "/api/v1/analytics/alerts?teamSize=0", 400));
        });
    }

    private static String field(HttpClient client, String path, int status) throws Exception {
        return problem(get(client, path, ANALYST), status).get("field").asText();
    }
}
