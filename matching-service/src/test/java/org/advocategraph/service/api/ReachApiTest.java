package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * Reach and recruitment over the tiny graph: c1 knows e1 and c2, c2 follows e2; the advocates are e1, e2, e5, e6,
 * e8 and e9 (e3 is inactive, e4 opted out), all in engineering.
 */
class ReachApiTest extends ApiOverTinyGraph {
    private static final String ANALYST = ApiCalls.KEYS.get(Role.ANALYST);

    @Override
    protected GraphStore newEmptyStore() {
        return new CachedGraphStore(TinkerPopGraphStore.inMemory());
    }

    private static String field(JsonNode problem) {
        return problem.get("field").asText();
    }

    @Test
    void shouldGiveEachAdvocateItsReachAloneItsMarginalReachAndTheirOverlap() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode one = json(get(client, "/api/v1/analytics/reach?advocates=e1,e2", ANALYST), 200);
            assertEquals(2, one.get("reach").asLong(), "c1 hears e1, c2 hears e2");
            assertEquals(2, one.get("sumOfDirect").asLong());
            assertEquals(1.0, one.get("overlap").get("duplication").asDouble());
            one.get("perSeed").forEach(s -> assertEquals(1, s.get("unique").asInt(), s.toString()));
            assertEquals(0, one.get("overlap").get("pairs").size());
            assertTrue(one.get("projection").has("builtAt"));
            assertEquals("advocates", one.get("seedSet").get("source").asText());

