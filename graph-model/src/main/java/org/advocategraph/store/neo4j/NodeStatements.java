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

/**
 * The statements that write one node type over {@code UNWIND $rows} (each row: {@code id}, {@code props}), in
 * order, in one transaction: the node itself, then the derived relationship it references (REPORTS_TO,
 * BELONGS_TO, AUTHORED), then the derived relationships of earlier nodes that reference it.
 *
 * <p>Each derived link is its own statement keyed by the row's parameters, not by a property read back from the
 * node just written: that keeps every lookup an index seek (read back after a write, the planner chose a full
 * index scan per row, quadratic in the graph size).
 *
 * @param upsert statements that merge by id and move a derived relationship whose reference changed
 * @param insert statements that create (for nodes known to be new)
 */
record NodeStatements(List<String> upsert, List<String> insert) {

    private static final Map<Class<?>, NodeStatements> STATEMENTS = Map.of(
            Employee.class, of("(n:Person {id: r.id})", "Person:Employee", "SET n:Employee",
                    new Link("managerId", "REPORTS_TO", "(m:Person {id: r.props.managerId}) WHERE m:Employee", true),
                    """
                    UNWIND $rows AS r
                    MATCH (x:Employee {managerId: r.id})
                    MATCH (n:Person {id: r.id})
                    MERGE (x)-[:REPORTS_TO]->(n)"""),
            Customer.class, of("(n:Person {id: r.id})", "Person:Customer", "SET n:Customer",
                    new Link("accountId", "BELONGS_TO", "(m:Account {id: r.props.accountId})", true),
                    """
                    UNWIND $rows AS r
                    MATCH (c:Conversation {authorId: r.id})
                    MATCH (n:Person {id: r.id})
                    MERGE (n)-[:AUTHORED]->(c)"""),
            Account.class, of("(n:Account {id: r.id})", "Account", "", null, """
                    UNWIND $rows AS r
                    MATCH (c:Customer {accountId: r.id})
                    MATCH (a:Account {id: r.id})
                    MERGE (c)-[:BELONGS_TO]->(a)"""),
            Topic.class, of("(n:Topic {id: r.id})", "Topic", "", null, null),
            Program.class, of("(n:Program {id: r.id})", "Program", "", null, null),
            Conversation.class, of("(n:Conversation {id: r.id})", "Conversation", "",
                    new Link("authorId", "AUTHORED", "(m:Person {id: r.props.authorId})", false), null));

    /**
     * A relationship derived from a reference property.
     *
     * @param property the node's reference property, for example {@code managerId}
     * @param type     the relationship type
     * @param target   the pattern matching the referenced node as {@code m}
     * @param outgoing true for {@code (n)-[:TYPE]->(m)}, false for {@code (m)-[:TYPE]->(n)}
     */
    private record Link(String property, String type, String target, boolean outgoing) {
        String pattern(String variable) {
            return outgoing ? "(n)-[" + variable + ":" + type + "]->(m)" : "(m)-[" + variable + ":" + type + "]->(n)";
        }
    }

    private static NodeStatements of(String match, String labels, String setLabel, Link link, String reverse) {
        List<String> upsert = new ArrayList<>();
        List<String> insert = new ArrayList<>();
        upsert.add("UNWIND $rows AS r MERGE " + match + " " + setLabel + " SET n += r.props");
        insert.add("UNWIND $rows AS r CREATE (n:" + labels + ") SET n = r.props, n.id = r.id");
        if (link != null) {
            upsert.add("UNWIND $rows AS r MATCH " + match + " MATCH " + link.pattern("old")
                    + " WHERE m.id <> coalesce(r.props." + link.property() + ", '') DELETE old");
            String linkTo = "UNWIND $rows AS r WITH r WHERE r.props." + link.property() + " IS NOT NULL MATCH " + match
                    + " MATCH " + link.target() + " ";
            upsert.add(linkTo + "MERGE " + link.pattern(""));
            insert.add(linkTo + "CREATE " + link.pattern(""));
        }
        if (reverse != null) {
            upsert.add(reverse);
            insert.add(reverse);
        }
        return new NodeStatements(List.copyOf(upsert), List.copyOf(insert));
    }

    static NodeStatements of(Class<?> type) {
        NodeStatements s = STATEMENTS.get(type);
        if (s == null) {
            throw new IllegalArgumentException("not a node type: " + type.getName());
        }
        return s;
    }
}
