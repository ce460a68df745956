package org.advocategraph.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.tools.load.GraphFingerprint;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Online import into embedded Neo4j, side by side in one run: the hand-written naive import
 * ({@link NaiveNeo4jImport}) and the real importer, each into its own fresh database, on the same files; then
 * both graphs are fingerprinted ({@link GraphFingerprint}) to prove they are the same.
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

    void run(Path files, Path work, boolean naive, ImportOptions options) throws Exception {
        Run ours;
        Map<String, String> oursDigest;
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(work.resolve("ours"), 0);
             Neo4jGraphStore store = Neo4jGraphStore.connect(db.settings())) {
            store.ensureSchema();
            long t0 = System.nanoTime();
            ImportSummary s = new GraphImporter(store, options, line -> { }).importDirectory(files);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!s.ok()) {
                throw new IllegalStateException("the files do not import: " + s.errors());
            }
            long rels = relationships(store.counts());
            ours = new Run("advocates import (" + options.writers() + " writers, "
                    + (options.createWhenEmpty() ? "create into empty" : "merge") + ")", s.rows(), rels, seconds);
            oursDigest = GraphFingerprint.of(store);
        }
        report(ours);
        if (!naive) {
            return;
        }
        Run peer;
        Map<String, String> peerDigest;
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(work.resolve("naive"), 0);
             Neo4jGraphStore store = Neo4jGraphStore.connect(db.settings())) {
            long t0 = System.nanoTime();
            long rows = NaiveNeo4jImport.run(db.settings(), files);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long rels = relationships(store.counts());
            peer = new Run("naive: 1 thread, UNWIND 10k, MERGE per row", rows, rels, seconds);
            peerDigest = GraphFingerprint.of(store);
        }
        report(peer);
        out.printf(Locale.ROOT, "ratio (advocates / naive), relationships per second: %.2fx%n",
                ours.relationshipsPerSecond() / peer.relationshipsPerSecond());
        boolean same = oursDigest.equals(peerDigest);
        out.println("same graph (every record type's fingerprint equal): " + same);
        if (!same) {
            out.println("  advocates: " + oursDigest);
            out.println("  naive:     " + peerDigest);
            throw new IllegalStateException("the two imports wrote different graphs");
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
