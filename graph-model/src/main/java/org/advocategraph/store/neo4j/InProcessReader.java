package org.advocategraph.store.neo4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.StoreException;

/**
 * Reads every element of a record type straight from a database running in this JVM, through Neo4j's
 * transaction API: no Cypher, no Bolt, no driver values. Which nodes or relationships hold a type, how a row maps
 * to its record and the key order all come from {@link Scans}, the description the Cypher scan is built from.
 *
 * <p>Nodes are found by their label, relationships by their type (Neo4j's token lookup indexes); a relationship's
 * endpoints are named by their {@code id}, read once per node and cached by internal node id for the scan. One
 * read transaction per scan. An unordered scan hands batches over as it reads, in the database's own order; an
 * ordered one reads every element first and sorts them by key: O(n log n) time and the n records in memory (as
 * the Cypher scan's {@code ORDER BY} holds its rows in the same JVM).
 *
 * <p>The analytics projection's read ({@link #forEachPersonAndTie}) goes one level lower, to the kernel's cursors,
 * and reads on several threads ({@link ProjectionRead}).
 */
final class InProcessReader {
    /** The tie property {@link #forEachTie} reads besides the kind. */
    private static final String STRENGTH = "strength";
    private static final TieKind[] KINDS = TieKind.values();
    private static final String EMPLOYEE = Scans.of(Employee.class).label();
    private static final String CUSTOMER = Scans.of(Customer.class).label();
    /** Elements a partition of {@link #forEachPersonAndTie} aims at: its overhead is nothing, the threads share the work. */
    static final int PARTITION_SIZE = 50_000;
    private final GraphDatabaseService database;
    private final int threads;
    private final int partitionSize;

    /** A reader whose {@link #forEachPersonAndTie} reads on as many threads as there are processors. */
    InProcessReader(GraphDatabaseService database) {
        this(database, Runtime.getRuntime().availableProcessors(), PARTITION_SIZE);
    }

    /**
     * @param threads       the threads {@link #forEachPersonAndTie} reads on; 1 for the calling thread alone
     * @param partitionSize the elements a partition of its scans aims at
     */
    InProcessReader(GraphDatabaseService database, int threads, int partitionSize) {
        this.database = Objects.requireNonNull(database, "database");
        ProjectionRead.check(threads, partitionSize);
        this.threads = threads;
        this.partitionSize = partitionSize;
    }

