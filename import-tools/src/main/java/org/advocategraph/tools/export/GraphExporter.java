package org.advocategraph.tools.export;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Tie;
import org.advocategraph.model.Topic;
import org.advocategraph.network.NetworkAttribute;
import org.advocategraph.network.NetworkFormat;
import org.advocategraph.network.NetworkWriter;
import org.advocategraph.store.GraphStore;
import org.advocategraph.tools.format.CsvWriter;
import org.advocategraph.tools.format.ImportFile;

/**
 * Exports a graph store: back to the import format (a folder of CSV files that {@code advocates import} reads), or
 * the influence network as GraphML or GEXF for Gephi, Cytoscape or NetworkX.
 *
 * <p>Everything is streamed with {@link GraphStore#scan} in batches of {@value #BATCH}: rows and XML elements are
 * written as the batches arrive, never the whole graph in memory. The network exports hold one map from employee
 * to program ids (read from the memberships first) to give each employee its {@code programs}; nothing else is
 * kept per element. Since scans come in key order, the same graph always gives the same bytes.
 *
 * <p>Files are written under temporary names and moved into place once complete, replacing files of the same
 * names; a failed export leaves no partial file. Failures to write are {@link UncheckedIOException}s, store
 * failures {@link org.advocategraph.store.StoreException}s.
 *
 * <p>Cost: one scan per record type written, O(elements) time; memory O(batch + members of programs).
 */
public final class GraphExporter {
    /** Elements per scan batch. */
    public static final int BATCH = 10_000;
    /** Prefix of topic node ids in the network exports: person and topic ids are separate id spaces. */
    public static final String TOPIC_ID_PREFIX = "topic:";

    private static final int BUFFER_BYTES = 1 << 16;

    private final GraphStore store;

