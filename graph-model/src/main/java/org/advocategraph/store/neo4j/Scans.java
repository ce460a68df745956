package org.advocategraph.store.neo4j;

import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

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

/** The statement that reads back every element of one record type, ordered by key, and its row mapping. */
record Scans(String statement, Function<Record, GraphElement> mapper) {

    /** The columns {@link #assignment} reads, for an assignment {@code x} from {@code a} to {@code b}. */
    static final String ASSIGNMENT_COLUMNS = """
            x.id AS id, a.id AS f, b.id AS t, x.assignedAt AS assignedAt, x.status AS status,
            x.respondedAt AS respondedAt, x.outcome AS outcome, x.sentimentAfter AS sentimentAfter,
            x.decidedAt AS decidedAt, x.resolvedAt AS resolvedAt""";

    private static final Map<Class<?>, Scans> SCANS = Map.ofEntries(
            Map.entry(Employee.class, node("MATCH (n:Employee) RETURN n ORDER BY n.id", Neo4jGraphStore.NodeMapping::employee)),
            Map.entry(Customer.class, node("MATCH (n:Customer) RETURN n ORDER BY n.id", Neo4jGraphStore.NodeMapping::customer)),
            Map.entry(Account.class, node("MATCH (n:Account) RETURN n ORDER BY n.id", Neo4jGraphStore.NodeMapping::account)),
            Map.entry(Topic.class, node("MATCH (n:Topic) RETURN n ORDER BY n.id", Neo4jGraphStore.NodeMapping::topic)),
            Map.entry(Conversation.class, node("MATCH (n:Conversation) RETURN n ORDER BY n.id",
                    Neo4jGraphStore.NodeMapping::conversation)),
            Map.entry(Program.class, node("MATCH (n:Program) RETURN n ORDER BY n.id", Neo4jGraphStore.NodeMapping::program)),
            Map.entry(Expertise.class, new Scans("""
                    MATCH (a:Employee)-[x:EXPERT_IN]->(b:Topic)
                    RETURN a.id AS f, b.id AS t, x.level AS level, x.source AS source ORDER BY f, t""",
                    r -> new Expertise(f(r), t(r), r.get("level").asDouble(), r.get("source").asString("")))),
            Map.entry(Interest.class, new Scans("""
                    MATCH (a:Customer)-[x:INTERESTED_IN]->(b:Topic) RETURN a.id AS f, b.id AS t, x.weight AS w ORDER BY f, t""",
                    r -> new Interest(f(r), t(r), r.get("w").asDouble()))),
            Map.entry(SubtopicOf.class, new Scans("""
                    MATCH (a:Topic)-[:SUBTOPIC_OF]->(b:Topic) RETURN a.id AS f, b.id AS t ORDER BY f, t""",
                    r -> new SubtopicOf(f(r), t(r)))),
            Map.entry(Tie.class, new Scans("""
                    MATCH (a:Person)-[x:CONNECTED_TO]->(b:Person)
                    RETURN a.id AS f, b.id AS t, x.kind AS kind, x.strength AS s, x.since AS since ORDER BY f, t, kind""",
                    r -> new Tie(f(r), t(r), TieKind.parse("kind", r.get("kind").asString()), r.get("s").asDouble(),
                            Neo4jGraphStore.NodeMapping.instant(r.get("since"))))),
            Map.entry(Participation.class, new Scans("""
                    MATCH (a:Person)-[:PARTICIPATED_IN]->(b:Conversation) RETURN a.id AS f, b.id AS t ORDER BY f, t""",
                    r -> new Participation(f(r), t(r)))),
            Map.entry(About.class, new Scans("""
                    MATCH (a:Conversation)-[x:ABOUT]->(b:Topic) RETURN a.id AS f, b.id AS t, x.weight AS w ORDER BY f, t""",
                    r -> new About(f(r), t(r), r.get("w").asDouble()))),
            Map.entry(AccountOwnership.class, new Scans("""
                    MATCH (a:Employee)-[:OWNS_ACCOUNT]->(b:Account) RETURN a.id AS f, b.id AS t ORDER BY f, t""",
                    r -> new AccountOwnership(f(r), t(r)))),
            Map.entry(Membership.class, new Scans("""
                    MATCH (a:Employee)-[x:MEMBER_OF]->(b:Program) RETURN a.id AS f, b.id AS t, x.since AS since ORDER BY f, t""",
                    r -> new Membership(f(r), t(r), Neo4jGraphStore.NodeMapping.instant(r.get("since"))))),
            Map.entry(Assignment.class, new Scans("MATCH (a:Employee)-[x:ASSIGNED_TO]->(b:Conversation)\nRETURN "
                    + ASSIGNMENT_COLUMNS + "\nORDER BY id", Scans::assignment)));

    /** @return the assignment in a row of {@link #ASSIGNMENT_COLUMNS} */
    static Assignment assignment(Record r) {
        return new Assignment(r.get("id").asString(), f(r), t(r),
                Neo4jGraphStore.NodeMapping.instant(r.get("assignedAt")),
                AssignmentStatus.parse("status", r.get("status").asString()),
                Neo4jGraphStore.NodeMapping.instant(r.get("respondedAt")), r.get("outcome").asString(""),
                nullableDouble(r.get("sentimentAfter")), Neo4jGraphStore.NodeMapping.instant(r.get("decidedAt")),
                Neo4jGraphStore.NodeMapping.instant(r.get("resolvedAt")));
    }

    static Scans of(Class<?> type) {
        Scans scan = SCANS.get(type);
        if (scan == null) {
            throw new IllegalArgumentException("not a record type: " + type.getName());
        }
        return scan;
    }

    private static Scans node(String statement, Function<org.neo4j.driver.types.Node, GraphElement> mapper) {
        return new Scans(statement, r -> mapper.apply(r.get("n").asNode()));
    }

    private static String f(Record r) {
        return r.get("f").asString();
    }

    private static String t(Record r) {
        return r.get("t").asString();
    }

    private static Double nullableDouble(Value v) {
        return v == null || v.isNull() ? null : v.asDouble();
    }
}
