package org.advocategraph.store.neo4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * How each relationship record is stored: its type, its two endpoints, the property that tells two
 * relationships between the same nodes apart (if any), and its other properties. The Cypher statements over
 * {@code UNWIND $rows} and the in-process writer ({@link InProcessWriter}) are both derived from this one
 * description, so they write the same graph.
 *
 * <p>The upsert merges on the relationship's natural key, the insert creates (for elements known to be new); both
 * return how many rows found both endpoints, and only when some did not is the read-only {@link #missing}
 * statement run to name them. A relationship keyed by {@code id} (an assignment) that is written again with other
 * endpoints moves: the old one is deleted.
 *
 * @param type       the relationship type
 * @param from       the start node
 * @param to         the end node
 * @param key        the property that, with the endpoints, identifies the relationship, or null
 * @param properties the other properties, set on every write (null removes)
 * @param rowMapper  the parameters of one element: {@code f}, {@code t}, the key and the properties
 */
record RelationshipSpec(String type, Endpoint from, Endpoint to, String key, List<String> properties,
                        Function<GraphElement, Map<String, Object>> rowMapper) {

    /**
     * One end of a relationship: a node found by its label and {@code id}, which must also carry {@code also}
     * when that is not null (an expertise starts at a person who is an employee).
     */
    record Endpoint(String label, String also) {
        String pattern(String variable, String idExpression) {
            return "(" + variable + ":" + label + " {id: " + idExpression + "})"
                    + (also == null ? "" : " WHERE " + variable + ":" + also);
        }
    }

    /** Every relationship type the store knows, including those derived from node properties. */
    static final List<String> ALL_TYPES = List.of("EXPERT_IN", "INTERESTED_IN", "SUBTOPIC_OF", "CONNECTED_TO",
            "PARTICIPATED_IN", "ABOUT", "OWNS_ACCOUNT", "MEMBER_OF", "ASSIGNED_TO", "BELONGS_TO", "AUTHORED",
            "REPORTS_TO");

    private static final Endpoint EMPLOYEE = new Endpoint("Person", "Employee");
    private static final Endpoint CUSTOMER = new Endpoint("Person", "Customer");
    private static final Endpoint PERSON = new Endpoint("Person", null);
    private static final Endpoint TOPIC = new Endpoint("Topic", null);
    private static final Endpoint CONVERSATION = new Endpoint("Conversation", null);

    private static final Map<Class<?>, RelationshipSpec> SPECS = Map.of(
            Expertise.class, new RelationshipSpec("EXPERT_IN", EMPLOYEE, TOPIC, null, List.of("level", "source"),
                    e -> { var x = (Expertise) e; return row(x.employeeId(), x.topicId(), "level", x.level(), "source", x.source()); }),
            Interest.class, new RelationshipSpec("INTERESTED_IN", CUSTOMER, TOPIC, null, List.of("weight"),
                    e -> { var x = (Interest) e; return row(x.customerId(), x.topicId(), "weight", x.weight()); }),
            SubtopicOf.class, new RelationshipSpec("SUBTOPIC_OF", TOPIC, TOPIC, null, List.of(),
                    e -> { var x = (SubtopicOf) e; return row(x.childId(), x.parentId()); }),
            Tie.class, new RelationshipSpec("CONNECTED_TO", PERSON, PERSON, "kind", List.of("strength", "since"),
                    e -> { var x = (Tie) e; return row(x.fromId(), x.toId(), "kind", x.kind().key(), "strength", x.strength(),
                            "since", Neo4jGraphStore.time(x.since())); }),
            Participation.class, new RelationshipSpec("PARTICIPATED_IN", PERSON, CONVERSATION, null, List.of(),
                    e -> { var x = (Participation) e; return row(x.personId(), x.conversationId()); }),
            About.class, new RelationshipSpec("ABOUT", CONVERSATION, TOPIC, null, List.of("weight"),
                    e -> { var x = (About) e; return row(x.conversationId(), x.topicId(), "weight", x.weight()); }),
            AccountOwnership.class, new RelationshipSpec("OWNS_ACCOUNT", EMPLOYEE, new Endpoint("Account", null), null,
                    List.of(), e -> { var x = (AccountOwnership) e; return row(x.employeeId(), x.accountId()); }),
            Membership.class, new RelationshipSpec("MEMBER_OF", EMPLOYEE, new Endpoint("Program", null), null,
                    List.of("since"),
                    e -> { var x = (Membership) e; return row(x.employeeId(), x.programId(), "since", Neo4jGraphStore.time(x.since())); }),
            Assignment.class, new RelationshipSpec("ASSIGNED_TO", EMPLOYEE, CONVERSATION, "id",
                    List.of("assignedAt", "status", "respondedAt", "outcome", "sentimentAfter", "decidedAt", "resolvedAt"),
                    e -> { var x = (Assignment) e; return row(x.employeeId(), x.conversationId(), "id", x.id(),
                            "assignedAt", Neo4jGraphStore.time(x.assignedAt()), "status", x.status().key(),
                            "respondedAt", Neo4jGraphStore.time(x.respondedAt()), "outcome", x.outcome(),
                            "sentimentAfter", x.sentimentAfter(), "decidedAt", Neo4jGraphStore.time(x.decidedAt()),
                            "resolvedAt", Neo4jGraphStore.time(x.resolvedAt())); }));

    RelationshipSpec {
        properties = List.copyOf(properties);
    }

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

    /** @return true when writing it again with other endpoints moves it (it is identified by its key alone) */
    boolean movable() {
        return "id".equals(key);
    }

    private String matchBoth(String match) {
        return "UNWIND $rows AS r\n" + match + " " + from.pattern("a", "r.f") + "\n" + match + " " + to.pattern("b", "r.t") + "\n";
    }

    private String keyPattern() {
        return key == null ? "" : " {" + key + ": r." + key + "}";
    }

    /** @return match both ends, merge on the key (moving a movable one), set the properties, count */
    String upsert() {
        StringBuilder s = new StringBuilder(matchBoth("MATCH"));
        if (movable()) {
            s.append("OPTIONAL MATCH ()-[old:").append(type).append(keyPattern())
                    .append("]->() WHERE startNode(old) <> a OR endNode(old) <> b\nDELETE old\nWITH DISTINCT r, a, b\n");
        }
        s.append("MERGE (a)-[x:").append(type).append(keyPattern()).append("]->(b)");
        if (!properties.isEmpty()) {
            s.append(" SET ").append(properties.stream().map(p -> "x." + p + " = r." + p).collect(Collectors.joining(", ")));
        }
        return s.append("\nRETURN count(*) AS n").toString();
    }

    /** @return match both ends, create, count */
    String insert() {
        List<String> all = new ArrayList<>();
        if (key != null) {
            all.add(key);
        }
        all.addAll(properties);
        String props = all.isEmpty() ? "" : " {" + all.stream().map(p -> p + ": r." + p).collect(Collectors.joining(", ")) + "}";
        return matchBoth("MATCH") + "CREATE (a)-[:" + type + props + "]->(b)\nRETURN count(*) AS n";
    }

    /** @return the rows with an endpoint missing, as {@code f} and {@code t} */
    String missing() {
        return matchBoth("OPTIONAL MATCH") + "WITH r, a, b WHERE a IS NULL OR b IS NULL\nRETURN r.f AS f, r.t AS t";
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
