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
 * How each relationship record is upserted: a constant Cypher statement over {@code UNWIND $rows}, merging on
 * the relationship's natural key and returning the rows whose endpoints are missing (so they can be reported).
 */
record RelationshipSpec(String type, String statement, Function<GraphElement, Map<String, Object>> rowMapper) {

    /** Every relationship type the store knows, including those derived from node properties. */
    static final List<String> ALL_TYPES = List.of("EXPERT_IN", "INTERESTED_IN", "SUBTOPIC_OF", "CONNECTED_TO",
            "PARTICIPATED_IN", "ABOUT", "OWNS_ACCOUNT", "MEMBER_OF", "ASSIGNED_TO", "BELONGS_TO", "AUTHORED",
            "REPORTS_TO");

    private static final Map<Class<?>, RelationshipSpec> SPECS = Map.of(
            Expertise.class, spec("EXPERT_IN", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:EXPERT_IN]->(b) SET x.level = r.level, x.source = r.source",
                    e -> { var x = (Expertise) e; return row(x.employeeId(), x.topicId(), "level", x.level(), "source", x.source()); }),
            Interest.class, spec("INTERESTED_IN", "(a:Person {id: r.f}) WHERE a:Customer", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:INTERESTED_IN]->(b) SET x.weight = r.weight",
                    e -> { var x = (Interest) e; return row(x.customerId(), x.topicId(), "weight", x.weight()); }),
            SubtopicOf.class, spec("SUBTOPIC_OF", "(a:Topic {id: r.f})", "(b:Topic {id: r.t})",
                    "MERGE (a)-[:SUBTOPIC_OF]->(b)",
                    e -> { var x = (SubtopicOf) e; return row(x.childId(), x.parentId()); }),
            Tie.class, spec("CONNECTED_TO", "(a:Person {id: r.f})", "(b:Person {id: r.t})",
                    "MERGE (a)-[x:CONNECTED_TO {kind: r.kind}]->(b) SET x.strength = r.strength, x.since = r.since",
                    e -> { var x = (Tie) e; return row(x.fromId(), x.toId(), "kind", x.kind().key(), "strength", x.strength(),
                            "since", Neo4jGraphStore.time(x.since())); }),
            Participation.class, spec("PARTICIPATED_IN", "(a:Person {id: r.f})", "(b:Conversation {id: r.t})",
                    "MERGE (a)-[:PARTICIPATED_IN]->(b)",
                    e -> { var x = (Participation) e; return row(x.personId(), x.conversationId()); }),
            About.class, spec("ABOUT", "(a:Conversation {id: r.f})", "(b:Topic {id: r.t})",
                    "MERGE (a)-[x:ABOUT]->(b) SET x.weight = r.weight",
                    e -> { var x = (About) e; return row(x.conversationId(), x.topicId(), "weight", x.weight()); }),
            AccountOwnership.class, spec("OWNS_ACCOUNT", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Account {id: r.t})",
                    "MERGE (a)-[:OWNS_ACCOUNT]->(b)",
                    e -> { var x = (AccountOwnership) e; return row(x.employeeId(), x.accountId()); }),
            Membership.class, spec("MEMBER_OF", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Program {id: r.t})",
                    "MERGE (a)-[x:MEMBER_OF]->(b) SET x.since = r.since",
                    e -> { var x = (Membership) e; return row(x.employeeId(), x.programId(), "since", Neo4jGraphStore.time(x.since())); }),
            // An assignment is keyed by its id: if it moved to another advocate or conversation, the old edge goes.
            Assignment.class, spec("ASSIGNED_TO", "(a:Person {id: r.f}) WHERE a:Employee", "(b:Conversation {id: r.t})",
                    """
                    OPTIONAL MATCH ()-[old:ASSIGNED_TO {id: r.id}]->() WHERE startNode(old) <> a OR endNode(old) <> b
                    DELETE old
                    MERGE (a)-[x:ASSIGNED_TO {id: r.id}]->(b)
                    SET x.assignedAt = r.assignedAt, x.status = r.status, x.respondedAt = r.respondedAt,
                        x.outcome = r.outcome, x.sentimentAfter = r.sentimentAfter""",
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

    /**
     * Builds the statement: match both endpoints optionally, write only when both exist (FOREACH over a
     * one-element list is Cypher's conditional write), then return the rows that could not be written.
     */
    private static RelationshipSpec spec(String type, String from, String to, String write,
                                         Function<GraphElement, Map<String, Object>> rowMapper) {
        String statement = "UNWIND $rows AS r\n"
                + "OPTIONAL MATCH " + from + "\n"
                + "OPTIONAL MATCH " + to + "\n"
                + "CALL {\n  WITH r, a, b\n  WITH r, a, b WHERE a IS NOT NULL AND b IS NOT NULL\n  "
                + write.replace("\n", "\n  ") + "\n}\n"
                + "WITH r, a, b WHERE a IS NULL OR b IS NULL\n"
                + "RETURN r.f AS f, r.t AS t";
        return new RelationshipSpec(type, statement, rowMapper);
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
