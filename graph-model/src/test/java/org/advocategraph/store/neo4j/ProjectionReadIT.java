package org.advocategraph.store.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.StoreException;

/**
 * The people-and-ties read of the projection ({@link ProjectionRead}) against a real embedded Neo4j: on several
 * threads it visits exactly what it visits on one, in the same order, over scans cut into several partitions, with
 * the token lookup indexes and without them; and it fails as the read on one thread fails.
 */
class ProjectionReadIT {
    @RegisterExtension
    static final EmbeddedNeo4jExtension NEO4J = new EmbeddedNeo4jExtension();

    private static final int EMPLOYEES = 12_000;
    private static final int CUSTOMERS = 18_000;
    private static final int TIES = 60_000;
    /** Small partitions, so that each scan of the fixture spans several. */
    private static final int PARTITION = 400;

    private static GraphDatabaseService db;
    private static int personTies;

    /** Written once: the tests that change it undo their changes. */
    @BeforeAll
    static void writeTheFixture() {
        // People of both kinds, employees ineligible for each reason, ties of every kind between them
        try (Neo4jGraphStore store = NEO4J.emptyStoreWritingInProcess()) {
            List<GraphElement> people = new ArrayList<>();
            for (int i = 0; i < EMPLOYEES; i++) {
                people.add(new Employee("e" + i, "E" + i, "", "", "", List.of(), Set.of(), Set.of(), i % 11 == 0 ? 0 : 2,
                        i % 7 != 0, i % 5 != 0, null));
            }
            for (int i = 0; i < CUSTOMERS; i++) {
                people.add(new Customer("c" + i, "C" + i, null, "", "", List.of(), List.of(), 0));
            }
            store.upsert(people);
            Random random = new Random(42);
            List<GraphElement> ties = new ArrayList<>();
            for (int i = 0; i < TIES; i++) {
                String from = person(random);
                String to = person(random);
                if (!from.equals(to)) {
                    ties.add(new Tie(from, to, TieKind.values()[random.nextInt(TieKind.values().length)],
                            Math.round(random.nextDouble() * 100) / 100.0, null));
                }
            }
            store.upsert(ties);
            store.upsert(List.of(new Topic("t1", "Graphs")));
        }
        db = NEO4J.database().database();
        try (Transaction tx = db.beginTx()) {
            personTies = (int) tx.findRelationships(RelationshipType.withName("CONNECTED_TO")).stream().count();
            tx.commit();
        }
        // And a CONNECTED_TO each way between a person and a node that is not a person
        tieRaw("Employee", "e3", "Topic", "t1");
        tieRaw("Topic", "t1", "Customer", "c5");
    }

    @Test
    void shouldVisitOnSeveralThreadsExactlyWhatOneThreadVisitsInTheSameOrder() {
        // When the people and ties are read on one thread and on four, in small partitions
        Visits one = read(1);
        Visits four = read(4);

        // Then the ties span several partitions, and so do the people of one label at least (how the lookup index
        // cuts its ranges depends on its tree: these are the partitions of employees, customers and ties)
        List<Integer> partitions = four.partitions();
        assertEquals(3, partitions.size(), partitions.toString());
        assertTrue(partitions.get(0) + partitions.get(1) > 2 && partitions.get(2) > 1, partitions.toString());
        // And both visit the same people in the same order and the same ties, in the same order too
        assertEquals(one.people(), four.people());
        assertEquals(one.ties(), four.ties());
        // And those are the people and ties of the transaction API's reads: the ties to the topic are not ties
        assertEquals(EMPLOYEES + CUSTOMERS, four.people().size());
        assertEquals(coreApiPeople(), four.people());
        assertEquals(personTies, four.ties().size());
        assertEquals(sorted(coreApiTies()), sorted(four.ties()));
    }

    @Test
    void shouldVisitTheSameWithoutTheTokenLookupIndexes() {
        // Given the visits while the lookup indexes serve the scans
        Visits indexed = read(1);
        List<String> names = new ArrayList<>();
        try (Transaction tx = db.beginTx();
             Result indexes = tx.execute("SHOW INDEXES YIELD name, type WHERE type = 'LOOKUP' RETURN name")) {
            indexes.forEachRemaining(row -> names.add((String) row.get("name")));
        }
        assertEquals(2, names.size(), names.toString());
        try {
            // When the lookup indexes are dropped, so that the scans read the whole store
            for (String name : names) {
                db.executeTransactionally("DROP INDEX `" + name + "`");
            }
            Visits one = read(1);
            Visits four = read(4);

            // Then the same people and ties are visited, on one thread and on several
            for (int p : four.partitions()) {
                assertTrue(p > 1, "several partitions per scan: " + four.partitions());
            }
            assertEquals(indexed.people(), one.people());
            assertEquals(one.people(), four.people());
            assertEquals(sorted(indexed.ties()), sorted(one.ties()));
            assertEquals(one.ties(), four.ties());
        } finally {
            db.executeTransactionally("CREATE LOOKUP INDEX IF NOT EXISTS FOR (n) ON EACH labels(n)");
            db.executeTransactionally("CREATE LOOKUP INDEX IF NOT EXISTS FOR ()-[r]-() ON EACH type(r)");
            db.executeTransactionally("CALL db.awaitIndexes(300)");
        }
    }

