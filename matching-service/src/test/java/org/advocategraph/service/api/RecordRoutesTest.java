package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.advocategraph.service.api.ApiCalls.put;
import static org.advocategraph.service.api.ApiCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Employee;

/** The CRM's upserts by external key, and reads of single nodes, over an in-memory TinkerGraph. */
class RecordRoutesTest extends ApiOverTinyGraph {
    private static final String CRM = KEYS.get(Role.CRM);

    @Test
    void shouldCreateThenUpdateAnEmployeeAndAnswerTheStoredRecord() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given a new employee id
            String body = "{\"name\":\"Nia Ten\",\"languages\":[\"EN\",\"de\"],\"purposes\":[\"care\"],\"managerId\":\"e1\"}";

            // When it is put
            Response created = put(client, "/api/v1/employees/e10", CRM, body);

            // Then it is created with defaults and normalized values, and the answer is the stored record
            JsonNode employee = json(created, 201);
            assertEquals("/api/v1/employees/e10", created.headers().get("Location").get(0));
            assertEquals("e10", employee.get("id").asText());
            assertEquals(List.of("en", "de"), List.of(employee.get("languages").get(0).asText(),
                    employee.get("languages").get(1).asText()));
            assertEquals("care", employee.get("purposes").get(0).asText());
            assertEquals(5, employee.get("capacity").asInt());
            assertTrue(employee.get("active").asBoolean() && employee.get("optedIn").asBoolean());
            assertEquals("e1", employee.get("managerId").asText());
            assertEquals(1L, store.counts().get("REPORTS_TO"));

            // When the same body is put again, Then it is an update that changes nothing
            assertEquals(employee, json(put(client, "/api/v1/employees/e10", CRM, body), 200));
            assertEquals(9L, store.counts().get("Employee"));

