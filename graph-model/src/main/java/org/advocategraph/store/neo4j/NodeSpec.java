package org.advocategraph.store.neo4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.advocategraph.model.Account;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Program;
import org.advocategraph.model.Topic;
import org.advocategraph.store.neo4j.RelationshipSpec.Endpoint;

/**
 * How each node record is stored: the label it is found by (with {@code id}), the label it carries besides, and
 * the relationship derived from its reference property (REPORTS_TO from {@code managerId}, BELONGS_TO from
 * {@code accountId}, AUTHORED from {@code authorId}). A derived relationship is kept right from both ends: a node
 * links to what it references, and nodes written earlier that reference it link to it ({@link #reverse()}).
 *
 * <p>The Cypher statements over {@code UNWIND $rows} (each row: {@code id}, {@code props}) and the in-process
 * writer ({@link InProcessWriter}) are both derived from this description. In Cypher, each derived link is its
 * own statement keyed by the row's parameters, not by a property read back from the node just written: that
 * keeps every lookup an index seek (read back after a write, the planner chose a full index scan per row).
 *
 * @param label the label the node is found by, with its unique {@code id}
 * @param also  the second label of a person ({@code Employee} or {@code Customer}), else null
 * @param link  the relationship derived from the node's reference property, or null
 */
record NodeSpec(String label, String also, Link link) {

    /**
     * A relationship derived from a reference property.
     *
     * @param property the node's reference property, for example {@code managerId}
     * @param type     the relationship type
     * @param target   the referenced node
     * @param outgoing true for {@code (n)-[:TYPE]->(m)}, false for {@code (m)-[:TYPE]->(n)}
     */
    record Link(String property, String type, Endpoint target, boolean outgoing) {
        String pattern(String n, String variable, String m) {
            return outgoing ? "(" + n + ")-[" + variable + ":" + type + "]->(" + m + ")"
                    : "(" + m + ")-[" + variable + ":" + type + "]->(" + n + ")";
        }
    }

    /**
     * A derived relationship seen from its target: the nodes with {@code owner}'s label whose reference property
     * holds this node's id link to it.
     */
    record Reverse(NodeSpec owner) {
        /** @return the label the referring nodes are found by (their property is indexed under it) */
        String ownerLabel() {
            return owner.also() != null ? owner.also() : owner.label();
        }
    }

    private static final Map<Class<?>, NodeSpec> SPECS = Map.of(
            Employee.class, new NodeSpec("Person", "Employee",
                    new Link("managerId", "REPORTS_TO", new Endpoint("Person", "Employee"), true)),
            Customer.class, new NodeSpec("Person", "Customer",
                    new Link("accountId", "BELONGS_TO", new Endpoint("Account", null), true)),
            Account.class, new NodeSpec("Account", null, null),
            Topic.class, new NodeSpec("Topic", null, null),
            Program.class, new NodeSpec("Program", null, null),
            Conversation.class, new NodeSpec("Conversation", null,
                    new Link("authorId", "AUTHORED", new Endpoint("Person", null), false)));

    static NodeSpec of(Class<?> type) {
        NodeSpec s = SPECS.get(type);
        if (s == null) {
            throw new IllegalArgumentException("not a node type: " + type.getName());
        }
        return s;
    }

    /** @return the derived relationships of other nodes that can point at a node of this type */
    List<Reverse> reverse() {
        List<Reverse> reverse = new ArrayList<>();
        // A fixed order, so that statements and writes always run in the same sequence.
        for (Class<?> type : List.of(Employee.class, Customer.class, Conversation.class)) {
            NodeSpec owner = SPECS.get(type);
            Endpoint target = owner.link().target();
            if (target.label().equals(label) && (target.also() == null || target.also().equals(also))) {
                reverse.add(new Reverse(owner));
            }
        }
        return reverse;
    }

    /**
     * @return statements that remove every reference property naming the person {@code $id} (an employee's
     *         manager, a conversation's author); the derived relationships go with the person's node
     */
    static List<String> clearReferencesToPerson() {
        List<String> s = new ArrayList<>();
        for (Class<?> person : List.of(Employee.class, Customer.class)) {
            for (Reverse r : SPECS.get(person).reverse()) {
                String property = r.owner().link().property();
                String statement = "MATCH (x:" + r.ownerLabel() + " {" + property + ": $id}) REMOVE x." + property;
                if (!s.contains(statement)) {
                    s.add(statement);
                }
            }
        }
        return s;
    }

    private String match() {
        return "(n:" + label + " {id: r.id})";
    }

    /** @return statements that merge by id and move a derived relationship whose reference changed */
    List<String> upsert() {
        List<String> s = new ArrayList<>();
        s.add("UNWIND $rows AS r MERGE " + match() + (also == null ? "" : " SET n:" + also) + " SET n += r.props");
        if (link != null) {
            s.add("UNWIND $rows AS r MATCH " + match() + " MATCH " + link.pattern("n", "old", "m")
                    + " WHERE m.id <> coalesce(r.props." + link.property() + ", '') DELETE old");
            s.add(linkTo() + "MERGE " + link.pattern("n", "", "m"));
        }
        s.addAll(reverseStatements());
        return s;
    }

    /** @return statements that create (for nodes known to be new) */
    List<String> insert() {
        List<String> s = new ArrayList<>();
        s.add("UNWIND $rows AS r CREATE (n:" + label + (also == null ? "" : ":" + also) + ") SET n = r.props, n.id = r.id");
        if (link != null) {
            s.add(linkTo() + "CREATE " + link.pattern("n", "", "m"));
        }
        s.addAll(reverseStatements());
        return s;
    }

    private String linkTo() {
        return "UNWIND $rows AS r WITH r WHERE r.props." + link.property() + " IS NOT NULL MATCH " + match()
                + " MATCH " + link.target().pattern("m", "r.props." + link.property()) + " ";
    }

    private List<String> reverseStatements() {
        List<String> s = new ArrayList<>();
        for (Reverse r : reverse()) {
            Link l = r.owner().link();
            s.add("UNWIND $rows AS r MATCH (x:" + r.ownerLabel() + " {" + l.property() + ": r.id}) MATCH " + match()
                    + " MERGE " + l.pattern("x", "", "n"));
        }
        return s;
    }
}