    /** @param store the store to read */
    public GraphExporter(GraphStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Writes one CSV file per {@link ImportFile} into {@code dir}: UTF-8, the header {@link ImportFile#columns()},
     * one row per element in key order, formatted by {@link ImportFile#format}. Importing the folder into an empty
     * store gives a graph equal to this one, and exporting that again gives the same bytes.
     *
     * @param dir the folder, created when missing; files of the same names are replaced
     * @return rows per file, node rows and relationship rows
     * @throws IllegalArgumentException when the folder holds a gzipped file of one of the names, which an import
     *                                  would find beside the new one
     */
    public ExportSummary toImportFormat(Path dir) {
        long started = System.nanoTime();
        for (ImportFile f : ImportFile.values()) {
            Path gz = dir.resolve(f.fileName() + ".gz");
            if (Files.exists(gz)) {
                throw new IllegalArgumentException(gz + " exists: an import would find it beside the exported "
                        + f.fileName() + "; remove it or export into another folder");
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        long nodes = 0;
        long edges = 0;
        try (StagedFiles files = new StagedFiles()) {
            for (ImportFile f : ImportFile.values()) {
                long n = writeCsv(f, files.stage(dir.resolve(f.fileName())));
                rows.put(f.fileName(), n);
                if (GraphNode.class.isAssignableFrom(f.type())) {
                    nodes += n;
                } else {
                    edges += n;
                }
            }
            files.commit();
        }
        return new ExportSummary(nodes, edges, rows, Duration.ofNanos(System.nanoTime() - started));
    }

    private long writeCsv(ImportFile file, Path path) {
        long[] rows = {0};
        try (CsvWriter csv = new CsvWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER_BYTES))) {
            csv.write(file.columns());
            store.scan(file.type(), BATCH, batch -> {
                for (var element : batch) {
                    csv.write(file.format(element));
                }
                rows[0] += batch.size();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
        return rows[0];
    }

    /**
     * Writes the influence network as GraphML: people (employees and customers) as nodes, their
     * {@code CONNECTED_TO} ties as directed edges, and with {@link ExportOptions#includeTopics()} the topics (ids
     * prefixed {@value #TOPIC_ID_PREFIX}) with the {@code EXPERT_IN} and {@code INTERESTED_IN} edges into them.
     * Node attributes: label, kind, department, region, title, segment, accountId, programs, advocate,
     * capacity, followers; edge attributes: kind, strength, since. Attributes that do not apply, or are empty,
     * are left out.
     *
     * @param file    the file to write, replaced if it exists
     * @param options what to include besides people and ties
     * @return nodes and edges written
     * @throws IllegalStateException with topics, when a person's id is {@value #TOPIC_ID_PREFIX} and a topic's id,
     *                               so that the two nodes would share an id
     */
    public ExportSummary toGraphMl(Path file, ExportOptions options) {
        return network(file, options, NetworkFormat.GRAPHML);
    }

    /**
     * Writes the influence network as GEXF 1.3, with the same nodes, edges and attributes as {@link #toGraphMl};
     * an edge's strength is also its GEXF {@code weight} and its kind its GEXF {@code kind}.
     *
     * @param file    the file to write, replaced if it exists
     * @param options what to include besides people and ties
     * @return nodes and edges written
     * @throws IllegalStateException as {@link #toGraphMl} does
     */
    public ExportSummary toGexf(Path file, ExportOptions options) {
        return network(file, options, NetworkFormat.GEXF);
    }

    private ExportSummary network(Path file, ExportOptions options, NetworkFormat format) {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        Map<String, String> programs = programsByEmployee();
        long[] counts = new long[2];
        try (StagedFiles files = new StagedFiles()) {
            Path temp = files.stage(file);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), BUFFER_BYTES)) {
                NetworkWriter writer = format.writer(out, PeopleNetwork.ALL, "Influence network: people and their ties", false);
                writer.begin();
                // People whose id looks like a topic node id; almost always none.
                Set<String> lookAlikes = new HashSet<>();
                store.scan(Employee.class, BATCH, batch -> {
                    for (Employee e : batch) {
                        writer.node(e.id(), employee(e, programs.get(e.id())));
                        noteLookAlike(lookAlikes, e.id());
                    }
                    counts[0] += batch.size();
                });
                store.scan(Customer.class, BATCH, batch -> {
                    for (Customer c : batch) {
                        writer.node(c.id(), customer(c));
                        noteLookAlike(lookAlikes, c.id());
                    }
                    counts[0] += batch.size();
                });
                if (options.includeTopics()) {
                    store.scan(Topic.class, BATCH, batch -> {
                        for (Topic t : batch) {
                            String id = TOPIC_ID_PREFIX + t.id();
                            if (lookAlikes.contains(id)) {
                                throw new IllegalStateException("person " + id + " has the node id of topic " + t.id()
                                        + ": export without topics");
                            }
                            writer.node(id, topic(t));
                        }
                        counts[0] += batch.size();
                    });
                }
                store.scan(Tie.class, BATCH, batch -> {
                    for (Tie t : batch) {
                        writer.edge(Long.toString(counts[1]++), t.fromId(), t.toId(),
                                edge(t.kind().key(), t.strength(), t.since() == null ? null : t.since().toString()));
                    }
                });
                if (options.includeTopics()) {
                    store.scan(Expertise.class, BATCH, batch -> {
                        for (Expertise x : batch) {
                            writer.edge(Long.toString(counts[1]++), x.employeeId(), TOPIC_ID_PREFIX + x.topicId(),
                                    edge("expert_in", x.level(), null));
                        }
                    });
                    store.scan(Interest.class, BATCH, batch -> {
                        for (Interest i : batch) {
                            writer.edge(Long.toString(counts[1]++), i.customerId(), TOPIC_ID_PREFIX + i.topicId(),
                                    edge("interested_in", i.weight(), null));
                        }
                    });
                }
                writer.end();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            files.commit();
        }
        return new ExportSummary(counts[0], counts[1], Map.of(), Duration.ofNanos(System.nanoTime() - started));
    }

    private static void noteLookAlike(Set<String> lookAlikes, String personId) {
        if (personId.startsWith(TOPIC_ID_PREFIX)) {
            lookAlikes.add(personId);
        }
    }

    /** @return employee id -> its program ids, {@code ;}-joined in id order (scans come in key order) */
    private Map<String, String> programsByEmployee() {
        Map<String, String> programs = new HashMap<>();
        store.scan(Membership.class, BATCH, batch -> {
            for (Membership m : batch) {
                programs.merge(m.employeeId(), m.programId(), (a, b) -> a + ";" + b);
            }
        });
        return programs;
    }

    private static Map<NetworkAttribute, String> employee(Employee e, String programs) {
        Map<NetworkAttribute, String> v = new HashMap<>();
        v.put(PeopleNetwork.LABEL, e.name());
        v.put(PeopleNetwork.NODE_KIND, "employee");
        putText(v, PeopleNetwork.DEPARTMENT, e.department());
        putText(v, PeopleNetwork.REGION, e.region());
        putText(v, PeopleNetwork.TITLE, e.title());
        putText(v, PeopleNetwork.PROGRAMS, programs);
        v.put(PeopleNetwork.ADVOCATE, Boolean.toString(e.active() && e.optedIn()));
        v.put(PeopleNetwork.CAPACITY, Integer.toString(e.capacity()));
        return v;
    }

    private static Map<NetworkAttribute, String> customer(Customer c) {
        Map<NetworkAttribute, String> v = new HashMap<>();
        v.put(PeopleNetwork.LABEL, c.name());
        v.put(PeopleNetwork.NODE_KIND, "customer");
        putText(v, PeopleNetwork.REGION, c.region());
        putText(v, PeopleNetwork.SEGMENT, c.segment());
        putText(v, PeopleNetwork.ACCOUNT_ID, c.accountId());
        // Customers are never advocates; saying so keeps the column free of gaps among people.
        v.put(PeopleNetwork.ADVOCATE, "false");
        v.put(PeopleNetwork.FOLLOWERS, Long.toString(c.followers()));
        return v;
    }

    private static Map<NetworkAttribute, String> topic(Topic t) {
        Map<NetworkAttribute, String> v = new HashMap<>();
        v.put(PeopleNetwork.LABEL, t.name());
        v.put(PeopleNetwork.NODE_KIND, "topic");
        return v;
    }

    private static Map<NetworkAttribute, String> edge(String kind, double strength, String since) {
        Map<NetworkAttribute, String> v = new HashMap<>();
        v.put(PeopleNetwork.EDGE_KIND, kind);
        v.put(PeopleNetwork.STRENGTH, Double.toString(strength));
        putText(v, PeopleNetwork.SINCE, since);
        return v;
    }

    private static void putText(Map<NetworkAttribute, String> values, NetworkAttribute key, String text) {
        if (text != null && !text.isEmpty()) {
            values.put(key, text);
        }
    }
}
