package org.advocategraph.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Routing policies through the API, and their effect on matches. */
class PolicyApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANAGER = ApiKeys.newKey();
    private static final String CRM = ApiKeys.newKey();

    private GraphStore store;
    private ApiServer server;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        List<org.advocategraph.model.GraphElement> g = new ArrayList<>(TinyGraph.elements());
        // Program p1 (care) has e1 (certified social-care) and e2 (no certification) as members
        g.add(new Program("p1", "Care corps", Purpose.CARE));
        g.add(new Membership("e1", "p1", null));
        g.add(new Membership("e2", "p1", null));
        store.upsert(g);
        ApiKeys keys = ApiKeys.parse(ApiKeys.entryFor(Role.MANAGER, MANAGER) + "," + ApiKeys.entryFor(Role.CRM, CRM));
        PolicyBook policies = new PolicyBook(store, JSON);
        server = new ApiServer(new ApiSettings("127.0.0.1", 0, 1 << 16), keys, ApiServer.Engines.on(store,
                new GraphAdvocateMatcher(store, PurposeWeights.DEFAULT, policies, java.time.Clock.systemUTC()), policies));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static Response send(HttpClient client, String method, String path, String key, String body) {
        return client.request(path, b -> {
            b.header("Authorization", "Bearer " + key).header("Content-Type", "application/json");
            var publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
            switch (method) {
                case "POST" -> b.post(publisher);
                case "PUT" -> b.put(publisher);
                case "DELETE" -> b.delete(publisher);
                default -> b.get();
            }
        });
    }

    private static JsonNode json(Response r, int status) throws Exception {
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        return JSON.readTree(body);
    }

    private static List<String> ids(JsonNode matches) {
        List<String> out = new ArrayList<>();
        matches.get("matches").forEach(m -> out.add(m.get("advocateId").asText()));
        return out;
    }

    @Test
    void shouldRouteCareOnlyToCertifiedMembersOnceTheProgramHasAPolicy() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            String care = "{\"topics\":[\"kubernetes\"],\"purpose\":\"care\"}";
            // Given no policy: every able expert is ranked
            assertTrue(ids(json(send(client, "POST", "/api/v1/matches", CRM, care), 200)).containsAll(List.of("e1", "e2", "e6")));

            // When the care program requires the social-care certification for care
            JsonNode stored = json(send(client, "PUT", "/api/v1/programs/p1/policy", MANAGER,
                    "{\"purposes\":[\"care\"],\"certifications\":{\"care\":[\"social-care\"]}}"), 200);
            assertEquals("care", stored.get("purposes").get(0).asText());

            // Then only its certified member is ranked for care, and the others are counted by rule
            JsonNode after = json(send(client, "POST", "/api/v1/matches", CRM, care), 200);
            assertEquals(List.of("e1"), ids(after));
            assertEquals(1, after.get("excluded").get("certification").asInt());
            assertTrue(after.get("excluded").get("program").asInt() >= 1, after.toString());

            // And a purpose the policy does not govern is not restricted
            String product = "{\"topics\":[\"kubernetes\"],\"purpose\":\"product\"}";
            assertTrue(ids(json(send(client, "POST", "/api/v1/matches", CRM, product), 200)).contains("e6"));

            // And the policy is kept in the graph: a new book reads it back
            assertEquals(Set.of("p1"), new PolicyBook(store, JSON).programs().keySet());

            // When it is removed, Then care is open again
            assertEquals(204, send(client, "DELETE", "/api/v1/programs/p1/policy", MANAGER, null).code());
            assertTrue(ids(json(send(client, "POST", "/api/v1/matches", CRM, care), 200)).contains("e6"));
        });
    }

    @Test
    void shouldRouteAnOwnedAccountsCustomerToItsOwnerUnlessTheOwnerAllowsOthers() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given customer c1 of account a1, owned by e8
            String body = "{\"customerId\":\"c1\",\"topics\":[\"kubernetes\"]}";
            JsonNode owned = json(send(client, "POST", "/api/v1/matches", CRM, body), 200);
            assertEquals(List.of("e8"), ids(owned));
            assertTrue(owned.get("excluded").get("accountOwner").asInt() >= 2, owned.toString());

            // When the account allows others
            json(send(client, "PUT", "/api/v1/accounts/a1/policy", MANAGER, "{\"allowOthers\":true}"), 200);

            // Then the expert the customer knows comes first again
            assertEquals("e1", ids(json(send(client, "POST", "/api/v1/matches", CRM, body), 200)).get(0));
        });
    }

    @Test
    void shouldRejectBadPoliciesNamingTheFieldAndUnknownIds() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode bad = json(send(client, "PUT", "/api/v1/programs/p1/policy", MANAGER, "{\"purposes\":[\"gossip\"]}"), 400);
            assertEquals("purposes", bad.get("field").asText());
            JsonNode wrongType = json(send(client, "PUT", "/api/v1/programs/p1/policy", MANAGER, "{\"channels\":\"email\"}"), 400);
            assertEquals("channels", wrongType.get("field").asText());
            JsonNode unknown = json(send(client, "PUT", "/api/v1/programs/nope/policy", MANAGER, "{}"), 404);
            assertTrue(unknown.get("detail").asText().contains("nope"), unknown.toString());
            json(send(client, "PUT", "/api/v1/accounts/a1/policy", MANAGER, "{}"), 400);
            json(send(client, "PUT", "/api/v1/programs/p1/policy", CRM, "{}"), 403);
            json(send(client, "DELETE", "/api/v1/accounts/a1/policy", MANAGER, null), 404);
        });
    }
}
