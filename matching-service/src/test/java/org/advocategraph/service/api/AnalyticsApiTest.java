package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.advocategraph.service.api.ApiCalls.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.Test;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** The influence and community routes over the tiny graph, read through an in-memory copy as the service does. */
class AnalyticsApiTest extends ApiOverTinyGraph {
    private static final String ANALYST = ApiCalls.KEYS.get(Role.ANALYST);
    private static final String CRM = ApiCalls.KEYS.get(Role.CRM);

    @Override
    protected GraphStore newEmptyStore() {
        return new CachedGraphStore(TinkerPopGraphStore.inMemory());
    }

    @Test
    void shouldRankEveryoneByPageRankAndOnlyAdvocatesWhenAsked() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode all = json(get(client, "/api/v1/analytics/influencers?limit=100", ANALYST), 200);
            assertEquals("pagerank", all.get("algorithm").asText());
            assertEquals(11, all.get("people").asInt(), "3 customers and 8 employees");
            double sum = 0;
            double previous = Double.MAX_VALUE;
            for (int i = 0; i < all.get("influencers").size(); i++) {
                JsonNode x = all.get("influencers").get(i);
                assertEquals(i + 1, x.get("rank").asInt());
                assertTrue(x.get("score").asDouble() <= previous, "best first: " + all);
                previous = x.get("score").asDouble();
                sum += previous;
            }
            assertEquals(1.0, sum, 1e-6, "PageRank is a distribution over everyone");
            assertTrue(all.get("details").get("converged").asBoolean());
            assertTrue(all.get("projection").has("builtAt"), all.toString());

