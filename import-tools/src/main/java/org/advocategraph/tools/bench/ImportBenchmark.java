package org.advocategraph.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.tools.load.GraphFingerprint;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Online import into embedded Neo4j, side by side in one run: the real importer writing in-process and writing
 * Cypher over Bolt, and the hand-written naive import ({@link NaiveNeo4jImport}), each into its own fresh
 * database, on the same files; then the graphs are fingerprinted ({@link GraphFingerprint}) to prove they are
 * the same.
 */
final class ImportBenchmark {
    private final PrintWriter out;

    ImportBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** One measured import. */
    record Run(String name, long rows, long relationships, double seconds) {
        double rowsPerSecond() {
            return rows / seconds;
        }

        double relationshipsPerSecond() {
            return relationships / seconds;
        }
    }

    /**
     * Imports the files three ways, each into its own fresh database: advocates import writing in-process (what
     * {@code advocates import} does into the embedded store), advocates import writing Cypher through the driver
     * (what it does into a Neo4j server), and the naive import; then checks that all three graphs are equal.
     */
    void run(Path files, Path work, boolean naive, ImportOptions options) throws Exception {
        String how = options.writers() + " writer" + (options.writers() == 1 ? "" : "s") + ", "
                + (options.createWhenEmpty() ? "create into empty" : "merge");
        Measured inProcess = measure("advocates import, in-process (" + how + ")", work.resolve("in-process"),
                db -> Neo4jGraphStore.connectWritingInProcess(db), files, options);
        Measured bolt = measure("advocates import, Cypher over Bolt (" + how + ")", work.resolve("bolt"),
                db -> Neo4jGraphStore.connect(db.settings()), files, options);
        Map<String, Map<String, String>> digests = new LinkedHashMap<>();
        digests.put("in-process", inProcess.digest());
        digests.put("bolt", bolt.digest());
        if (naive) {
            Run peer;
            try (EmbeddedNeo4j db = EmbeddedNeo4j.start(work.resolve("naive"), 0);
                 Neo4jGraphStore store = Neo4jGraphStore.connect(db.settings())) {
                long t0 = System.nanoTime();
                long rows = NaiveNeo4jImport.run(db.settings(), files);
                double seconds = (System.nanoTime() - t0) / 1e9;
                peer = new Run("naive: 1 thread, UNWIND 10k, MERGE per row", rows, relationships(store.counts()), seconds);
                digests.put("naive", GraphFingerprint.of(store));
            }
            report(peer);
            for (Measured m : List.of(inProcess, bolt)) {
                out.printf(Locale.ROOT, "ratio (%s / naive), relationships per second: %.2fx%n", m.run().name(),
                        m.run().relationshipsPerSecond() / peer.relationshipsPerSecond());
            }
        }
        boolean same = new HashSet<>(digests.values()).size() == 1;
        out.println("same graph (every record type's fingerprint equal): " + same);
        if (!same) {
            digests.forEach((name, digest) -> out.println("  " + name + ": " + digest));
            throw new IllegalStateException("the imports wrote different graphs");
        }
    }

    private record Measured(Run run, Map<String, String> digest) {
    }

    private Measured measure(String name, Path home, java.util.function.Function<EmbeddedNeo4j, Neo4jGraphStore> connect,
                             Path files, ImportOptions options) {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0);
             Neo4jGraphStore store = connect.apply(db)) {
            store.ensureSchema();
            long t0 = System.nanoTime();
            ImportSummary s = new GraphImporter(store, options, line -> { }).importDirectory(files);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!s.ok()) {
                throw new IllegalStateException("the files do not import: " + s.errors());
            }
            Run run = new Run(name, s.rows(), relationships(store.counts()), seconds);
            report(run);
            return new Measured(run, GraphFingerprint.of(store));
        }
    }

    private void report(Run r) {
        out.printf(Locale.ROOT, "%-50s %,10d rows %,10d rels %8.1f s %,10.0f rows/s %,10.0f rels/s%n", r.name(), r.rows(),
                r.relationships(), r.seconds(), r.rowsPerSecond(), r.relationshipsPerSecond());
        out.flush();
    }

    private static final java.util.Set<String> NODE_LABELS = java.util.Set.of("Employee", "Customer", "Account", "Topic",
            "Conversation", "Program");

    static long relationships(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !NODE_LABELS.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }
}
