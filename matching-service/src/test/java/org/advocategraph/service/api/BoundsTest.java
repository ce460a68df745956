package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.bulk;
import static org.advocategraph.service.api.ApiCalls.delete;
import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.post;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.advocategraph.service.api.ApiCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

/** Every bound of the API, each just inside and just outside: body size, lines, list lengths, ranges, id lengths. */
class BoundsTest extends ApiOverTinyGraph {
    private static final String CRM = KEYS.get(Role.CRM);
    private static final String ANALYST = KEYS.get(Role.ANALYST);
    private static final String ID_200 = "i".repeat(RecordField.MAX_ID_LENGTH);
    private static final String ID_201 = ID_200 + "i";

    private static String quotedList(int n, String prefix) {
        return IntStream.range(0, n).mapToObj(i -> "\"" + prefix + i + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void shouldAnswer413ForABodyLargerThanTheBound() {
        // Given a server that takes bodies of at most 4 KiB
        ApiServer small = ApiCalls.server(store, 4096);
        JavalinTest.test(small.javalin(), (app, client) -> {
            // When a PUT and a bulk body are larger, Then 413 names the body and nothing is written
            String text = "x".repeat(5000);
            assertEquals("body", problem(put(client, "/api/v1/topics/t9", CRM, "{\"name\":\"" + text + "\"}"), 413)
                    .get("field").asText());
            assertEquals("body", problem(bulk(client, CRM, "{\"type\":\"topic\",\"id\":\"t9\",\"name\":\"" + text + "\"}"),
                    413).get("field").asText());
            assertTrue(store.topics(java.util.List.of("t9")).isEmpty());

            // When the body fits, Then it is written
            json(put(client, "/api/v1/topics/t9", CRM, "{\"name\":\"" + "x".repeat(4000) + "\"}"), 201);
        });
    }

    @Test
    void shouldTakeAtMostTheBulkBoundOfLines() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given exactly the bound of lines, When posted, Then all are written
            String full = IntStream.range(0, BulkHandler.MAX_LINES)
                    .mapToObj(i -> "{\"type\":\"topic\",\"id\":\"t" + i + "\",\"name\":\"T\"}")
                    .collect(Collectors.joining("\n"));
            assertEquals(BulkHandler.MAX_LINES, json(bulk(client, CRM, full), 200).get("nodesCreated").asInt());

            // Given one line more, When posted, Then 400 names the body and the bound, and nothing is written
            JsonNode over = problem(bulk(client, CRM, full + "\n{\"type\":\"topic\",\"id\":\"one-more\",\"name\":\"T\"}"), 400);
            assertEquals("body", over.get("field").asText());
            assertTrue(over.get("detail").asText().contains("at most " + BulkHandler.MAX_LINES), over.toString());
            assertTrue(store.topics(java.util.List.of("one-more")).isEmpty());
        });
    }

    @Test
    void shouldTakeAtMostTheBoundOfEntriesInAList() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given lists of exactly the bound, When put, Then they are written
            int max = RecordField.MAX_LIST_ENTRIES;
            json(put(client, "/api/v1/employees/e10", CRM, "{\"name\":\"N\",\"languages\":" + quotedList(max, "l") + "}"), 201);
            json(put(client, "/api/v1/customers/c10", CRM, "{\"name\":\"N\",\"handles\":" + quotedList(max, "@h") + "}"), 201);

            // Given one entry more, When put or posted, Then 400 names the list
            for (String field : java.util.List.of("languages", "certifications")) {
                JsonNode over = problem(put(client, "/api/v1/employees/e10", CRM, "{\"name\":\"N\",\"" + field + "\":"
                        + quotedList(max + 1, "x") + "}"), 400);
                assertEquals(field, over.get("field").asText());
                assertTrue(over.get("detail").asText().contains("at most " + max), over.toString());
            }
            assertEquals("handles", problem(put(client, "/api/v1/customers/c10", CRM, "{\"name\":\"N\",\"handles\":"
                    + quotedList(max + 1, "@h") + "}"), 400).get("field").asText());
            String purposes = "[" + String.join(",", Collections.nCopies(max + 1, "\"care\"")) + "]";
            assertTrue(errorsOf(problem(bulk(client, CRM, "{\"type\":\"employee\",\"id\":\"e11\",\"name\":\"N\",\"purposes\":"
                    + purposes + "}"), 400)).startsWith("line 1: purposes: at most " + max));

            // And a match names at most 50 topics
            assertEquals("topics", problem(post(client, "/api/v1/matches", CRM, "{\"topics\":" + quotedList(51, "t") + "}"),
                    400).get("field").asText());
        });
    }

    private static String errorsOf(JsonNode problem) {
        return problem.get("errors").get(0).asText();
    }

    @Test
    void shouldKeepLimitAndHopsInTheirRanges() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given limits and hops at and beyond their ends, Then the ends are taken and beyond is a 400 naming them
            for (int limit : new int[] {1, 100}) {
                json(post(client, "/api/v1/matches", CRM, "{\"customerId\":\"c1\",\"limit\":" + limit + "}"), 200);
            }
            for (int limit : new int[] {0, 101, -1}) {
                assertEquals("limit", problem(post(client, "/api/v1/matches", CRM, "{\"customerId\":\"c1\",\"limit\":"
                        + limit + "}"), 400).get("field").asText());
            }
            for (int hops : new int[] {1, 3}) {
                json(get(client, "/api/v1/analytics/reach?advocates=e1&hops=" + hops, ANALYST), 200);
            }
            for (int hops : new int[] {0, 4}) {
                assertEquals("hops", problem(get(client, "/api/v1/analytics/reach?advocates=e1&hops=" + hops, ANALYST),
                        400).get("field").asText());
            }
        });
    }

    @Test
    void shouldTakeIdsOfAtMost200Characters() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given an id of exactly 200 characters, When put, read and erased, Then it works
            json(put(client, "/api/v1/customers/" + ID_200, CRM, "{\"name\":\"N\"}"), 201);
            json(get(client, "/api/v1/customers/" + ID_200, CRM), 200);
            assertEquals(204, delete(client, "/api/v1/people/" + ID_200, CRM).code());

            // Given ids of 201 characters wherever an id goes, Then each is a 400 naming where it was
            assertEquals("id", field(problem(put(client, "/api/v1/customers/" + ID_201, CRM, "{\"name\":\"N\"}"), 400)));
            assertEquals("id", field(problem(get(client, "/api/v1/customers/" + ID_201, CRM), 400)));
            assertEquals("id", field(problem(delete(client, "/api/v1/people/" + ID_201, CRM), 400)));
            assertEquals("employeeId", field(problem(put(client, "/api/v1/expertise/" + ID_201 + "/cloud", CRM,
                    "{\"level\":0.5}"), 400)));
            assertEquals("accountId", field(problem(put(client, "/api/v1/customers/c10", CRM,
                    "{\"name\":\"N\",\"accountId\":\"" + ID_201 + "\"}"), 400)));
            assertTrue(errorsOf(problem(bulk(client, CRM, "{\"type\":\"topic\",\"id\":\"" + ID_201 + "\",\"name\":\"T\"}"),
                    400)).startsWith("line 1: id: must be at most 200 characters"));
            assertEquals("customerId", field(problem(post(client, "/api/v1/matches", CRM,
                    "{\"customerId\":\"" + ID_201 + "\"}"), 400)));
            assertEquals("topics", field(problem(post(client, "/api/v1/matches", CRM,
                    "{\"topics\":[\"" + ID_201 + "\"]}"), 400)));
            assertEquals("advocates", field(problem(get(client, "/api/v1/analytics/reach?advocates=e1," + ID_201,
                    ANALYST), 400)));
            assertEquals("program", field(problem(get(client, "/api/v1/analytics/reach?program=" + ID_201, ANALYST), 400)));
            assertEquals("program", field(problem(get(client, "/api/v1/analytics/engagement?program=" + ID_201, ANALYST),
                    400)));
        });
    }

    private static String field(JsonNode problem) {
        return problem.get("field").asText();
    }
}
