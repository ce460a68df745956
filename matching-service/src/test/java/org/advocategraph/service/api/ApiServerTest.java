package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.JSON;
import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.post;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;

class ApiServerTest extends ApiOverTinyGraph {
    private static final String CRM = ApiCalls.KEYS.get(Role.CRM);
    private static final String ANALYST = ApiCalls.KEYS.get(Role.ANALYST);

    @Override
    protected long maxBodyBytes() {
        return 4096;
    }

    @Test
    void shouldAnswerHealthWithoutAKey() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            Response r = client.get("/health");
            assertEquals(200, r.code());
            JsonNode body = JSON.readTree(r.body().string());
            assertEquals("UP", body.get("status").asText());
            assertEquals(8, body.get("counts").get("Employee").asInt());
        });
    }

    @Test
    void shouldReturnRankedExplainedMatches() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            Response r = post(client, "/api/v1/matches", CRM, "{\"customerId\":\"c1\",\"topics\":[\"kubernetes\"],\"limit\":3}");
            assertEquals(200, r.code(), r.body().string());
            JsonNode body = JSON.readTree(r.body().string());
            JsonNode first = body.get("matches").get(0);
            assertEquals("e1", first.get("advocateId").asText());
            assertEquals("Eve One", first.get("name").asText());
            assertEquals(0.9, first.get("factors").get("proximity").asDouble(), 1e-9);
            assertEquals("c1", first.get("path").get(0).asText());
            assertTrue(first.get("reasons").get(0).asText().contains("Directly connected"));
            assertEquals(3, body.get("matches").size());
        });
    }

    @Test
    void shouldRequireAKeyAndTheRightRole() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode missing = problem(post(client, "/api/v1/matches", null, "{\"customerId\":\"c1\"}"), 401);
            assertEquals("Authorization", missing.get("field").asText());
            problem(post(client, "/api/v1/matches", "adv_wrong", "{\"customerId\":\"c1\"}"), 401);
            JsonNode forbidden = problem(post(client, "/api/v1/matches", ANALYST, "{\"customerId\":\"c1\"}"), 403);
            assertTrue(forbidden.get("detail").asText().contains("role analyst"), forbidden.toString());
            problem(get(client, "/api/v1/analytics/reach?advocates=e1", CRM), 403);
            assertEquals(200, get(client, "/api/v1/analytics/reach?advocates=e1", ANALYST).code());
        });
    }

    @Test
    void shouldNameTheFieldOfABadMatchRequest() {
        Map<String, String> cases = new LinkedHashMap<>();
        String[] pairs = {
                "{\"customerId\":", "body",
                "{\"customerId\":\"c1\",\"limit\":0}", "limit",
                "{\"customerId\":\"c1\",\"limit\":101}", "limit",
                "{\"customerId\":\"c1\",\"limit\":\"ten\"}", "limit",
                "{\"limit\":5}", "customerId",
                "{\"customerId\":\"c1\",\"colour\":\"red\"}", "colour",
                "{\"customerId\":\"c1\",\"purpose\":\"gossip\"}", "purpose",
                "{\"topics\":\"kubernetes\"}", "topics",
                "{\"customerId\":\"c1\",\"personId\":\"e1\"}", "personId",
                "{\"personId\":\"" + "p".repeat(RecordField.MAX_ID_LENGTH + 1) + "\"}", "personId",
                "[1,2]", "body"};
        for (int i = 0; i < pairs.length; i += 2) {
            cases.put(pairs[i], pairs[i + 1]);
        }
        JavalinTest.test(server.javalin(), (app, client) -> {
            for (var c : cases.entrySet()) {
                JsonNode body = problem(post(client, "/api/v1/matches", CRM, c.getKey()), 400);
                assertEquals(c.getValue(), body.get("field").asText(), c.getKey() + " -> " + body);
            }
        });
    }

    @Test
    void shouldAnswer404NamingUnknownIds() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode customer = problem(post(client, "/api/v1/matches", CRM, "{\"customerId\":\"ghost\"}"), 404);
            assertEquals("customerId", customer.get("field").asText());
            assertEquals("ghost", customer.get("ids").get(0).asText());
            JsonNode person = problem(post(client, "/api/v1/matches", CRM, "{\"personId\":\"ghost\"}"), 404);
            assertEquals("personId", person.get("field").asText());
            assertEquals("ghost", person.get("ids").get(0).asText());
            JsonNode topic = problem(post(client, "/api/v1/matches", CRM, "{\"topics\":[\"kubernetes\",\"cobol\"]}"), 404);
            assertEquals("topics", topic.get("field").asText());
            assertEquals(1, topic.get("ids").size());
            JsonNode advocate = problem(get(client, "/api/v1/analytics/reach?advocates=e1,zz", ANALYST), 404);
            assertEquals("advocates", advocate.get("field").asText());
            problem(get(client, "/api/v1/analytics/reach?program=nope", ANALYST), 404);
            problem(get(client, "/no/such/route", CRM), 404);
        });
    }

    @Test
    void shouldBoundTheBodySize() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            String big = "{\"customerId\":\"" + "x".repeat(10_000) + "\"}";
            JsonNode body = problem(post(client, "/api/v1/matches", CRM, big), 413);
            assertEquals("body", body.get("field").asText());
        });
    }

    @Test
    void shouldValidateReachParameters() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            assertEquals("hops", problem(get(client, "/api/v1/analytics/reach?advocates=e1&hops=4", ANALYST), 400).get("field").asText());
            assertEquals("hops", problem(get(client, "/api/v1/analytics/reach?advocates=e1&hops=0", ANALYST), 400).get("field").asText());
            assertEquals("hops", problem(get(client, "/api/v1/analytics/reach?advocates=e1&hops=two", ANALYST), 400).get("field").asText());
            problem(get(client, "/api/v1/analytics/reach", ANALYST), 400);
            problem(get(client, "/api/v1/analytics/reach?advocates=e1&program=p1", ANALYST), 400);
            Response ok = get(client, "/api/v1/analytics/reach?advocates=e1,e2&hops=2", ANALYST);
            assertEquals(200, ok.code(), ok.body().string());
            JsonNode body = JSON.readTree(ok.body().string());
            assertEquals(2, body.get("seeds").asInt());
            assertEquals(2, body.get("hops").asInt());
            // e1's audience is c1 (a mutual tie); e2's is c2 (a follower); at hop 2, c1 and c2 know each other.
            assertEquals(2, body.get("reach").asLong());
        });
    }

    @Test
    void shouldListEveryRouteWithItsRoles() {
        assertTrue(server.routes().stream().anyMatch(r -> r.path().equals("/api/v1/matches") && r.roles().contains(Role.CRM)));
        assertTrue(server.routes().stream().filter(r -> r.path().startsWith("/api/")).noneMatch(r -> r.roles().isEmpty()));
    }
}