            JsonNode two = json(get(client, "/api/v1/analytics/reach?advocates=e1,e2&hops=2", ANALYST), 200);
            assertEquals(2, two.get("reach").asLong(), "at hop 2 c1 and c2 hear each other: nobody new");
            assertEquals(List.of(2L, 0L), List.of(two.get("byHop").get(0).asLong(), two.get("byHop").get(1).asLong()));
            for (JsonNode s : two.get("perSeed")) {
                assertEquals(2, s.get("alone").asInt(), s.toString());
                assertEquals(0, s.get("unique").asInt(), "each reaches both customers: nobody is theirs alone");
            }
            assertEquals(4, two.get("overlap").get("sumOfIndividual").asLong());
            assertEquals(2.0, two.get("overlap").get("duplication").asDouble());
            JsonNode pair = two.get("overlap").get("pairs").get(0);
            assertEquals("e1", pair.get("a").asText());
            assertEquals("e2", pair.get("b").asText());
            assertEquals(2, pair.get("shared").asInt());
            assertEquals(1.0, pair.get("jaccard").asDouble());
        });
    }

    @Test
    void shouldNameSeedsByDepartmentOrProgramAndAnswerAnEmptyProgramWithNobodyReached() {
        store.upsert(List.of(new Program("p9", "Voices", Purpose.CARE), new Program("p0", "Empty", Purpose.CARE),
                new Membership("e2", "p9", Instant.parse("2025-01-01T00:00:00Z"))));
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode department = json(get(client, "/api/v1/analytics/reach?department=engineering", ANALYST), 200);
            assertEquals(8, department.get("seeds").asInt());
            assertEquals(2, department.get("reach").asLong());
            assertEquals("engineering", department.get("seedSet").get("name").asText());
            JsonNode program = json(get(client, "/api/v1/analytics/reach?program=p9&hops=3", ANALYST), 200);
            assertEquals(1, program.get("seeds").asInt());
            assertEquals(3, program.get("reach").asLong(), "e2 -> c2 -> c1 -> e1");
            JsonNode empty = json(get(client, "/api/v1/analytics/reach?program=p0&hops=2", ANALYST), 200);
            assertEquals(0, empty.get("seeds").asInt());
            assertEquals(0, empty.get("reach").asLong());
            assertEquals(2, empty.get("byHop").size());
            assertTrue(empty.get("notes").get(0).asText().contains("empty"));
        });
    }

    @Test
    void shouldRefuseBadReachQuestionsNamingTheParameter() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            assertEquals("department", field(problem(get(client, "/api/v1/analytics/reach?department=nope", ANALYST), 404)));
            assertEquals("advocates", field(problem(get(client, "/api/v1/analytics/reach?advocates=c1", ANALYST), 404)),
                    "a customer is no advocate");
            assertEquals("department", field(problem(get(client,
                    "/api/v1/analytics/reach?advocates=e1&department=engineering", ANALYST), 400)));
            assertEquals("advocates", field(problem(get(client, "/api/v1/analytics/reach?advocates=,", ANALYST), 400)));
            assertEquals("department", field(problem(get(client, "/api/v1/analytics/reach?department="
                    + "x".repeat(201), ANALYST), 400)));
            assertEquals("hops", field(problem(get(client, "/api/v1/analytics/reach?department=engineering&hops=9",
                    ANALYST), 400)));
        });
    }

    @Test
    void shouldRecruitBeyondTheAdvocatesWithEachPicksMarginalGain() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode r = json(get(client, "/api/v1/analytics/recruits", ANALYST), 200);
            assertEquals("coverage", r.get("model").asText());
            assertEquals(6, r.get("base").asInt());
            assertEquals(8.0, r.get("baseValue").asDouble(), "the six advocates, c1 and c2");
            assertEquals(2, r.get("candidates").asInt(), "e3 and e4");
            assertEquals(2, r.get("recruits").size());
            assertEquals("e3", r.get("recruits").get(0).get("id").asText());
            assertEquals("Ina Three", r.get("recruits").get(0).get("name").asText());
            assertEquals(1.0, r.get("recruits").get(0).get("gain").asDouble(), "only themselves: they have no ties");
            assertEquals(2.0, r.get("recruits").get(1).get("cumulative").asDouble());
            assertTrue(r.get("notes").get(0).asText().contains("2 candidates"), r.toString());
            assertTrue(r.get("details").get("guarantee").asText().contains("1 - 1/e"));
            assertTrue(r.has("projection"));
        });
    }

    @Test
    void shouldRecruitOverAProgramUnderBothModels() {
        // e3 has no ties; e2 is heard by c2, who knows c1, who knows e1: within 3 hops e2 reaches 3, e1 only 2.
        store.upsert(List.of(new Program("p9", "Voices", Purpose.CARE),
                new Membership("e3", "p9", Instant.parse("2025-01-01T00:00:00Z"))));
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode coverage = json(get(client, "/api/v1/analytics/recruits?program=p9&k=2&hops=3", ANALYST), 200);
            assertEquals(7, coverage.get("candidates").asInt());
            assertEquals(1, coverage.get("base").asInt());
            assertEquals(1.0, coverage.get("baseValue").asDouble(), "e3 alone");
            assertEquals("e2", coverage.get("recruits").get(0).get("id").asText());
            assertEquals(4.0, coverage.get("recruits").get(0).get("gain").asDouble(), "e2, c2, c1 and e1");
            assertEquals(1.0, coverage.get("recruits").get(1).get("gain").asDouble(), "anyone else adds only themselves");
            JsonNode cascade = json(get(client, "/api/v1/analytics/recruits?program=p9&k=2&model=cascade&probability=1",
                    ANALYST), 200);
            assertEquals("cascade", cascade.get("model").asText());
            assertEquals(1.0, cascade.get("baseValue").asDouble(), 0.3, "e3 activates nobody else (an estimate)");
            assertEquals("e2", cascade.get("recruits").get(0).get("id").asText());
            assertEquals(4.0, cascade.get("recruits").get(0).get("gain").asDouble(), 0.4, "surely e2, c2, c1, e1");
            assertTrue(cascade.get("details").get("guaranteeHolds").asBoolean(), cascade.toString());
        });
    }

    @Test
    void shouldRefuseBadRecruitmentQuestionsNamingTheParameter() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            String base = "/api/v1/analytics/recruits?";
            assertEquals("k", field(problem(get(client, base + "k=0", ANALYST), 400)));
            assertEquals("k", field(problem(get(client, base + "k=101", ANALYST), 400)));
            assertEquals("k", field(problem(get(client, base + "k=ten", ANALYST), 400)));
            assertEquals("model", field(problem(get(client, base + "model=fame", ANALYST), 400)));
            assertEquals("hops", field(problem(get(client, base + "hops=4", ANALYST), 400)));
            assertEquals("epsilon", field(problem(get(client, base + "model=cascade&epsilon=2", ANALYST), 400)));
            assertEquals("probability", field(problem(get(client, base + "model=cascade&probability=0", ANALYST), 400)));
            assertEquals("probability", field(problem(get(client, base + "probability=0.5", ANALYST), 400)),
                    "a probability means nothing for coverage");
            assertEquals("program", field(problem(get(client, base + "program=nope", ANALYST), 404)));
        });
    }

    @Test
    void shouldAnswerAnEmptyGraphWithAnEmptyRecruitment() {
        GraphStore empty = new CachedGraphStore(TinkerPopGraphStore.inMemory());
        try {
            JavalinTest.test(ApiCalls.server(empty, ApiSettings.DEFAULT_MAX_BODY).javalin(), (app, client) -> {
                for (String model : List.of("coverage", "cascade")) {
                    JsonNode r = json(get(client, "/api/v1/analytics/recruits?k=50&model=" + model, ANALYST), 200);
                    assertEquals(0, r.get("recruits").size());
                    assertEquals(0, r.get("candidates").asInt());
                    assertTrue(r.get("notes").get(0).asText().contains("nobody"), r.toString());
                }
                assertEquals("department", field(problem(get(client, "/api/v1/analytics/reach?department=sales",
                        ANALYST), 404)));
            });
        } finally {
            empty.close();
        }
    }
}
