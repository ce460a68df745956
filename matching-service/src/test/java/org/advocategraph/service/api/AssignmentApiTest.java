package org.advocategraph.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.service.engagement.AssignmentEvents;
import org.advocategraph.service.engagement.AssignmentService;
import org.advocategraph.service.engagement.Signatures;
import org.advocategraph.service.engagement.WebhookDispatcher;
import org.advocategraph.service.engagement.WebhookReceiver;
import org.advocategraph.service.engagement.WebhookSettings;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * The assignment routes over HTTP, in-process over the {@link TinyGraph} (conversation v1 has no assignment; v0 has
 * e5's accepted s1), with and without a webhook receiver.
 */
class AssignmentApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CRM = ApiKeys.newKey();
    private static final String ANALYST = ApiKeys.newKey();
    private static final String MANAGER = ApiKeys.newKey();
    private static final String SECRET = "webhook-secret-for-the-tests";
    private static final ApiKeys KEYS = ApiKeys.parse(ApiKeys.entryFor(Role.CRM, CRM) + ","
            + ApiKeys.entryFor(Role.ANALYST, ANALYST) + "," + ApiKeys.entryFor(Role.MANAGER, MANAGER));

    private GraphStore store;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ApiServer server(Optional<WebhookDispatcher> webhook) {
        AssignmentService assignments = new AssignmentService(store,
                webhook.<AssignmentEvents>map(w -> w).orElse(AssignmentEvents.NONE), Clock.systemUTC());
        GraphAdvocateMatcher matcher = new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT);
        return new ApiServer(new ApiSettings("127.0.0.1", 0, 4096), KEYS, ApiServer.Engines.on(store, matcher,
                new PolicyBook(store, new com.fasterxml.jackson.databind.ObjectMapper()),
                assignments, webhook));
    }

    private static WebhookDispatcher dispatcher(URI url, int attempts) {
        return new WebhookDispatcher(new WebhookSettings(url, SECRET, attempts, Duration.ofMillis(20),
                Duration.ofSeconds(2)), Clock.systemUTC());
    }

    private static Response post(HttpClient client, String path, String key, String body) {
        return client.request(path, b -> b.header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").post(BodyPublishers.ofString(body)));
    }

    private static Response get(HttpClient client, String path, String key) {
        return client.request(path, b -> b.header("Authorization", "Bearer " + key).get());
    }

    private static JsonNode ok(Response response, int status) throws Exception {
        String body = response.body().string();
        assertEquals(status, response.code(), body);
        return JSON.readTree(body);
    }

    private static JsonNode problem(Response response, int status) throws Exception {
        String body = response.body().string();
        assertEquals(status, response.code(), body);
        assertTrue(response.headers().get("Content-Type").get(0).startsWith(Problem.MEDIA_TYPE));
        return JSON.readTree(body);
    }

    private static String propose(HttpClient client, String conversationId, String employeeId) throws Exception {
        return ok(post(client, "/api/v1/assignments", CRM, "{\"conversationId\":\"" + conversationId
                + "\",\"employeeId\":\"" + employeeId + "\"}"), 201).get("id").asText();
    }

    @Test
    void shouldProposeAnAssignmentAndWalkItThroughItsLifecycle() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            // Given the tiny graph
            // When a CRM proposes e1 for v1
            Response created = post(client, "/api/v1/assignments", CRM, "{\"conversationId\":\"v1\",\"employeeId\":\"e1\"}");

            // Then it answers 201 with the proposed assignment and where to find it
            JsonNode proposed = ok(created, 201);
            String id = proposed.get("id").asText();
            assertEquals("/api/v1/assignments/" + id, created.headers().get("Location").get(0));
            assertEquals("proposed", proposed.get("status").asText());
            assertEquals("v1", proposed.get("conversationId").asText());
            assertEquals("e1", proposed.get("employeeId").asText());
            assertTrue(proposed.get("decidedAt").isNull());

            // When a manager accepts it for the advocate, it is responded to and resolved with a body
            assertEquals("accepted", ok(post(client, "/api/v1/assignments/" + id + "/accept", MANAGER, ""), 200)
                    .get("status").asText());
            ok(post(client, "/api/v1/assignments/" + id + "/respond", CRM, "{}"), 200);
            JsonNode resolved = ok(post(client, "/api/v1/assignments/" + id + "/resolve", CRM,
                    "{\"outcome\":\"resolved\",\"sentimentAfter\":0.6}"), 200);

            // Then every step's time, the outcome and the sentiment are there, also when read back
            assertEquals("resolved", resolved.get("status").asText());
            assertEquals("resolved", resolved.get("outcome").asText());
            assertEquals(0.6, resolved.get("sentimentAfter").asDouble());
            for (String time : List.of("assignedAt", "decidedAt", "respondedAt", "resolvedAt")) {
                assertFalse(resolved.get(time).isNull(), time);
            }
            assertEquals(resolved, ok(get(client, "/api/v1/assignments/" + id, ANALYST), 200));
        });
    }

    @Test
    void shouldAnswer409ForASecondOpenAssignmentAndForAnIllegalStep() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            // Given a proposed assignment for v1
            String id = propose(client, "v1", "e1");

            // When another is proposed for v1, Then 409 names the open one
            JsonNode busy = problem(post(client, "/api/v1/assignments", CRM,
                    "{\"conversationId\":\"v1\",\"employeeId\":\"e2\"}"), 409);
            assertEquals("conversationId", busy.get("field").asText());
            assertTrue(busy.get("detail").asText().contains(id), busy.toString());
            assertEquals("/problems/conflict", busy.get("type").asText());

            // When it is resolved before being accepted, Then 409 says from which status to which
            JsonNode illegal = problem(post(client, "/api/v1/assignments/" + id + "/resolve", CRM,
                    "{\"outcome\":\"resolved\"}"), 409);
            assertTrue(illegal.get("detail").asText().contains("from proposed to resolved"), illegal.toString());
            assertEquals("status", illegal.get("field").asText());

            // When it is declined with a reason, Then v1 takes a new proposal
            assertEquals("busy this week", ok(post(client, "/api/v1/assignments/" + id + "/decline", CRM,
                    "{\"outcome\":\"busy this week\"}"), 200).get("outcome").asText());
            propose(client, "v1", "e2");
        });
    }

    @Test
    void shouldAnswer404NamingUnknownIds() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            JsonNode conversation = problem(post(client, "/api/v1/assignments", CRM,
                    "{\"conversationId\":\"ghost\",\"employeeId\":\"e1\"}"), 404);
            assertEquals("conversationId", conversation.get("field").asText());
            assertEquals("ghost", conversation.get("ids").get(0).asText());
            JsonNode employee = problem(post(client, "/api/v1/assignments", CRM,
                    "{\"conversationId\":\"v1\",\"employeeId\":\"c1\"}"), 404);
            assertEquals("employeeId", employee.get("field").asText());
            assertEquals("id", problem(get(client, "/api/v1/assignments/nope", CRM), 404).get("field").asText());
            assertEquals("id", problem(post(client, "/api/v1/assignments/nope/accept", CRM, ""), 404).get("field").asText());
        });
    }

    @Test
    void shouldNameTheFieldOfABadAssignmentRequest() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            // Given an assignment that has been responded to
            String id = propose(client, "v1", "e1");
            ok(post(client, "/api/v1/assignments/" + id + "/accept", CRM, ""), 200);
            ok(post(client, "/api/v1/assignments/" + id + "/respond", CRM, ""), 200);

            // When requests leave out, misspell or mistype a field, Then 400 names it
            assertEquals("employeeId", problem(post(client, "/api/v1/assignments", CRM,
                    "{\"conversationId\":\"v1\"}"), 400).get("field").asText());
            assertEquals("employee", problem(post(client, "/api/v1/assignments", CRM,
                    "{\"conversationId\":\"v1\",\"employee\":\"e1\"}"), 400).get("field").asText());
            assertEquals("body", problem(post(client, "/api/v1/assignments", CRM, "{\"conversationId\":"), 400)
                    .get("field").asText());
            assertEquals("outcome", problem(post(client, "/api/v1/assignments/" + id + "/resolve", CRM,
                    "{\"sentimentAfter\":0.2}"), 400).get("field").asText());
            assertEquals("sentimentAfter", problem(post(client, "/api/v1/assignments/" + id + "/resolve", CRM,
                    "{\"outcome\":\"resolved\",\"sentimentAfter\":2}"), 400).get("field").asText());
            assertEquals("sentimentAfter", problem(post(client, "/api/v1/assignments/" + id + "/resolve", CRM,
                    "{\"outcome\":\"resolved\",\"sentimentAfter\":\"good\"}"), 400).get("field").asText());
            assertEquals("status", problem(get(client, "/api/v1/assignments?status=done", CRM), 400).get("field").asText());
            assertEquals("limit", problem(get(client, "/api/v1/assignments?limit=0", CRM), 400).get("field").asText());
            assertEquals("limit", problem(get(client, "/api/v1/assignments?limit=501", CRM), 400).get("field").asText());
            assertEquals("responded", ok(get(client, "/api/v1/assignments/" + id, CRM), 200).get("status").asText());
        });
    }

    @Test
    void shouldListAssignmentsByFilterLatestFirstAndSayWhenThereAreMore() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            // Given a declined assignment for v1 and a newer proposed one, besides the tiny graph's s1 for v0
            String first = propose(client, "v1", "e1");
            ok(post(client, "/api/v1/assignments/" + first + "/decline", CRM, ""), 200);
            Thread.sleep(5);
            String second = propose(client, "v1", "e2");

            // When they are listed by conversation, status, employee, and with a limit
            JsonNode byConversation = ok(get(client, "/api/v1/assignments?conversationId=v1", ANALYST), 200);
            JsonNode declined = ok(get(client, "/api/v1/assignments?status=declined", ANALYST), 200);
            JsonNode byEmployee = ok(get(client, "/api/v1/assignments?employeeId=e5&status=accepted", ANALYST), 200);
            JsonNode limited = ok(get(client, "/api/v1/assignments?limit=1", ANALYST), 200);

            // Then the latest comes first, the filters hold, and "more" says when the limit cut the list
            assertEquals(List.of(second, first), ids(byConversation));
            assertFalse(byConversation.get("more").asBoolean());
            assertEquals(List.of(first), ids(declined));
            assertEquals(List.of("s1"), ids(byEmployee));
            assertEquals(List.of(second), ids(limited));
            assertTrue(limited.get("more").asBoolean());
            assertEquals(1, limited.get("limit").asInt());
        });
    }

    private static List<String> ids(JsonNode list) {
        return list.get("assignments").findValues("id").stream().map(JsonNode::asText).toList();
    }

    @Test
    void shouldAllowEachAssignmentRouteOnlyToItsRoles() {
        JavalinTest.test(server(Optional.empty()).javalin(), (app, client) -> {
            // Given an analyst, a CRM and a manager key
            String id = propose(client, "v1", "e1");

            // When each uses the routes, Then analysts read but never write, and only managers see deliveries
            assertEquals(200, get(client, "/api/v1/assignments/" + id, ANALYST).code());
            assertEquals(200, get(client, "/api/v1/assignments", ANALYST).code());
            problem(post(client, "/api/v1/assignments", ANALYST, "{\"conversationId\":\"v1\",\"employeeId\":\"e2\"}"), 403);
            problem(post(client, "/api/v1/assignments/" + id + "/accept", ANALYST, ""), 403);
            problem(get(client, "/api/v1/webhooks/deliveries", CRM), 403);
            problem(get(client, "/api/v1/webhooks/deliveries", ANALYST), 403);
            problem(client.request("/api/v1/assignments/" + id, b -> b.get()), 401);
            JsonNode none = ok(get(client, "/api/v1/webhooks/deliveries", MANAGER), 200);
            assertFalse(none.get("configured").asBoolean());
            assertEquals(0, none.get("deliveries").size());
        });
    }

    @Test
    void shouldDeliverSignedEventsToTheWebhookRetryingUntilItAccepts() throws Exception {
        // Given a receiver that fails the first two requests, and a webhook allowed 5 attempts
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2);
             WebhookDispatcher webhook = dispatcher(receiver.url(), 5)) {
            JavalinTest.test(server(Optional.of(webhook)).javalin(), (app, client) -> {
                // When an assignment is proposed over the API
                String id = propose(client, "v1", "e1");

                // Then the receiver gets it on the third attempt, and the deliveries say so
                assertTrue(WebhookReceiver.await(() -> receiver.received().size() == 3, Duration.ofSeconds(10)));
                assertTrue(WebhookReceiver.await(() -> webhook.deliveries(1).get(0).delivered(), Duration.ofSeconds(5)));
                JsonNode deliveries = ok(get(client, "/api/v1/webhooks/deliveries", MANAGER), 200);
                assertTrue(deliveries.get("configured").asBoolean());
                assertEquals("http://127.0.0.1:" + receiver.url().getPort() + "/hooks/advocates",
                        deliveries.get("url").asText());
                JsonNode delivery = deliveries.get("deliveries").get(0);
                assertEquals("assignment.proposed", delivery.get("event").asText());
                assertEquals(id, delivery.get("assignmentId").asText());
                assertEquals(3, delivery.get("attempts").asInt());
                assertEquals("delivered", delivery.get("state").asText());
                assertTrue(delivery.get("delivered").asBoolean());
                assertEquals(204, delivery.get("lastStatus").asInt());

                // And each attempt is signed with the secret over the raw body, with one event id for all three
                for (WebhookReceiver.Received r : receiver.received()) {
                    assertEquals(WebhookReceiver.expectedSignature(r.body(), SECRET), r.header(Signatures.HEADER));
                    assertEquals(delivery.get("eventId").asText(), r.header("X-Advocates-Event-Id"));
                }
                JsonNode event = JSON.readTree(receiver.received().get(2).body());
                assertEquals("assignment.proposed", event.get("type").asText());
                assertEquals(id, event.get("assignment").get("id").asText());
                assertEquals("proposed", event.get("assignment").get("status").asText());
                assertEquals(ok(get(client, "/api/v1/assignments/" + id, CRM), 200), event.get("assignment"));

                // When it is accepted, Then that event follows, delivered at once
                ok(post(client, "/api/v1/assignments/" + id + "/accept", CRM, ""), 200);
                assertTrue(WebhookReceiver.await(() -> receiver.received().size() == 4, Duration.ofSeconds(10)));
                assertEquals("assignment.accepted", receiver.received().get(3).header("X-Advocates-Event"));
            });
        }
    }

    @Test
    void shouldKeepTheAssignmentAndShowTheFailedDeliveryWhenTheWebhookIsUnreachable() throws Exception {
        // Given a webhook at a port where nothing listens, allowed 3 attempts
        try (WebhookDispatcher webhook = dispatcher(WebhookReceiver.unreachable(), 3)) {
            JavalinTest.test(server(Optional.of(webhook)).javalin(), (app, client) -> {
                // When an assignment is proposed, Then the API answers 201 at once and the assignment exists
                String id = propose(client, "v1", "e1");
                assertEquals("proposed", ok(get(client, "/api/v1/assignments/" + id, CRM), 200).get("status").asText());

                // And the delivery ends failed after its attempts, for managers to see
                assertTrue(WebhookReceiver.await(() -> webhook.deliveries(1).get(0).state().equals("failed"),
                        Duration.ofSeconds(20)));
                JsonNode delivery = ok(get(client, "/api/v1/webhooks/deliveries?limit=5", MANAGER), 200)
                        .get("deliveries").get(0);
                assertEquals(id, delivery.get("assignmentId").asText());
                assertFalse(delivery.get("delivered").asBoolean());
                assertEquals("failed", delivery.get("state").asText());
                assertEquals(3, delivery.get("attempts").asInt());
                assertTrue(delivery.get("lastStatus").isNull());
                assertTrue(delivery.get("lastError").asText().contains("ConnectException"), delivery.toString());
                assertEquals("proposed", ok(get(client, "/api/v1/assignments/" + id, CRM), 200).get("status").asText());
            });
        }
    }
}
