package org.advocategraph.store.neo4j;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;

/**
 * How every element of one record type is read back: which nodes (by label) or relationships (by type) hold it,
 * the key it is ordered by, and the mapping of one {@link Row} to the record. The Cypher statement of the driver
 * and the in-process reader ({@link InProcessReader}) are both derived from this one description (and from
 * {@link NodeSpec} and {@link RelationshipSpec}), so they read the same records in the same order.
 *
 * @param label  the label of the nodes, for a node type; else null
 * @param spec   how the relationships are stored, for a relationship type; else null
 * @param order  the columns of the key, in order: {@code id}, or {@code f}, {@code t} and maybe a property
 * @param mapper one row to its record
 */
record Scans(String label, RelationshipSpec spec, List<String> order, Function<Row, GraphElement> mapper) {

    private static final Map<Class<?>, Scans> SCANS = Map.ofEntries(
            node(Employee.class, Neo4jGraphStore.NodeMapping::employee),
            node(Customer.class, Neo4jGraphStore.NodeMapping::customer),
            node(Account.class, Neo4jGraphStore.NodeMapping::account),
            node(Topic.class, Neo4jGraphStore.NodeMapping::topic),
            node(Conversation.class, Neo4jGraphStore.NodeMapping::conversation),
            node(Program.class, Neo4jGraphStore.NodeMapping::program),
            relationship(Expertise.class, r -> new Expertise(f(r), t(r), r.number("level", 0), r.string("source", ""))),
            relationship(Interest.class, r -> new Interest(f(r), t(r), r.number("weight", 0))),
            relationship(SubtopicOf.class, r -> new SubtopicOf(f(r), t(r))),
            relationship(Tie.class, r -> new Tie(f(r), t(r), TieKind.parse("kind", r.string("kind")),
                    r.number("strength", 0), r.instant("since"))),
            relationship(Participation.class, r -> new Participation(f(r), t(r))),
            relationship(About.class, r -> new About(f(r), t(r), r.number("weight", 0))),
            relationship(AccountOwnership.class, r -> new AccountOwnership(f(r), t(r))),
            relationship(Membership.class, r -> new Membership(f(r), t(r), r.instant("since"))),
            Map.entry(Assignment.class, new Scans(null, RelationshipSpec.of(Assignment.class), List.of("id"),
                    Scans::assignment)));

    /** The columns {@link #assignment} reads, for an assignment {@code x} from {@code a} to {@code b}. */
    static final String ASSIGNMENT_COLUMNS = SCANS.get(Assignment.class).columns();

    Scans {
        order = List.copyOf(order);
    }

    /** @return how elements of this record type are read */
    static Scans of(Class<?> type) {
        Scans scan = SCANS.get(type);
        if (scan == null) {
            throw new IllegalArgumentException("not a record type: " + type.getName());
        }
        return scan;
    }

    /** @return true for a node type */
    boolean isNode() {
        return label != null;
    }

    /** @return the Cypher statement that reads every element, ordered by key */
    String statement() {
        if (isNode()) {
            return "MATCH (n:" + label + ") RETURN n ORDER BY n.id";
        }
        return "MATCH (a:" + endLabel(spec.from()) + ")-[x:" + spec.type() + "]->(b:" + endLabel(spec.to()) + ")\nRETURN "
                + columns() + "\nORDER BY " + String.join(", ", order);
    }

    /** @return the record of one row of {@link #statement()} */
    GraphElement map(Record r) {
        return mapper.apply(isNode() ? Row.of(r.get("n").asNode()) : Row.of(r));
    }

    /** @return the properties a relationship row reads besides its endpoints: the key, then the others */
    List<String> properties() {
        List<String> all = new ArrayList<>();
        if (spec.key() != null) {
            all.add(spec.key());
        }
        all.addAll(spec.properties());
        return all;
    }

    /** @return the row's key: the values of the {@link #order} columns */
    String[] key(Row row) {
        String[] key = new String[order.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (String) row.get(order.get(i));
        }
        return key;
    }

    /**
     * The key order, each part compared by code point as Cypher compares strings (which differs from
     * {@link String#compareTo} only for characters beyond U+FFFF).
     */
    static final Comparator<String[]> KEY_ORDER = (x, y) -> {
        for (int i = 0; i < x.length; i++) {
            int c = compareCodePoints(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private String columns() {
        List<String> columns = new ArrayList<>();
        columns.add("a.id AS f");
        columns.add("b.id AS t");
        for (String p : properties()) {
            columns.add("x." + p + " AS " + p);
        }
        return columns.stream().collect(Collectors.joining(", "));
    }

    /** @return the label a relationship's end is matched by: the more specific one */
    static String endLabel(RelationshipSpec.Endpoint end) {
        return end.also() != null ? end.also() : end.label();
    }

    /** @return the assignment in a row of {@link #ASSIGNMENT_COLUMNS} */
    static Assignment assignment(Record r) {
        return assignment(Row.of(r));
    }

    private static Assignment assignment(Row r) {
        return new Assignment(r.string("id"), f(r), t(r), r.instant("assignedAt"),
                AssignmentStatus.parse("status", r.string("status")), r.instant("respondedAt"), r.string("outcome", ""),
                r.nullableNumber("sentimentAfter"), r.instant("decidedAt"), r.instant("resolvedAt"));
    }

    private static Map.Entry<Class<?>, Scans> node(Class<?> type, Function<Row, GraphElement> mapper) {
        NodeSpec spec = NodeSpec.of(type);
        return Map.entry(type, new Scans(spec.also() != null ? spec.also() : spec.label(), null, List.of("id"), mapper));
    }

    private static Map.Entry<Class<?>, Scans> relationship(Class<?> type, Function<Row, GraphElement> mapper) {
        RelationshipSpec spec = RelationshipSpec.of(type);
        List<String> order = spec.key() == null ? List.of("f", "t") : List.of("f", "t", spec.key());
        return Map.entry(type, new Scans(null, spec, order, mapper));
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static String f(Row r) {
        return r.string("f");
    }

    private static String t(Row r) {
        return r.string("t");
    }
}
