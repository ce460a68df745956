package org.advocategraph.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The peer of the match benchmark: the ranking as one hand-written Cypher query, the way a developer would write
 * it against the graph. It scores expertise through the topic hierarchy (narrower topics at 0.8, broader at 0.5),
 * proximity as the strength of the shortest path of at most three ties halved per extra hop, availability,
 * credibility (certification, smoothed outcomes) and fairness (time since last asked), with the engine's default
 * weights and filters (active, opted in, below capacity). It leaves out what the engine adds beyond that (shared
 * connections, account ownership, audience, recent activity, policies), each of which would only make it slower.
 */
final class NaiveMatchQuery {
    static final String STATEMENT = """
            MATCH (c:Person {id: $customerId})
            MATCH (t:Topic) WHERE t.id IN $topics
            MATCH (e:Employee)-[x:EXPERT_IN]->(k:Topic)
            WHERE e.active AND e.optedIn
              AND (k = t OR EXISTS { (k)-[:SUBTOPIC_OF]->(t) } OR EXISTS { (t)-[:SUBTOPIC_OF]->(k) })
            WITH c, e, t, max(x.level * CASE WHEN k = t THEN 1.0 WHEN EXISTS { (k)-[:SUBTOPIC_OF]->(t) } THEN 0.8 ELSE 0.5 END) AS best
            WITH c, e, sum(best) / size($topics) AS expertise
            OPTIONAL MATCH (e)-[a:ASSIGNED_TO]->()
            WITH c, e, expertise,
                 sum(CASE WHEN a.status IN ['proposed', 'accepted', 'responded'] THEN 1 ELSE 0 END) AS load,
                 sum(CASE WHEN a.status = 'resolved' THEN 1 ELSE 0 END) AS ended,
                 sum(CASE WHEN a.status = 'resolved' AND coalesce(a.sentimentAfter, 0) >= 0 THEN 1 ELSE 0 END) AS good,
                 max(a.assignedAt) AS lastAsked
            WHERE load < e.capacity
            OPTIONAL MATCH p = shortestPath((c)-[:CONNECTED_TO*..3]-(e))
            WITH e, expertise, load, ended, good, lastAsked,
                 CASE WHEN p IS NULL THEN 0.0
                      ELSE reduce(s = 1.0, r IN relationships(p) | s * r.strength) * 0.5 ^ (length(p) - 1) END AS proximity
            WITH e, expertise, proximity, 1.0 - toFloat(load) / e.capacity AS availability,
                 0.4 * CASE WHEN size(coalesce(e.certifications, [])) > 0 THEN 1 ELSE 0 END
                     + 0.6 * (good + 1.0) / (ended + 2.0) AS credibility,
                 CASE WHEN lastAsked IS NULL THEN 1.0
                      ELSE 1 - exp(-duration.inSeconds(lastAsked, datetime()).seconds / 604800.0) END AS fairness
            RETURN e.id AS id,
                   (0.40 * expertise + 0.25 * proximity + 0.10 * credibility + 0.10 * availability + 0.05 * fairness) / 0.90 AS score
            ORDER BY score DESC, id
            LIMIT $limit""";

    private NaiveMatchQuery() {
    }

    /** @return the query's parameters for a match request body ({@code customerId}, {@code topics}, {@code limit}) */
    static Map<String, Object> parameters(JsonNode request) {
        List<String> topics = new ArrayList<>();
        request.get("topics").forEach(t -> topics.add(t.asText()));
        return Map.of("customerId", request.get("customerId").asText(), "topics", topics,
                "limit", request.path("limit").asInt(10));
    }
}