            JsonNode advocates = json(get(client, "/api/v1/analytics/influencers?limit=100&advocatesOnly=true", ANALYST), 200);
            Set<String> ids = new HashSet<>();
            advocates.get("influencers").forEach(x -> {
                assertTrue(x.get("advocate").asBoolean(), x.toString());
                assertEquals("employee", x.get("kind").asText());
                ids.add(x.get("id").asText());
            });
            assertFalse(ids.contains("e3"), "e3 is inactive");
            assertFalse(ids.contains("e4"), "e4 opted out");
            assertTrue(ids.contains("e1"));
        });
    }

    @Test
    void shouldRankByDegreeAndPersonalizePageRank() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode degree = json(get(client, "/api/v1/analytics/influencers?algorithm=degree&limit=2", ANALYST), 200);
            // c1 knows e1 and c2; c2 knows c1 and follows e2: two each, ties broken by id
            assertEquals("c1", degree.get("influencers").get(0).get("id").asText());
            assertEquals("Ana Ruiz", degree.get("influencers").get(0).get("name").asText());
            assertEquals(2.0, degree.get("influencers").get(0).get("score").asDouble());
            assertEquals("c2", degree.get("influencers").get(1).get("id").asText());

            // the path e1 - c1 - c2 - e2: c1 and c2 each lie on two of its shortest paths, ties broken by id
            JsonNode broker = json(get(client, "/api/v1/analytics/influencers?algorithm=betweenness&limit=2", ANALYST), 200);
            assertEquals("c1", broker.get("influencers").get(0).get("id").asText(), broker.toString());
            assertTrue(broker.get("details").get("exact").asBoolean());
            assertEquals("c2", broker.get("influencers").get(1).get("id").asText());
            JsonNode cores = json(get(client, "/api/v1/analytics/influencers?algorithm=kcore&limit=1", ANALYST), 200);
            assertEquals(1, cores.get("details").get("degeneracy").asInt(), "the tiny graph is a forest");
            assertEquals(1.0, cores.get("influencers").get(0).get("score").asDouble());

            // c3 has no ties: everything teleports back to c3
            JsonNode alone = json(get(client, "/api/v1/analytics/influencers?seeds=c3&limit=1", ANALYST), 200);
            assertEquals("c3", alone.get("influencers").get(0).get("id").asText());
            assertEquals(1.0, alone.get("influencers").get(0).get("score").asDouble(), 1e-9);
            assertEquals(1, alone.get("details").get("personalizedTo").asInt());
        });
    }

    @Test
    void shouldNameWhatIsWrongWithARequest() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            String[][] cases = {
                    {"/api/v1/analytics/influencers?algorithm=fame", "algorithm", "400"},
                    {"/api/v1/analytics/influencers?limit=0", "limit", "400"},
                    {"/api/v1/analytics/influencers?limit=101", "limit", "400"},
                    {"/api/v1/analytics/influencers?limit=ten", "limit", "400"},
                    {"/api/v1/analytics/influencers?advocatesOnly=maybe", "advocatesOnly", "400"},
                    {"/api/v1/analytics/influencers?algorithm=degree&seeds=c1", "seeds", "400"},
                    {"/api/v1/analytics/influencers?seeds=c1,ghost", "seeds", "404"},
                    {"/api/v1/analytics/communities?resolution=0", "resolution", "400"},
                    {"/api/v1/analytics/communities?resolution=NaN", "resolution", "400"},
                    {"/api/v1/analytics/communities?resolution=21", "resolution", "400"},
                    {"/api/v1/analytics/communities?topics=21", "topics", "400"},
                    {"/api/v1/analytics/communities?limit=0", "limit", "400"},
                    {"/api/v1/analytics/gaps?by=region", "by", "400"},
                    {"/api/v1/analytics/gaps?limit=101", "limit", "400"},
                    {"/api/v1/analytics/gaps?by=community&resolution=0.01", "resolution", "400"},
                    {"/api/v1/analytics/export?format=pdf", "format", "400"},
                    {"/api/v1/analytics/export?scores=community,fame", "scores", "400"},
                    {"/api/v1/analytics/export?scores=pagerank&color=community", "color", "400"}};
            for (String[] c : cases) {
                JsonNode p = problem(get(client, c[0], ANALYST), Integer.parseInt(c[2]));
                assertEquals(c[1], p.get("field").asText(), c[0] + " -> " + p);
            }
            problem(get(client, "/api/v1/analytics/communities", CRM), 403);
            problem(get(client, "/api/v1/analytics/gaps", CRM), 403);
        });
    }

    @Test
    void shouldDescribeCommunitiesWithTheirTopicsAndAdvocates() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode r = json(get(client, "/api/v1/analytics/communities?limit=100", ANALYST), 200);
            int people = 0;
            boolean found = false;
            for (JsonNode c : r.get("communities")) {
                people += c.get("size").asInt();
                boolean withE1 = false;
                for (JsonNode a : c.get("topAdvocates")) {
                    withE1 |= a.asText().equals("e1");
                }
                if (withE1) {
                    found = true;
                    // c1 (interest 0.9) and e1 (expertise 0.6) are tied strongly: kubernetes leads their community
                    assertEquals("kubernetes", c.get("topTopics").get(0).get("id").asText(), c.toString());
                    assertEquals(1.5, c.get("topTopics").get(0).get("weight").asDouble(), 1e-9);
                }
            }
            assertTrue(found, r.toString());
            assertEquals(11, people, "every person is in one community");
            assertEquals(r.get("count").asInt(), r.get("communities").size());
            assertTrue(r.get("modularity").asDouble() > 0, r.toString());
            assertEquals("leiden", r.get("details").get("algorithm").asText());
            assertTrue(r.get("details").get("converged").asBoolean(), "a tiny graph converges within the budget: " + r);
            assertTrue(r.get("details").get("iterations").asInt() >= 1, r.toString());
        });
    }

    @Test
    void shouldRebuildTheProjectionAfterAWriteAndSaySo() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            JsonNode before = json(get(client, "/api/v1/analytics/influencers?algorithm=degree&limit=1", ANALYST), 200);
            assertTrue(before.get("projection").get("rebuiltForThisAnswer").asBoolean());
            JsonNode same = json(get(client, "/api/v1/analytics/influencers?algorithm=degree&limit=1", ANALYST), 200);
            assertFalse(same.get("projection").get("rebuiltForThisAnswer").asBoolean());

            // e9 gets three colleagues: now the best connected
            for (String other : new String[] {"e1", "e2", "e6"}) {
                assertEquals(201, put(client, "/api/v1/ties/e9/" + other + "/colleague", CRM, "{\"strength\":1}").code());
            }
            JsonNode after = json(get(client, "/api/v1/analytics/influencers?algorithm=degree&limit=1", ANALYST), 200);
            assertTrue(after.get("projection").get("rebuiltForThisAnswer").asBoolean(), after.toString());
            assertEquals("e9", after.get("influencers").get(0).get("id").asText());
            assertEquals(3.0, after.get("influencers").get(0).get("score").asDouble());
        });
    }

    @Test
    void shouldRankCoverageGapsAndSeeANewExpert() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Only kubernetes has demand: c1's interest (covered: c1 knows the expert e1) and the open conversation v1
            JsonNode topics = json(get(client, "/api/v1/analytics/gaps", ANALYST), 200);
            assertEquals("topic", topics.get("by").asText());
            assertEquals(1, topics.get("count").asInt(), topics.toString());
            JsonNode kubernetes = topics.get("gaps").get(0);
            assertEquals("kubernetes", kubernetes.get("id").asText());
            assertEquals(0, kubernetes.get("uncoveredCustomers").asInt());
            assertEquals(1, kubernetes.get("openConversations").asInt());
            assertTrue(topics.get("projection").has("builtAt"));

            // c3 wants billing, which nobody knows: the widest gap, until c3 befriends a new billing expert
            assertEquals(201, put(client, "/api/v1/interests/c3/billing", CRM, "{\"weight\":1}").code());
            JsonNode before = json(get(client, "/api/v1/analytics/gaps?limit=1", ANALYST), 200);
            assertEquals("billing", before.get("gaps").get(0).get("id").asText(), before.toString());
            assertTrue(before.get("gaps").get(0).get("noAdvocate").asBoolean());
            assertEquals(201, put(client, "/api/v1/expertise/e6/billing", CRM, "{\"level\":0.9}").code());
            assertEquals(201, put(client, "/api/v1/ties/c3/e6/knows", CRM, "{\"strength\":0.5}").code());
            JsonNode after = json(get(client, "/api/v1/analytics/gaps?limit=5", ANALYST), 200);
            for (JsonNode gap : after.get("gaps")) {
                if (gap.get("id").asText().equals("billing")) {
                    assertEquals(0, gap.get("uncoveredCustomers").asInt(), after.toString());
                    assertFalse(gap.get("noAdvocate").asBoolean());
                }
            }

            JsonNode communities = json(get(client, "/api/v1/analytics/gaps?by=community&limit=100", ANALYST), 200);
            assertEquals("community", communities.get("by").asText());
            assertEquals("leiden", communities.get("details").get("communities").asText());
            assertEquals(0, communities.get("totals").get("uncoveredCustomers").asInt(), communities.toString());
        });
    }

    @Test
    void shouldExportTheNetworkAsAFileForGephi() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            var response = get(client, "/api/v1/analytics/export?format=graphml&scores=community,betweenness", ANALYST);
            assertEquals(200, response.code());
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("application/graphml+xml"));
            assertTrue(response.headers().get("Content-Disposition").get(0).contains("advocate-network.graphml"));
            String body = response.body().string();
            assertTrue(body.contains("attr.name=\"betweenness\""), body);
            assertEquals(11, body.split("<node ", -1).length - 1, "every person");
            assertEquals(3, body.split("<edge ", -1).length - 1, "every tied pair once");
            problem(get(client, "/api/v1/analytics/export", CRM), 403);
        });
    }
}
