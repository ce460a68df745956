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
 */
final class InProcessReader {
    /** The tie property {@link #forEachTie} reads besides the kind. */
    private static final String STRENGTH = "strength";
    private final GraphDatabaseService database;

    InProcessReader(GraphDatabaseService database) {
        this.database = Objects.requireNonNull(database, "database");
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
        TieKind[] kinds = TieKind.values();
        String[] keys = new String[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            keys[i] = kinds[i].key();
        }
        try (Transaction tx = database.beginTx();
             ResourceIterator<Relationship> all = tx.findRelationships(RelationshipType.withName(spec.type()))) {
            while (all.hasNext()) {
                Relationship r = all.next();
                String f = ids.of(r.getStartNode(), from);
                String t = ids.of(r.getEndNode(), to);
                if (f == null || t == null) {
                    continue;
                }
                // The tie's key is its kind; its strength is one of its properties (see RelationshipSpec).
                String kind = (String) r.getProperty(spec.key());
                TieKind k = null;
                for (int i = 0; i < keys.length && k == null; i++) {
                    k = keys[i].equals(kind) ? kinds[i] : null;
                }
                visitor.tie(f, t, k != null ? k : TieKind.parse("kind", kind), ((Number) r.getProperty(STRENGTH)).doubleValue());
            }
            tx.commit();
        } catch (RuntimeException e) {
            throw new StoreException("the embedded Neo4j database could not read every tie: "
                    + StoreException.rootMessage(e), false, e);
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
