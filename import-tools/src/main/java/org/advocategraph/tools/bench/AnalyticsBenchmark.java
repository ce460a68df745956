package org.advocategraph.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

import org.advocategraph.service.analytics.Communities;
import org.advocategraph.service.analytics.PageRank;
import org.advocategraph.service.analytics.PeopleGraph;
import org.advocategraph.service.analytics.ProjectionLoader;
import org.advocategraph.service.analytics.ProjectedReach;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.tools.bulk.BulkImporter;
import org.advocategraph.tools.bulk.BulkSummary;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Analytics side by side in one run and one embedded database: the service's projection ({@link ProjectionLoader}
 * into a {@link PeopleGraph}), {@link PageRank}, {@link Communities} (Leiden) and {@link ProjectedReach} (reach) against Neo4j Graph
 * Data Science registered in the same database ({@code gds.graph.project}, {@code gds.pageRank},
 * {@code gds.leiden}) and, for reach, which GDS cannot count from many sources at once, one Cypher query.
 *
 * <p>The two compute the same things:
 * <ul>
 * <li>PageRank on attention: GDS on a Cypher projection emitting {@code a -> b} for {@code a follows b} and both
 * directions for the mutual kinds, several ties of one direction merged by their largest strength (as
 * {@link PeopleGraph} merges them), weighted by strength; the same damping and a fixed number of iterations on both
 * sides. One difference remains: GDS leaves the score of people who attend to no one (dangling) to leak, where ours
 * hands it to everyone; the top 10 are compared.</li>
 * <li>Communities: GDS on a native projection of every tie, undirected, several ties between two people merged by
 * their largest strength: the symmetric weights ours uses. Both partitions are scored with one modularity.</li>
 * <li>Reach: people first reached at 1..3 hops along voice (from a person to their followers and mutual ties),
 * seeds not counted.</li>
 * </ul>
 *
 * <p>Cold is from the stored graph to the answer: the projection's load (the median of {@code --repeat} loads) plus
 * the first run. Warm is the median of the next runs on the projection in memory. Before measuring, one load of
 * each projection warms the page cache and the JIT for both.
 */
final class AnalyticsBenchmark {
    private static final double DAMPING = PageRank.DEFAULT_DAMPING;
    private static final String NATIVE = "bench_people";
    private static final String ATTENTION = "bench_attention";
    private static final String PROJECT_NATIVE = """
            CALL gds.graph.project($name, 'Person', {TIE: {type: 'CONNECTED_TO', orientation: 'UNDIRECTED',
              properties: {strength: {property: 'strength', aggregation: 'MAX'}}}})
            YIELD nodeCount, relationshipCount RETURN nodeCount, relationshipCount""";
    /** Attention as ours has it: one direction for follows, both for the mutual kinds; people without ties too. */
    private static final String PROJECT_ATTENTION = """
            CALL {
              MATCH (a:Person)-[x:CONNECTED_TO]->(b:Person)
              UNWIND CASE WHEN x.kind = 'follows' THEN [[a, b]] ELSE [[a, b], [b, a]] END AS pair
              WITH pair[0] AS source, pair[1] AS target, max(x.strength) AS strength
              RETURN source, target, strength
              UNION ALL
              MATCH (p:Person) WHERE NOT (p)-[:CONNECTED_TO]-()
              RETURN p AS source, null AS target, null AS strength
            }
            WITH gds.graph.project($name, source, target,
              CASE WHEN target IS NULL THEN {} ELSE {relationshipProperties: {strength: strength}} END) AS g
            RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount""";
    private static final String GDS_PAGE_RANK = """
            CALL gds.pageRank.stream($name, {maxIterations: $iterations, tolerance: 0.0, dampingFactor: $damping,
              relationshipWeightProperty: 'strength'})
            YIELD nodeId, score WITH nodeId, score ORDER BY score DESC LIMIT 10
            RETURN gds.util.asNode(nodeId).id AS id""";
    private static final String GDS_LEIDEN = """
            CALL gds.leiden.stream($name, {relationshipWeightProperty: 'strength', gamma: 1.0})
            YIELD nodeId, communityId RETURN nodeId, communityId""";
    private static final String GDS_LEIDEN_IDS = """
            CALL gds.leiden.stream($name, {relationshipWeightProperty: 'strength', gamma: 1.0})
            YIELD nodeId, communityId RETURN gds.util.asNode(nodeId).id AS id, communityId""";
    /** Reach as one query: three rounds of distinct neighbours along voice, then everyone reached less the seeds. */
    private static final String CYPHER_REACH = """
            MATCH (s:Person) WHERE s.id IN $seeds
            WITH collect(s) AS seeds
            CALL { WITH seeds UNWIND seeds AS x MATCH (x)-[r:CONNECTED_TO]-(y)
                   WHERE startNode(r) = y OR r.kind <> 'follows' RETURN collect(DISTINCT y) AS h1 }
            CALL { WITH h1 UNWIND h1 AS x MATCH (x)-[r:CONNECTED_TO]-(y)
                   WHERE startNode(r) = y OR r.kind <> 'follows' RETURN collect(DISTINCT y) AS h2 }
            CALL { WITH h2 UNWIND h2 AS x MATCH (x)-[r:CONNECTED_TO]-(y)
                   WHERE startNode(r) = y OR r.kind <> 'follows' RETURN collect(DISTINCT y) AS h3 }
            WITH size(seeds) AS seeded, seeds + h1 + h2 + h3 AS everyone
            UNWIND everyone AS p
            WITH seeded, count(DISTINCT p) AS within
            RETURN within - seeded AS reached""";

