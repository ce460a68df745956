package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.sendAuthorized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;

/**
 * The whole route x caller matrix: every route of {@link ApiServer#routes()}, called with each role's key, no key,
 * an unknown key and a header of the wrong scheme. 401 and 403 come exactly when they should, and never otherwise.
 */
class RoleMatrixTest extends ApiOverTinyGraph {
    private static final Set<Role> ALL = Set.of(Role.values());
    private static final Set<Role> CRM_WRITES = Set.of(Role.CRM, Role.ADMIN);

    /** The roles the issue asks for, written out independently of the route table: method and path pattern. */
    private static final Map<String, Set<Role>> POLICY = policy();

    private static Map<String, Set<Role>> policy() {
        Map<String, Set<Role>> p = new LinkedHashMap<>();
        p.put("GET /health", Set.of());
        p.put("GET /openapi.json", Set.of());
        p.put("GET /docs", Set.of());
        p.put("POST /api/v1/matches", Set.of(Role.CRM, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/reach", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/recruits", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/influencers", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/communities", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/engagement", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        p.put("GET /api/v1/analytics/alerts", Set.of(Role.ANALYST, Role.MANAGER, Role.ADMIN));
        for (String node : List.of("employees", "customers", "accounts", "topics", "programs", "conversations")) {
            p.put("PUT /api/v1/" + node + "/{id}", CRM_WRITES);
            p.put("GET /api/v1/" + node + "/{id}", ALL);
        }
        for (String rel : List.of("expertise/{employeeId}/{topicId}", "interests/{customerId}/{topicId}",
                "subtopics/{childId}/{parentId}", "ties/{fromId}/{toId}/{kind}",
                "participations/{personId}/{conversationId}", "about/{conversationId}/{topicId}",
                "account-owners/{employeeId}/{accountId}", "memberships/{employeeId}/{programId}")) {
            p.put("PUT /api/v1/" + rel, CRM_WRITES);
        }
        p.put("POST /api/v1/bulk", CRM_WRITES);
        p.put("DELETE /api/v1/people/{id}", Set.of(Role.ADMIN, Role.CRM));
        return p;
    }

    @Test
    void shouldAllowExactlyTheRolesThePolicyNames() {
        // Given the route table and the policy
        Map<String, Set<Role>> table = new LinkedHashMap<>();
        server.routes().forEach(r -> table.put(r.method() + " " + r.path(), r.roles()));

        // Then every route of the policy is in the table with exactly the policy's roles
        for (var rule : POLICY.entrySet()) {
            assertTrue(table.containsKey(rule.getKey()), "missing route " + rule.getKey());
            assertEquals(rule.getValue(), table.get(rule.getKey()), rule.getKey());
        }
        // And every /api route of the table needs a key
        table.forEach((route, roles) -> assertFalse(route.contains(" /api/") && roles.isEmpty(), route));
    }

    /** A caller: a label and the Authorization header it sends (null for none). */
    private record Caller(String label, Role role, String authorization) {
    }

    private static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (Role role : Role.values()) {
            callers.add(new Caller(role.key(), role, "Bearer " + KEYS.get(role)));
        }
        callers.add(new Caller("no key", null, null));
        callers.add(new Caller("unknown key", null, "Bearer " + ApiKeys.newKey()));
        callers.add(new Caller("wrong scheme", null, "Basic " + KEYS.get(Role.ADMIN)));
        return callers;
    }

    private static Response call(HttpClient client, ApiRoute route, String authorization) {
        String path = route.path().replace("{kind}", "knows").replaceAll("\\{[^}]+}", "e1");
        boolean bulk = path.endsWith("/bulk");
        return sendAuthorized(client, route.method(), path, authorization,
                bulk ? BulkHandler.MEDIA_TYPE : "application/json",
                bulk ? "{\"type\":\"topic\",\"id\":\"t9\",\"name\":\"T\"}" : "{\"name\":\"N\",\"level\":0.5}");
    }

    @Test
    void shouldAnswer401Or403ExactlyWhenTheRouteTableSays() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            int calls = 0;
            // Given every route and every caller
            for (ApiRoute route : server.routes()) {
                for (Caller caller : callers()) {
                    // When the caller calls the route
                    Response r = call(client, route, caller.authorization());
                    String what = caller.label() + " on " + route.method() + " " + route.path() + " -> " + r.code()
                            + " " + r.body().string();
                    calls++;

                    // Then: public routes never refuse; without a valid key 401; a role not allowed 403; else neither
                    if (route.roles().isEmpty()) {
                        assertFalse(r.code() == 401 || r.code() == 403, what);
                    } else if (caller.role() == null) {
                        assertEquals(401, r.code(), what);
                        assertEquals("Bearer", r.headers().get("WWW-Authenticate").get(0), what);
                    } else if (route.roles().contains(caller.role())) {
                        assertFalse(r.code() == 401 || r.code() == 403, what);
                    } else {
                        assertEquals(403, r.code(), what);
                        assertTrue(r.body().string().contains("role " + caller.role().key()), what);
                    }
                }
            }
            assertEquals(server.routes().size() * callers().size(), calls);
        });
    }
}
