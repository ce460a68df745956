package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.bulk;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.advocategraph.service.api.ApiCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/bulk}: NDJSON, checked whole, written all or nothing, over an in-memory TinkerGraph. */
class BulkTest extends ApiOverTinyGraph {
    private static final String CRM = KEYS.get(Role.CRM);

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.get("errors").forEach(e -> errors.add(e.asText()));
        return errors;
    }

    @Test
    void shouldWriteAValidBodyInOneCallAndSummarizeIt() {
        // Given nodes and relationships of several types, referring to each other and to the store, blank lines
        String body = """
                {"type":"topic","id":"networking","name":"Networking"}
                {"type":"employee","id":"e10","name":"Nia Ten","languages":["en"],"managerId":"e1"}

                {"type":"expertise","employeeId":"e10","topicId":"networking","level":0.7}
                {"type":"subtopic","childId":"networking","parentId":"cloud"}
                {"type":"tie","fromId":"c1","toId":"e10","kind":"knows","strength":0.9}\r
                {"type":"account-owner","employeeId":"e10","accountId":"a1"}
                """;
        JavalinTest.test(server.javalin(), (app, client) -> {
            // When it is posted
            JsonNode summary = json(bulk(client, CRM, body), 200);

            // Then everything is written and counted
            assertEquals(6, summary.get("records").asInt());
            assertEquals(2, summary.get("nodes").asInt());
            assertEquals(2, summary.get("nodesCreated").asInt());
            assertEquals(4, summary.get("relationships").asInt());
            assertEquals(4, summary.get("relationshipsCreated").asInt());
            assertEquals(0, summary.get("skipped").asInt());
            assertEquals("e1", store.employee("e10").orElseThrow().managerId());
            assertEquals(Set.of("e8", "e10"), Set.copyOf(store.ownersOf("a1")));

            // When it is posted again, Then it is all updates
            JsonNode again = json(bulk(client, CRM, body), 200);
            assertEquals(0, again.get("nodesCreated").asInt() + again.get("relationshipsCreated").asInt());
            assertEquals(6, again.get("nodes").asInt() + again.get("relationships").asInt());
        });
    }

    @Test
    void shouldListEveryProblemByLineAndWriteNothing() {
        // Given a body with valid lines and one problem on each of several lines
        String body = String.join("\n",
                "{\"type\":\"topic\",\"id\":\"networking\",\"name\":\"Networking\"}",
                "{\"type\":\"expertise\",\"employeeId\":\"e1\",\"topicId\":\"networking\",\"level\":1.5}",
                "{\"type\":\"topic\",\"id\":\"storage\"",
                "{\"type\":\"gossip\",\"id\":\"x\"}",
                "{\"id\":\"x\"}",
                "[1,2]",
                "{\"type\":\"employee\",\"id\":\"e11\",\"name\":\"Eli\",\"colour\":\"red\"}",
                "{\"type\":\"tie\",\"fromId\":\"c1\",\"toId\":\"e1\",\"kind\":\"knows\",\"strength\":\"high\"}",
                "{\"type\":\"employee\",\"id\":\"e12\",\"name\":\"Flo\",\"name\":\"Flo\"}");
        JavalinTest.test(server.javalin(), (app, client) -> {
            Map<String, Long> before = store.counts();

            // When it is posted
            JsonNode problem = problem(bulk(client, CRM, body), 400);

            // Then each problem is listed as line N: field: reason, in line order, and nothing was written
            List<String> errors = errors(problem);
            assertEquals(8, errors.size(), errors.toString());
            assertTrue(errors.get(0).startsWith("line 2: level: must be in 0..1"), errors.get(0));
            assertTrue(errors.get(1).startsWith("line 3: malformed JSON"), errors.get(1));
            assertTrue(errors.get(2).startsWith("line 4: type: \"gossip\" is not one of employee, customer"), errors.get(2));
            assertTrue(errors.get(3).startsWith("line 5: type: is required"), errors.get(3));
            assertTrue(errors.get(4).startsWith("line 6: expected a JSON object"), errors.get(4));
            assertTrue(errors.get(5).startsWith("line 7: colour: unknown field"), errors.get(5));
            assertTrue(errors.get(6).startsWith("line 8: strength: expected a number"), errors.get(6));
            assertTrue(errors.get(7).startsWith("line 9: malformed JSON") && errors.get(7).contains("Duplicate field"),
                    errors.get(7));
            assertEquals("body", problem.get("field").asText());
            assertTrue(problem.get("detail").asText().startsWith("8 problems in the body, nothing was written"),
                    problem.toString());
            assertEquals(before, store.counts());
        });
    }

    @Test
    void shouldRefuseEndsThatExistNeitherInTheBodyNorTheStore() {
        // Given relationships to nodes missing everywhere, or of the wrong kind, next to ones the body brings
        String body = String.join("\n",
                "{\"type\":\"customer\",\"id\":\"c10\",\"name\":\"Cleo\"}",
                "{\"type\":\"interest\",\"customerId\":\"c10\",\"topicId\":\"cobol\"}",
                "{\"type\":\"expertise\",\"employeeId\":\"c10\",\"topicId\":\"cloud\",\"level\":0.5}",
                "{\"type\":\"tie\",\"fromId\":\"c10\",\"toId\":\"ghost\",\"kind\":\"follows\"}",
                "{\"type\":\"membership\",\"employeeId\":\"e1\",\"programId\":\"p1\"}",
                "{\"type\":\"about\",\"conversationId\":\"v1\",\"topicId\":\"cloud\"}");
        JavalinTest.test(server.javalin(), (app, client) -> {
            // When it is posted
            JsonNode problem = problem(bulk(client, CRM, body), 400);

            // Then every missing end is named by line and field, and nothing was written (not even c10)
            assertEquals(List.of(
                    "line 2: topicId: unknown topic id 'cobol' (in neither the body nor the store)",
                    "line 3: employeeId: unknown employee id 'c10' (in neither the body nor the store)",
                    "line 4: toId: unknown person id 'ghost' (in neither the body nor the store)",
                    "line 5: programId: unknown program id 'p1' (in neither the body nor the store)"), errors(problem));
            assertTrue(store.customer("c10").isEmpty());
        });
    }

    @Test
    void shouldRefuseTheSameRecordTwiceAndAPersonOfBothKinds() {
        // Given the same tie twice, one id as employee and customer, and ids the store holds as the other kind
        String body = String.join("\n",
                "{\"type\":\"tie\",\"fromId\":\"c1\",\"toId\":\"e1\",\"kind\":\"knows\"}",
                "{\"type\":\"tie\",\"fromId\":\"c1\",\"toId\":\"e1\",\"kind\":\"follows\"}",
                "{\"type\":\"tie\",\"fromId\":\"c1\",\"toId\":\"e1\",\"kind\":\"knows\",\"strength\":0.1}",
                "{\"type\":\"employee\",\"id\":\"p10\",\"name\":\"Pat\"}",
                "{\"type\":\"customer\",\"id\":\"p10\",\"name\":\"Pat\"}",
                "{\"type\":\"employee\",\"id\":\"c2\",\"name\":\"Ben\"}",
                "{\"type\":\"customer\",\"id\":\"e2\",\"name\":\"Max\"}");
        JavalinTest.test(server.javalin(), (app, client) -> {
            // When it is posted, Then each is refused by line
            List<String> errors = errors(problem(bulk(client, CRM, body), 400));
            assertEquals(4, errors.size(), errors.toString());
            assertEquals("line 3: fromId: the same tie as line 1; give each record once", errors.get(0));
            assertTrue(errors.get(1).startsWith("line 5: id: 'p10' is the employee on line 4"), errors.get(1));
            assertTrue(errors.get(2).startsWith("line 6: id: 'c2' is already the id of a customer in the store"),
                    errors.get(2));
            assertTrue(errors.get(3).startsWith("line 7: id: 'e2' is already the id of an employee"), errors.get(3));
        });
    }

    @Test
    void shouldRefuseAnEmptyBodyAndAnotherMediaType() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given no records, When posted, Then 400 names the body
            assertEquals("body", problem(bulk(client, CRM, "\n  \n"), 400).get("field").asText());

            // Given JSON instead of NDJSON, When posted, Then 415 names the Content-Type
            JsonNode media = problem(send(client, "POST", "/api/v1/bulk", CRM, "application/json",
                    "{\"type\":\"topic\",\"id\":\"t\",\"name\":\"T\"}"), 415);
            assertEquals("Content-Type", media.get("field").asText());
        });
    }
}