    /**
     * @param ordered true for key order, as {@link org.advocategraph.store.GraphStore#scan} promises; false for any
     */
    <T extends GraphElement> void scan(Class<T> type, int batchSize, Consumer<List<T>> sink, boolean ordered) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        Scans scan = Scans.of(type);
        try (Transaction tx = database.beginTx()) {
            if (ordered) {
                // The records with their keys, not the rows: the key's strings are the record's own.
                List<Keyed> all = new ArrayList<>();
                read(tx, scan, row -> all.add(new Keyed(scan.key(row), scan.mapper().apply(row))));
                all.sort((x, y) -> Scans.KEY_ORDER.compare(x.key(), y.key()));
                Batches<T> batches = new Batches<>(type, batchSize, sink);
                for (Keyed k : all) {
                    batches.add(k.element());
                }
                batches.flush();
            } else {
                Batches<T> batches = new Batches<>(type, batchSize, sink);
                read(tx, scan, row -> batches.add(scan.mapper().apply(row)));
                batches.flush();
            }
            tx.commit();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("the embedded Neo4j database could not read every " + type.getSimpleName() + ": "
                    + StoreException.rootMessage(e), false, e);
        }
    }

    /** An element read, with its key. */
    private record Keyed(String[] key, GraphElement element) {
    }

    /**
     * Every tie's ends, kind and strength, unordered: the relationships of the tie type between nodes with its
     * endpoint labels, two properties read per relationship, nothing else built.
     */
    void forEachTie(GraphStore.TieVisitor visitor) {
        RelationshipSpec spec = Scans.of(Tie.class).spec();
        Label from = Label.label(Scans.endLabel(spec.from()));
        Label to = Label.label(Scans.endLabel(spec.to()));
        NodeIds ids = new NodeIds();
        try (Transaction tx = database.beginTx();
             ResourceIterator<Relationship> all = tx.findRelationships(RelationshipType.withName(spec.type()))) {
            while (all.hasNext()) {
                Relationship r = all.next();
                String f = ids.of(r.getStartNode(), from);
                String t = ids.of(r.getEndNode(), to);
                if (f == null || t == null) {
                    continue;
                }
                visitor.tie(f, t, kind(r, spec), strength(r));
            }
            tx.commit();
        } catch (RuntimeException e) {
            throw new StoreException("the embedded Neo4j database could not read every tie: "
                    + StoreException.rootMessage(e), false, e);
        }
    }

    /** The tie's kind: its key (see RelationshipSpec), compared with each kind's key before any parsing. */
    private static TieKind kind(Relationship r, RelationshipSpec spec) {
        String key = (String) r.getProperty(spec.key());
        for (TieKind k : KINDS) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return TieKind.parse("kind", key);
    }

    /** The tie's strength, one of its properties. */
    private static double strength(Relationship r) {
        return ((Number) r.getProperty(STRENGTH)).doubleValue();
    }

    /**
     * Every employee, then every customer: the nodes of each label, only the properties the visit needs read
     * ({@code id}, and {@code active}, {@code optedIn}, {@code capacity} of an employee, absent ones read as the
     * record mapping reads them), nothing else built.
     */
    void forEachPerson(GraphStore.PersonVisitor visitor) {
        try (Transaction tx = database.beginTx()) {
            people(tx, visitor);
            tx.commit();
        } catch (RuntimeException e) {
            throw new StoreException("the embedded Neo4j database could not read every person: "
                    + StoreException.rootMessage(e), false, e);
        }
    }

    /**
     * {@link #forEachPerson}, then every tie with its ends numbered in the order people were visited, in one read
     * transaction, through Neo4j's kernel API on several threads ({@link ProjectionRead}): a person's number is kept
     * by internal node id, so a tie costs two array reads and two properties, with no id read or hashed. A tie's end
     * that is not an employee or a customer is skipped when it lacks the endpoint label (not a tie, as in the scans)
     * and an error otherwise.
     */
    void forEachPersonAndTie(GraphStore.PersonVisitor people, GraphStore.NumberedTieVisitor ties) {
        try (Transaction tx = database.beginTx()) {
            new ProjectionRead(threads, partitionSize).read(tx, people, ties);
            tx.commit();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("the embedded Neo4j database could not read every person and tie: "
                    + StoreException.rootMessage(e), false, e);
        }
    }

    private static void people(Transaction tx, GraphStore.PersonVisitor visitor) {
        try (ResourceIterator<Node> nodes = tx.findNodes(Label.label(EMPLOYEE))) {
            while (nodes.hasNext()) {
                Node n = nodes.next();
                Row p = Row.of(n.getProperties("id", "active", "optedIn", "capacity"));
                visitor.person(p.string("id"), true,
                        Employee.eligible(p.bool("active", true), p.bool("optedIn", true),
                                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, p.integer("capacity", 0)))));
            }
        }
        try (ResourceIterator<Node> nodes = tx.findNodes(Label.label(CUSTOMER))) {
            while (nodes.hasNext()) {
                Node n = nodes.next();
                visitor.person((String) n.getProperty("id"), false, false);
            }
        }
    }

    /** Hands every element's row to {@code rows}; a row is valid only until the next one when not kept. */
    private static void read(Transaction tx, Scans scan, Consumer<Row> rows) {
        if (scan.isNode()) {
            try (ResourceIterator<Node> nodes = tx.findNodes(Label.label(scan.label()))) {
                while (nodes.hasNext()) {
                    rows.accept(Row.of(nodes.next().getAllProperties()));
                }
            }
            return;
        }
        RelationshipSpec spec = scan.spec();
        String[] names = scan.properties().toArray(new String[0]);
        Label from = Label.label(Scans.endLabel(spec.from()));
        Label to = Label.label(Scans.endLabel(spec.to()));
        NodeIds ids = new NodeIds();
        try (ResourceIterator<Relationship> all = tx.findRelationships(RelationshipType.withName(spec.type()))) {
            while (all.hasNext()) {
                Relationship r = all.next();
                String f = ids.of(r.getStartNode(), from);
                String t = ids.of(r.getEndNode(), to);
                if (f == null || t == null) {
                    continue; // an end without the label the type requires: not an element of this type
                }
                Map<String, Object> properties = names.length == 0 ? Map.of() : r.getProperties(names);
                rows.accept(name -> switch (name) {
                    case "f" -> f;
                    case "t" -> t;
                    default -> properties.get(name);
                });
            }
        }
    }

    /**
     * The external ids of nodes by internal id, for one scan: a plain array while internal ids are small (they
     * are dense in Neo4j's record format), a map beyond. A node without the wanted label maps to null.
     */
    private static final class NodeIds {
        private static final int DENSE = 1 << 26;
        /** Marks a node known to lack the label. */
        private static final String NONE = new String("");
        private String[] dense = new String[1024];
        private final Map<Long, String> sparse = new HashMap<>();

        @SuppressWarnings("deprecation") // getId: the internal id, stable within a transaction, the cheapest key
        String of(Node node, Label label) {
            long id = node.getId();
            String known = id < dense.length ? dense[(int) id] : id >= DENSE ? sparse.get(id) : null;
            if (known == null) {
                known = node.hasLabel(label) ? (String) node.getProperty("id") : NONE;
                if (id < DENSE) {
                    if (id >= dense.length) {
                        dense = Arrays.copyOf(dense, (int) Math.min(DENSE, Math.max(id + 1, 2L * dense.length)));
                    }
                    dense[(int) id] = known;
                } else {
                    sparse.put(id, known);
                }
            }
            return known == NONE ? null : known;
        }
    }

    /** Collects records into batches of at most the batch size and hands each full one over; for every scan. */
    static final class Batches<T> {
        private final Class<T> type;
        private final int size;
        private final Consumer<List<T>> sink;
        private List<T> batch;

        Batches(Class<T> type, int size, Consumer<List<T>> sink) {
            this.type = type;
            this.size = size;
            this.sink = sink;
            this.batch = new ArrayList<>(Math.min(size, 10_000));
        }

        void add(GraphElement element) {
            batch.add(type.cast(element));
            if (batch.size() == size) {
                sink.accept(batch);
                batch = new ArrayList<>(Math.min(size, 10_000));
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        }
    }
}
