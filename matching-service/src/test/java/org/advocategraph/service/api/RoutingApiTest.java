package org.advocategraph.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.service.policy.AccountPolicy;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Triage, mobilization and batch assignment through HTTP. */
class RoutingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = ApiKeys.newKey();
    private static final String ANALYST = ApiKeys.newKey();

    private GraphStore store;
    private ApiServer server;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        PolicyBook policies = new PolicyBook(store, JSON);
        policies.putAccount("a1", new AccountPolicy(true));
        ApiKeys keys = ApiKeys.parse(ApiKeys.entryFor(Role.MANAGER, MANAGER) + "," + ApiKeys.entryFor(Role.ANALYST, ANALYST));
        server = new ApiServer(new ApiSettings("127.0.0.1", 0, 1 << 16), keys, ApiServer.Engines.on(store,
                new GraphAdvocateMatcher(store, PurposeWeights.DEFAULT, policies, java.time.Clock.systemUTC()), policies));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Response get(HttpClient client, String path, String key) {
        return client.request(path, b -> b.header("Authorization", "Bearer " + key).get());
    }

    private static Response post(HttpClient client, String path, String key, String body) {
        return client.request(path, b -> b.header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").post(BodyPublishers.ofString(body)));
    }

    private static JsonNode json(Response r, int status) throws Exception {
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        return JSON.readTree(body);
    }

    @Test
    void shouldRankOpenConversationsByUrgencyWithTheirBestAdvocate() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode triage = json(get(client, "/api/v1/triage?limit=5", MANAGER), 200);
            JsonNode first = triage.get("conversations").get(0);
            assertEquals("v1", first.get("conversationId").asText());
            assertTrue(first.get("bestMatch").hasNonNull("advocateId"), first.toString());
            assertEquals(0.8, first.get("parts").get("negativity").asDouble(), 1e-9);
            assertEquals("limit", json(get(client, "/api/v1/triage?limit=0", MANAGER), 400).get("field").asText());
            assertEquals("includeAssigned",
                    json(get(client, "/api/v1/triage?includeAssigned=maybe", MANAGER), 400).get("field").asText());
        });
    }

    @Test
    void shouldMobilizeATeamAndNameWhatIsWrongWithTheRequest() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode team = json(post(client, "/api/v1/conversations/v1/mobilize", MANAGER, "{\"size\":2}"), 200);
            assertTrue(team.get("members").size() >= 1, team.toString());
            assertTrue(team.get("guarantee").asText().contains("1 - 1/e"));
            assertEquals("size", json(post(client, "/api/v1/conversations/v1/mobilize", MANAGER, "{\"size\":0}"), 400)
                    .get("field").asText());
            json(post(client, "/api/v1/conversations/nope/mobilize", MANAGER, "{}"), 404);
        });
    }

    @Test
    void shouldAssignTheQueueOptimallyAndProposeOnlyOncePerConversation() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given two open conversations, v0 of which already has an accepted assignment
            // When the queue is assigned and committed
            JsonNode first = json(post(client, "/api/v1/assignments/batch", MANAGER, "{\"commit\":true}"), 200);

            // Then v1 gets an advocate, at least as good in total as greedy, and is proposed; v0 is left out
            assertEquals(1, first.get("assignments").size(), first.toString());
            assertEquals("v1", first.get("assignments").get(0).get("conversationId").asText());
            assertTrue(first.get("total").asDouble() >= first.get("greedy").get("total").asDouble() - 1e-9);
            assertEquals(1, first.get("proposed").size(), first.toString());
            assertTrue(first.get("notes").get(0).asText().contains("v0"), first.toString());

            // When the same queue is committed again, Then nothing more is proposed: both now have an open one
            JsonNode again = json(post(client, "/api/v1/assignments/batch", MANAGER, "{\"commit\":true}"), 200);
            assertEquals(0, again.get("assignments").size(), again.toString());
            assertEquals(0, again.get("proposed").size(), again.toString());

            // And unknown ids are named, and an analyst may not assign
            assertTrue(json(post(client, "/api/v1/assignments/batch", MANAGER, "{\"conversationIds\":[\"v1\",\"nope\"]}"), 404)
                    .get("detail").asText().contains("nope"));
            json(post(client, "/api/v1/assignments/batch", ANALYST, "{}"), 403);
        });
    }
}