    @Test
    void shouldFailOnATieToAPersonWhoIsNeitherEmployeeNorCustomerOnOneThreadOrSeveral() {
        // Given a tie to a node that is a person but neither an employee nor a customer
        try (Transaction tx = db.beginTx()) {
            tx.createNode(Label.label("Person")).setProperty("id", "x1");
            tx.commit();
        }
        tieRaw("Customer", "c7", "Person", "x1");
        try {
            for (int threads : new int[] {1, 4}) {
                // When the people and ties are read
                StoreException e = assertThrows(StoreException.class,
                        () -> new InProcessReader(db, threads, PARTITION).forEachPersonAndTie((id, employee, eligible) -> { },
                                (from, to, kind, strength) -> { }));

                // Then the read fails, saying why
                assertTrue(e.getMessage().contains("neither an employee nor a customer"), e.getMessage());
            }
        } finally {
            db.executeTransactionally("MATCH (x:Person {id: 'x1'}) DETACH DELETE x");
        }
    }

    @Test
    void shouldStopEveryReadingThreadWhenTheVisitorFails() {
        // Given a visitor that fails in the middle of the ties
        int[] visited = {0};
        InProcessReader reader = new InProcessReader(db, 4, PARTITION);

        // When the people and ties are read on several threads
        StoreException e = assertThrows(StoreException.class, () -> reader.forEachPersonAndTie((id, employee, eligible) -> { },
                (from, to, kind, strength) -> {
                    if (++visited[0] == TIES / 2) {
                        throw new IllegalStateException("visitor gave up");
                    }
                }));

        // Then the failure is the visitor's, no reading thread is left, and the database reads on
        assertTrue(e.getMessage().contains("visitor gave up"), e.getMessage());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("projection-read-")
                && t.isAlive()), "no reading thread left");
        assertEquals(personTies, read(4).ties().size());
    }

    /** The people visited, in order, and the ties, named back by their people's ids, in the order visited. */
    private record Visits(List<String> people, List<String> ties, List<Integer> partitions) {
    }

    private static Visits read(int threads) {
        List<String> people = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        ProjectionRead read = new ProjectionRead(threads, PARTITION);
        try (Transaction tx = db.beginTx()) {
            read.read(tx, (id, employee, eligible) -> people.add(id + " " + employee + " " + eligible),
                    (from, to, kind, strength) -> ties.add(people.get(from).split(" ")[0] + " "
                            + people.get(to).split(" ")[0] + " " + kind + " " + strength));
            tx.commit();
        }
        return new Visits(people, ties, read.partitionsRead());
    }

    private static List<String> coreApiPeople() {
        List<String> people = new ArrayList<>();
        new InProcessReader(db).forEachPerson((id, employee, eligible) -> people.add(id + " " + employee + " " + eligible));
        return people;
    }

    private static List<String> coreApiTies() {
        List<String> ties = new ArrayList<>();
        new InProcessReader(db).forEachTie((from, to, kind, strength) -> ties.add(from + " " + to + " " + kind + " " + strength));
        return ties;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    private static String person(Random random) {
        int i = random.nextInt(EMPLOYEES + CUSTOMERS);
        return i < EMPLOYEES ? "e" + i : "c" + (i - EMPLOYEES);
    }

    /** Writes a CONNECTED_TO that the store's own writes would refuse. */
    private static void tieRaw(String fromLabel, String fromId, String toLabel, String toId) {
        try (Transaction tx = db.beginTx()) {
            Node from = tx.findNode(Label.label(fromLabel), "id", fromId);
            Node to = tx.findNode(Label.label(toLabel), "id", toId);
            Relationship r = from.createRelationshipTo(to, RelationshipType.withName("CONNECTED_TO"));
            r.setProperty("kind", "knows");
            r.setProperty("strength", 0.5);
            tx.commit();
        }
    }
}