            // When a changed body is put, Then the record is replaced: fields left out take their defaults
            JsonNode changed = json(put(client, "/api/v1/employees/e10", CRM, "{\"name\":\"Nia T.\",\"capacity\":1}"), 200);
            assertEquals("Nia T.", changed.get("name").asText());
            assertEquals(1, changed.get("capacity").asInt());
            assertTrue(changed.get("managerId").isNull());
            assertEquals(0L, store.counts().get("REPORTS_TO"));
            assertEquals(changed, json(get(client, "/api/v1/employees/e10", CRM), 200));
        });
    }

    @Test
    void shouldPutEveryRecordTypeByItsKeyIdempotently() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given one sample of every record type, When each is put, Then each is created
            Map<String, Long> before = store.counts();
            for (var sample : Samples.PUTS.entrySet()) {
                JsonNode created = json(put(client, sample.getValue().path(), CRM, sample.getValue().body()), 201);
                for (String key : sample.getKey().keys()) {
                    assertFalse(created.get(key).asText().isEmpty(), sample.getKey() + " answers its key " + key);
                }
            }
            Map<String, Long> after = store.counts();
            for (String label : List.of("Employee", "Customer", "Account", "Topic", "Program", "Conversation",
                    "EXPERT_IN", "INTERESTED_IN", "SUBTOPIC_OF", "CONNECTED_TO", "PARTICIPATED_IN", "ABOUT",
                    "OWNS_ACCOUNT", "MEMBER_OF")) {
                assertEquals(before.getOrDefault(label, 0L) + 1, after.get(label), label);
            }

            // When every sample is put again, Then each is an update and nothing is added
            for (var sample : Samples.PUTS.values()) {
                json(put(client, sample.path(), CRM, sample.body()), 200);
            }
            assertEquals(after, store.counts());
        });
    }

    @Test
    void shouldReadBackEveryNodeTypeAsItWasPut() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given every sample put
            Map<String, JsonNode> answers = new LinkedHashMap<>();
            for (var sample : Samples.PUTS.values()) {
                answers.put(sample.path(), json(put(client, sample.path(), CRM, sample.body()), 201));
            }

            // When each node is read, with any role's key, Then it is what the PUT answered
            for (var sample : Samples.PUTS.entrySet()) {
                if (sample.getKey().isNode()) {
                    for (Role role : Role.values()) {
                        String path = sample.getValue().path();
                        assertEquals(answers.get(path), json(get(client, path, KEYS.get(role)), 200), path);
                    }
                }
            }
            JsonNode conversation = answers.get("/api/v1/conversations/v10");
            assertEquals("forum", conversation.get("channel").asText());
            assertEquals("en", conversation.get("language").asText());
            assertEquals("2025-03-01T10:15:30Z", conversation.get("createdAt").asText());
            JsonNode tie = answers.get("/api/v1/ties/c10/e10/knows");
            assertEquals("knows", tie.get("kind").asText());
            assertEquals(0.8, tie.get("strength").asDouble());
        });
    }

    @Test
    void shouldLetThePathKeyWinAndRefuseABodyKeyThatDisagrees() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given a body whose id agrees with the path, When it is put, Then it is written
            json(put(client, "/api/v1/topics/networking", CRM, "{\"id\":\"networking\",\"name\":\"Networking\"}"), 201);

            // When a body's id or relationship end disagrees with the path, Then 400 names the field, nothing written
            JsonNode id = problem(put(client, "/api/v1/topics/storage", CRM, "{\"id\":\"disks\",\"name\":\"Storage\"}"), 400);
            assertEquals("id", id.get("field").asText());
            assertTrue(id.get("detail").asText().contains("'disks'"), id.toString());
            JsonNode end = problem(put(client, "/api/v1/expertise/e1/cloud", CRM,
                    "{\"employeeId\":\"e2\",\"level\":0.5}"), 400);
            assertEquals("employeeId", end.get("field").asText());
            JsonNode kind = problem(put(client, "/api/v1/ties/c1/e2/knows", CRM, "{\"kind\":\"follows\"}"), 400);
            assertEquals("kind", kind.get("field").asText());
            assertEquals(4L, store.counts().get("Topic"));
            assertEquals(3L, store.counts().get("CONNECTED_TO"));
        });
    }

    @Test
    void shouldAnswer404NamingTheMissingEndOfARelationshipAndWriteNothing() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given the tiny graph, When relationships name missing nodes or nodes of the wrong kind
            JsonNode topic = problem(put(client, "/api/v1/expertise/e1/cobol", CRM, "{\"level\":0.5}"), 404);
            JsonNode employee = problem(put(client, "/api/v1/expertise/c1/cloud", CRM, "{\"level\":0.5}"), 404);
            JsonNode person = problem(put(client, "/api/v1/ties/ghost/e1/knows", CRM, "{}"), 404);
            JsonNode program = problem(put(client, "/api/v1/memberships/e1/p9", CRM, "{}"), 404);

            // Then each names the field and the id, and nothing was written
            assertEquals("topicId", topic.get("field").asText());
            assertEquals("cobol", topic.get("ids").get(0).asText());
            assertEquals("employeeId", employee.get("field").asText());
            assertEquals("c1", employee.get("ids").get(0).asText());
            assertEquals("fromId", person.get("field").asText());
            assertTrue(person.get("detail").asText().contains("person id ghost"), person.toString());
            assertEquals("programId", program.get("field").asText());
            assertEquals(7L, store.counts().get("EXPERT_IN"));
            assertEquals(3L, store.counts().get("CONNECTED_TO"));
        });
    }

    @Test
    void shouldAnswer404NamingAnUnknownIdOnRead() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given the tiny graph, When unknown ids or ids of another kind are read, Then 404 names them
            for (String path : List.of("/api/v1/employees/ghost", "/api/v1/employees/c1", "/api/v1/customers/e1",
                    "/api/v1/accounts/x", "/api/v1/topics/cobol", "/api/v1/programs/p9", "/api/v1/conversations/v9")) {
                JsonNode missing = problem(get(client, path, CRM), 404);
                assertEquals("id", missing.get("field").asText());
                assertEquals(path.substring(path.lastIndexOf('/') + 1), missing.get("ids").get(0).asText());
            }
        });
    }

    @Test
    void shouldRefuseAPersonIdTakenByTheOtherKindOfPerson() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given customer c1 and employee e1
            // When an employee is put with c1's id and a customer with e1's id
            JsonNode employee = problem(put(client, "/api/v1/employees/c1", CRM, "{\"name\":\"Ana\"}"), 409);
            JsonNode customer = problem(put(client, "/api/v1/customers/e1", CRM, "{\"name\":\"Eve\"}"), 409);

            // Then both are refused, naming the id, and the people are unchanged
            assertEquals("id", employee.get("field").asText());
            assertTrue(employee.get("detail").asText().contains("a customer"), employee.toString());
            assertTrue(customer.get("detail").asText().contains("an employee"), customer.toString());
            assertEquals("Ana Ruiz", store.customer("c1").orElseThrow().name());
            assertEquals(8L, store.counts().get("Employee"));
        });
    }

    @Test
    void shouldNameTheFieldOfEveryInvalidBody() {
        // Given bodies with one problem each, and the field each must name
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"name\":\"Nia\",\"colour\":\"red\"}", "colour");
        cases.put("{\"title\":\"Engineer\"}", "name");
        cases.put("{\"name\":42}", "name");
        cases.put("{\"name\":\"Nia\",\"capacity\":\"five\"}", "capacity");
        cases.put("{\"name\":\"Nia\",\"capacity\":2.5}", "capacity");
        cases.put("{\"name\":\"Nia\",\"capacity\":10001}", "capacity");
        cases.put("{\"name\":\"Nia\",\"active\":\"yes\"}", "active");
        cases.put("{\"name\":\"Nia\",\"languages\":\"en;de\"}", "languages");
        cases.put("{\"name\":\"Nia\",\"languages\":[\"en\",7]}", "languages");
        cases.put("{\"name\":\"Nia\",\"purposes\":[\"gossip\"]}", "purposes");
        cases.put("{\"name\":\"Nia\",\"managerId\":\"e10\"}", "managerId");
        cases.put("{\"name\":\"Nia\",\"managerId\":\"has space\"}", "managerId");
        cases.put("{\"name\":\"Nia\",\"name\":\"Nia\"}", "body");
        cases.put("{\"name\":", "body");
        cases.put("[\"Nia\"]", "body");
        cases.put("", "body");
        JavalinTest.test(server.javalin(), (app, client) -> {
            // When each is put, Then 400 names the field and nothing is written
            for (var c : cases.entrySet()) {
                JsonNode body = problem(put(client, "/api/v1/employees/e10", CRM, c.getKey()), 400);
                assertEquals(c.getValue(), body.get("field").asText(), c.getKey() + " -> " + body);
            }
            assertEquals(8L, store.counts().get("Employee"));

            // And a relationship's own rules name their fields too
            assertEquals("level", problem(put(client, "/api/v1/expertise/e1/cloud", CRM, "{\"level\":1.5}"), 400)
                    .get("field").asText());
            assertEquals("level", problem(put(client, "/api/v1/expertise/e1/cloud", CRM, "{}"), 400)
                    .get("field").asText());
            assertEquals("kind", problem(put(client, "/api/v1/ties/c1/e2/likes", CRM, "{}"), 400).get("field").asText());
            assertEquals("toId", problem(put(client, "/api/v1/ties/c1/c1/knows", CRM, "{}"), 400).get("field").asText());
            assertEquals("since", problem(put(client, "/api/v1/ties/c1/e2/knows", CRM, "{\"since\":\"2024-02-14\"}"),
                    400).get("field").asText());
            assertEquals("parentId", problem(put(client, "/api/v1/subtopics/cloud/cloud", CRM, "{}"), 400)
                    .get("field").asText());
        });
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given a body sent as a form, When it is put, Then 415 names the Content-Type
            JsonNode body = problem(send(client, "PUT", "/api/v1/topics/t9", CRM, "application/x-www-form-urlencoded",
                    "name=Storage"), 415);
            assertEquals("Content-Type", body.get("field").asText());
        });
    }

    @Test
    void shouldWriteRecordsThatTheStoreReadsBackEqual() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given an employee put through the API
            json(put(client, Samples.PUTS.get(RecordType.EMPLOYEE).path(), CRM, Samples.PUTS.get(RecordType.EMPLOYEE).body()),
                    201);

            // When the store reads it, Then it holds exactly what the body said, normalized by the record
            Employee e = store.employee("e10").orElseThrow();
            assertEquals(List.of("en", "de"), e.languages());
            assertEquals(3, e.capacity());
            assertEquals("e1", e.managerId());
        });
    }
}