    /**
     * One line of the table.
     *
     * @param measure what is measured, with its unit
     * @param ours    our figure
     * @param peer    the peer's figure
     * @param named   the peer, named
     * @param lowerIsBetter true for times and sizes
     */
    record Line(String measure, double ours, double peer, String named, boolean lowerIsBetter) {
    }

    private final PrintWriter out;
    private final int iterations;
    private final int repeats;
    private final int leidenStarts;
    private final boolean online;
    private final boolean storeLoad;
    private final List<Line> lines = new ArrayList<>();
    /** Heap used after a collection while our projection and both of GDS's are held. */
    private long heldHeap;

    /**
     * @param online    build the database with the online import (in-process writes) instead of the bulk importer:
     *                  quicker for small datasets
     * @param storeLoad also measure the in-process reads against the driver's: the projection's load, and the
     *                  service's start-up load of the whole graph into memory
     */
    AnalyticsBenchmark(PrintWriter out, int iterations, int repeats, int leidenStarts, boolean online, boolean storeLoad) {
        this.out = out;
        this.iterations = iterations;
        this.repeats = repeats;
        this.leidenStarts = leidenStarts;
        this.online = online;
        this.storeLoad = storeLoad;
    }

    void run(Path files, Path work) throws java.io.IOException {
        Path home = work.resolve("db");
        if (online) {
            importOnline(files, home);
        } else {
            BulkSummary bulk = new BulkImporter(m -> { }).importInto(files, home);
            if (!bulk.ok()) {
                throw new IllegalStateException("the files do not import: " + bulk.errors());
            }
            out.printf(Locale.ROOT, "Bulk imported %,d nodes and %,d relationships in %.1f s%n", bulk.nodes(),
                    bulk.relationships(), bulk.seconds());
        }
        long t0 = System.nanoTime();
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0, List.of("gds.*"))) {
            int registered = db.registerProcedures("org.neo4j.gds");
            out.printf(Locale.ROOT, "Embedded Neo4j started, %d GDS procedure classes registered, in %.1f s%n", registered,
                    seconds(t0));
            try (Neo4jGraphStore store = Neo4jGraphStore.connectReadingInProcess(db)) {
                store.ensureSchema();
                long ties = store.counts().get("CONNECTED_TO");
                out.printf(Locale.ROOT, "%,d people ties stored%n", ties);
                out.flush();
                measure(store, db.database(), ties);
                if (storeLoad) {
                    try (Neo4jGraphStore driver = Neo4jGraphStore.connect(db.settings())) {
                        storeLoad(store, driver, ties);
                    }
                }
                report();
            }
        }
    }

    private void importOnline(Path files, Path home) throws java.io.IOException {
        long t0 = System.nanoTime();
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0);
             Neo4jGraphStore store = Neo4jGraphStore.connectWritingInProcess(db)) {
            store.ensureSchema();
            ImportSummary s = new GraphImporter(store, ImportOptions.DEFAULT, line -> { }).importDirectory(files);
            if (!s.ok()) {
                throw new IllegalStateException("the files do not import: " + s.errors());
            }
            out.printf(Locale.ROOT, "Imported %,d rows online in %.1f s%n", s.rows(), seconds(t0));
        }
    }

    /** Our reads in-process against the same through the driver (Bolt): the projection, and the start-up load. */
    private void storeLoad(Neo4jGraphStore inProcess, Neo4jGraphStore driver, long ties) {
        String peer = "the same through the driver (Bolt)";
        ProjectionLoader.load(driver);
        long t0 = System.nanoTime();
        ProjectionLoader.load(inProcess);
        double ours = seconds(t0);
        t0 = System.nanoTime();
        ProjectionLoader.load(driver);
        double bolt = seconds(t0);
        lines.add(new Line("projection load, in-process reads vs Bolt, s", ours, bolt, peer, true));
        t0 = System.nanoTime();
        long elements = new CachedGraphStore(inProcess).freshness().orElseThrow().elements();
        ours = seconds(t0);
        heapUsed();
        t0 = System.nanoTime();
        new CachedGraphStore(driver);
        bolt = seconds(t0);
        lines.add(new Line(String.format(Locale.ROOT, "start-up load of %,d elements, s", elements), ours, bolt,
                peer, true));
    }

    private void measure(Neo4jGraphStore store, GraphDatabaseService db, long ties) {
        // Warm-up: the page cache and the JIT, for both.
        ProjectionLoader.load(store);
        project(db, PROJECT_NATIVE, NATIVE);
        drop(db, NATIVE);
        project(db, PROJECT_ATTENTION, ATTENTION);
        drop(db, ATTENTION);
        out.println("Warmed up: one load of each projection");
        out.flush();

        // Projections: each load's median over the repeats (a single load varies with what the collector and the
        // page cache happen to do), then one more of each, held for the algorithms.
        double oursLoad = medianSeconds(() -> ProjectionLoader.load(store), () -> { });
        double gdsLoad = medianSeconds(() -> project(db, PROJECT_NATIVE, NATIVE), () -> drop(db, NATIVE));
        double gdsAttentionLoad = medianSeconds(() -> project(db, PROJECT_ATTENTION, ATTENTION),
                () -> drop(db, ATTENTION));
        long before = heapUsed();
        PeopleGraph g = ProjectionLoader.load(store);
        long oursHeap = heapUsed() - before;
        project(db, PROJECT_NATIVE, NATIVE);
        long gdsBytes = sizeInBytes(db, NATIVE);
        project(db, PROJECT_ATTENTION, ATTENTION);
        long gdsAttentionBytes = sizeInBytes(db, ATTENTION);
        heldHeap = heapUsed();
        out.printf(Locale.ROOT, "Projected %,d people, %,d tied pairs; ours %.1f MB adjacency, %.1f MB heap in all%n",
                g.size(), g.pairs(), g.adjacencyBytes() / 1e6, oursHeap / 1e6);
        String gdsNative = "gds.graph.project native, undirected";
        String gdsCypher = "gds.graph.project Cypher aggregation, attention";
        lines.add(new Line("projection load, s", oursLoad, gdsLoad, gdsNative, true));
        lines.add(new Line("projection load, relationships/s", ties / oursLoad, ties / gdsLoad, gdsNative, false));
        lines.add(new Line("projection load (attention), s", oursLoad, gdsAttentionLoad, gdsCypher, true));
        lines.add(new Line("projection adjacency, bytes/relationship", (double) g.adjacencyBytes() / ties,
                (double) gdsBytes / ties, gdsNative + " sizeInBytes", true));
        lines.add(new Line("projection heap in all, bytes/relationship", (double) oursHeap / ties,
                (double) gdsBytes / ties, gdsNative + " sizeInBytes", true));
        lines.add(new Line("projection (attention), bytes/relationship", (double) g.adjacencyBytes() / ties,
                (double) gdsAttentionBytes / ties, gdsCypher + " sizeInBytes", true));

        pageRank(db, g, oursLoad, gdsAttentionLoad);
        communities(db, g, oursLoad, gdsLoad);
        reach(db, g, oursLoad);
        drop(db, NATIVE);
        drop(db, ATTENTION);
    }

    private void pageRank(GraphDatabaseService db, PeopleGraph g, double oursLoad, double gdsLoad) {
        PageRank pageRank = new PageRank(DAMPING, Double.MIN_VALUE, iterations);
        Map<String, Object> params = Map.of("name", ATTENTION, "iterations", iterations, "damping", DAMPING);
        Timed<List<String>> ours = timed(() -> topTen(g, pageRank.run(g).scores()));
        Timed<List<String>> gds = timed(() -> column(db, GDS_PAGE_RANK, params, "id"));
        String peer = "gds.pageRank.stream, " + iterations + " iterations";
        lines.add(new Line("PageRank cold (load + first run + top 10), s", oursLoad + ours.first(),
                gdsLoad + gds.first(), peer, true));
        lines.add(new Line("PageRank warm (top 10), s", ours.median(), gds.median(), peer, true));
        Set<String> common = new HashSet<>(ours.value());
        common.retainAll(gds.value());
        out.printf(Locale.ROOT, "agree: PageRank top-10 overlap %d/10 (ours %s; GDS %s)%n", common.size(), ours.value(),
                gds.value());
    }

    private void communities(GraphDatabaseService db, PeopleGraph g, double oursLoad, double gdsLoad) {
        Communities leiden = new Communities(1.0, leidenStarts, 42);
        Map<String, Object> params = Map.of("name", NATIVE);
        Timed<Communities.Result> ours = timed(() -> leiden.detect(g));
        Timed<Long> gds = timed(() -> count(db, GDS_LEIDEN, params));
        String peer = "gds.leiden.stream";
        lines.add(new Line("communities cold (load + first run), s", oursLoad + ours.first(), gdsLoad + gds.first(), peer, true));
        lines.add(new Line("communities warm, s", ours.median(), gds.median(), peer, true));
        int[] theirs = gdsPartition(db, g);
        double oursQ = ours.value().modularity();
        double gdsQ = leiden.modularity(g, theirs);
        lines.add(new Line("communities modularity", oursQ, gdsQ, peer + ", scored by ours", false));
        out.printf(Locale.ROOT, "agree: modularity ours %.4f (%,d communities, %d Leiden start(s), %d iteration(s), %s),"
                        + " GDS %.4f (%,d communities)%n", oursQ, ours.value().count(), ours.value().randomStarts(),
                ours.value().iterations(), ours.value().converged() ? "converged" : "stopped by the 5 s budget", gdsQ,
                Arrays.stream(theirs).max().orElse(-1) + 1);
    }

    /** @return GDS's partition in our numbering, communities renumbered from 0 */
    private static int[] gdsPartition(GraphDatabaseService db, PeopleGraph g) {
        int[] community = new int[g.size()];
        Map<Long, Integer> renumbered = new HashMap<>();
        try (Transaction tx = db.beginTx(); Result r = tx.execute(GDS_LEIDEN_IDS, Map.of("name", NATIVE))) {
            while (r.hasNext()) {
                Map<String, Object> row = r.next();
                int person = g.indexOf((String) row.get("id"));
                long c = ((Number) row.get("communityId")).longValue();
                community[person] = renumbered.computeIfAbsent(c, k -> renumbered.size());
            }
        }
        return community;
    }

    private void reach(GraphDatabaseService db, PeopleGraph g, double oursLoad) {
        List<String> advocates = new ArrayList<>();
        for (int p = 0; p < g.size(); p++) {
            if (g.isAdvocate(p)) {
                advocates.add(g.id(p));
            }
        }
        advocates.sort(null);
        for (int n : new int[] {100, 1_000}) {
            List<String> seeds = advocates.subList(0, Math.min(n, advocates.size()));
            int[] seedIndexes = seeds.stream().mapToInt(g::indexOf).toArray();
            Timed<Long> ours = timed(() -> (long) new ProjectedReach(g).walk(seedIndexes, seedIndexes.length, 3));
            long t0 = System.nanoTime();
            long cypher = ((Number) column(db, CYPHER_REACH, Map.of("seeds", seeds), "reached").get(0)).longValue();
            double cypherSeconds = seconds(t0);
            String peer = "one Cypher query (GDS has no multi-source h-hop count)";
            String what = String.format(Locale.ROOT, "reach of %,d advocates, 1..3 hops", seeds.size());
            lines.add(new Line(what + ", cold, s", oursLoad + ours.first(), cypherSeconds, peer, true));
            lines.add(new Line(what + ", warm, s", ours.median(), cypherSeconds, peer + ", no projection", true));
            out.printf(Locale.ROOT, "agree: %s: ours %,d people, Cypher %,d people: counts %s%n", what, ours.value(),
                    cypher, ours.value() == cypher ? "agree" : "DIFFER");
        }
    }

    private void report() {
        out.println();
        out.printf(Locale.ROOT, "%-46s %14s %14s %10s  %-6s  %s%n", "measure", "ours", "peer", "ours/peer", "better", "peer");
        for (Line l : lines) {
            double ratio = l.ours() / l.peer();
            boolean oursBetter = l.lowerIsBetter() ? l.ours() <= l.peer() : l.ours() >= l.peer();
            out.printf(Locale.ROOT, "%-46s %14s %14s %9.2fx  %-6s  %s%n", l.measure(), figure(l.ours()),
                    figure(l.peer()), ratio, oursBetter ? "ours" : "peer", l.named());
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "heap used with our projection and both of GDS's held: %,d MB of max %,d MB (ours and GDS"
                + " share it), %d cores%n", heldHeap >> 20, rt.maxMemory() >> 20, rt.availableProcessors());
        out.flush();
    }

    private static String figure(double v) {
        if (Math.abs(v) >= 1_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
    }

    // ------------------------------------------------------------------ helpers

    /** A result with the time of its first run and the median of the repeats after it. */
    private record Timed<T>(T value, double first, double median) {
    }

    /** @return the median time of {@code max(1, repeats)} runs of {@code work}, each followed by {@code after}, untimed */
    private double medianSeconds(Runnable work, Runnable after) {
        double[] runs = new double[Math.max(1, repeats)];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            work.run();
            runs[i] = seconds(t);
            after.run();
        }
        Arrays.sort(runs);
        return runs[runs.length / 2];
    }

    private <T> Timed<T> timed(Supplier<T> work) {
        long t0 = System.nanoTime();
        T value = work.get();
        double first = seconds(t0);
        double[] runs = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            work.get();
            runs[i] = seconds(t);
        }
        Arrays.sort(runs);
        return new Timed<>(value, first, repeats == 0 ? first : runs[repeats / 2]);
    }

    /** @return the names of the ten highest scores, highest first */
    private static List<String> topTen(PeopleGraph g, double[] scores) {
        int[] top = new int[Math.min(10, scores.length)];
        int held = 0;
        for (int p = 0; p < scores.length; p++) {
            if (held < top.length) {
                top[held++] = p;
            } else if (scores[p] > scores[top[held - 1]]) {
                top[held - 1] = p;
            } else {
                continue;
            }
            for (int i = held - 1; i > 0 && scores[top[i]] > scores[top[i - 1]]; i--) {
                int t = top[i];
                top[i] = top[i - 1];
                top[i - 1] = t;
            }
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            ids.add(g.id(top[i]));
        }
        return ids;
    }

    private static void project(GraphDatabaseService db, String statement, String name) {
        column(db, statement, Map.of("name", name), "nodeCount");
    }

    private static void drop(GraphDatabaseService db, String name) {
        column(db, "CALL gds.graph.drop($name) YIELD graphName RETURN graphName", Map.of("name", name), "graphName");
    }

    private static long sizeInBytes(GraphDatabaseService db, String name) {
        return ((Number) column(db, "CALL gds.graph.list($name) YIELD sizeInBytes RETURN sizeInBytes", Map.of("name", name),
                "sizeInBytes").get(0)).longValue();
    }

    private static <T> List<T> column(GraphDatabaseService db, String statement, Map<String, Object> params, String name) {
        try (Transaction tx = db.beginTx(); Result r = tx.execute(statement, params)) {
            List<T> values = new ArrayList<>();
            while (r.hasNext()) {
                @SuppressWarnings("unchecked")
                T v = (T) r.next().get(name);
                values.add(v);
            }
            tx.commit();
            return values;
        }
    }

    /** @return how many rows the statement streams, all consumed */
    private static long count(GraphDatabaseService db, String statement, Map<String, Object> params) {
        try (Transaction tx = db.beginTx(); Result r = tx.execute(statement, params)) {
            long n = 0;
            while (r.hasNext()) {
                r.next();
                n++;
            }
            return n;
        }
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
