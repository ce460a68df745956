package org.advocategraph.store.neo4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.advocategraph.model.About;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;

/**
 * How each relationship record is written: constant Cypher statements over {@code UNWIND $rows}. The upsert
 * merges on the relationship's natural key, the insert creates (for elements known to be new); both return how
 * many rows found both endpoints, and only when some did not is the read-only {@link #missing} statement run
 * to name them.
 *
 * @param type      the relationship type
 * @param upsert    match both ends, merge, count
 * @param insert    match both ends, create, count
 * @param missing   the rows with an endpoint missing
 * @param rowMapper the parameters of one element
 */
record RelationshipSpec(String type, String upsert, String insert, String missing,
                        Function<GraphElement, Map<String, Object>> rowMapper) {

    /** Every relationship type the store knows, including those derived from node properties. */
    static final List<String> ALL_TYPES = List.of("EXPERT_IN", "INTERESTED_IN", "SUBTOPIC_OF", "CONNECTED_TO",
            "PARTICIPATED_IN", "ABOUT", "OWNS_ACCOUNT", "MEMBER_OF", "ASSIGNED_TO", "BELONGS_TO", "AUTHORED",
            "REPORTS_TO");

    private static final Map<Class<?>, RelationshipSpec> SPECS = Map.of(
            Expertise.class, spec("EXPERT_IN", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:EXPERT_IN]->(b) SET x.level = r.level, x.source = r.source",
                    "CREATE (a)-[:EXPERT_IN {level: r.level, source: r.source}]->(b)",
                    e -> { var x = (Expertise) e; return row(x.employeeId(), x.topicId(), "level", x.level(), "source", x.source()); }),
            Interest.class, spec("INTERESTED_IN", "(a:Person {id: r.f}) WHERE a:Customer", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:INTERESTED_IN]->(b) SET x.weight = r.weight",
                    "CREATE (a)-[:INTERESTED_IN {weight: r.weight}]->(b)",
                    e -> { var x = (Interest) e; return row(x.customerId(), x.topicId(), "weight", x.weight()); }),
            SubtopicOf.class, spec("SUBTOPIC_OF", "(a:Topic {id: r.f})", "(b:Topic {id: r.t})",
                    "MERGE (a)-[:SUBTOPIC_OF]->(b)", "CREATE (a)-[:SUBTOPIC_OF]->(b)",
                    e -> { var x = (SubtopicOf) e; return row(x.childId(), x.parentId()); }),
            Tie.class, spec("CONNECTED_TO", "(a:Person {id: r.f})", "(b:Person {id: r.t})",
                    "MERGE (a)-[x:CONNECTED_TO {kind: r.kind}]->(b) SET x.strength = r.strength, x.since = r.since",
                    "CREATE (a)-[:CONNECTED_TO {kind: r.kind, strength: r.strength, since: r.since}]->(b)",
                    e -> { var x = (Tie) e; return row(x.fromId(), x.toId(), "kind", x.kind().key(), "strength", x.strength(),
                            "since", Neo4jGraphStore.time(x.since())); }),
            Participation.class, spec("PARTICIPATED_IN", "(a:Person {id: r.f})", "(b:Conversation {id: r.t})",
                    "MERGE (a)-[:PARTICIPATED_IN]->(b)", "CREATE (a)-[:PARTICIPATED_IN]->(b)",
                    e -> { var x = (Participation) e; return row(x.personId(), x.conversationId()); }),
            About.class, spec("ABOUT", "(a:Conversation {id: r.f})", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:ABOUT]->(b) SET x.weight = r.weight", "CREATE (a)-[:ABOUT {weight: r.weight}]->(b)",
                    e -> { var x = (About) e; return row(x.conversationId(), x.topicId(), "weight", x.weight()); }),
            AccountOwnership.class, spec("OWNS_ACCOUNT", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Account {id: r.t})",
                    "MERGE (a)-[:OWNS_ACCOUNT]->(b)", "CREATE (a)-[:OWNS_ACCOUNT]->(b)",
                    e -> { var x = (AccountOwnership) e; return row(x.employeeId(), x.accountId()); }),
            Membership.class, spec("MEMBER_OF", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Program {id: r.t})",
                    "MERGE (a)-[x:MEMBER_OF]->(b) SET x.since = r.since", "CREATE (a)-[:MEMBER_OF {since: r.since}]->(b)",
                    e -> { var x = (Membership) e; return row(x.employeeId(), x.programId(), "since", Neo4jGraphStore.time(x.since())); }),
            // An assignment is keyed by its id: if it moved to another advocate or conversation, the old edge goes.
            Assignment.class, spec("ASSIGNED_TO", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Conversation {id: r.t})",
                    """
                    OPTIONAL MATCH ()-[old:ASSIGNED_TO {id: r.id}]->() WHERE startNode(old) <> a OR endNode(old) <> b
                    DELETE old
                    WITH DISTINCT r, a, b
                    MERGE (a)-[x:ASSIGNED_TO {id: r.id}]->(b)
                    SET x.assignedAt = r.assignedAt, x.status = r.status, x.respondedAt = r.respondedAt,
                        x.outcome = r.outcome, x.sentimentAfter = r.sentimentAfter""",
                    """
                    CREATE (a)-[:ASSIGNED_TO {id: r.id, assignedAt: r.assignedAt, status: r.status,
                        respondedAt: r.respondedAt, outcome: r.outcome, sentimentAfter: r.sentimentAfter}]->(b)""",
                    e -> { var x = (Assignment) e; return row(x.employeeId(), x.conversationId(), "id", x.id(),
                            "assignedAt", Neo4jGraphStore.time(x.assignedAt()), "status", x.status().key(),
                            "respondedAt", Neo4jGraphStore.time(x.respondedAt()), "outcome", x.outcome(),
                            "sentimentAfter", x.sentimentAfter()); }));

    static RelationshipSpec of(Class<?> type) {
        RelationshipSpec spec = SPECS.get(type);
        if (spec == null) {
            throw new IllegalArgumentException("not a relationship type: " + type.getName());
        }
        return spec;
    }

    Map<String, Object> row(GraphElement element) {
        return rowMapper.apply(element);
    }

    private static RelationshipSpec spec(String type, String from, String to, String merge, String create,
                                         Function<GraphElement, Map<String, Object>> rowMapper) {
        String both = "UNWIND $rows AS r\nMATCH " + from + "\nMATCH " + to + "\n";
        return new RelationshipSpec(type,
                both + merge + "\nRETURN count(*) AS n",
                both + create + "\nRETURN count(*) AS n",
                "UNWIND $rows AS r\nOPTIONAL MATCH " + from + "\nOPTIONAL MATCH " + to + "\n"
                        + "WITH r, a, b WHERE a IS NULL OR b IS NULL\nRETURN r.f AS f, r.t AS t",
                rowMapper);
    }

    private static Map<String, Object> row(String from, String to, Object... props) {
        Map<String, Object> row = new HashMap<>();
        row.put("f", from);
        row.put("t", to);
        for (int i = 0; i < props.length; i += 2) {
            row.put((String) props[i], props[i + 1]);
        }
        return row;
    }
}
