package org.advocategraph.tools.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;
import org.advocategraph.store.tinkerpop.GremlinSettings;
import org.advocategraph.store.tinkerpop.LocalGremlinServer;
import org.advocategraph.store.tinkerpop.LocalJanusGraphServer;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.cli.AdvocatesCli;
import org.advocategraph.tools.cli.Cli;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;

/**
 * {@code advocates export} end to end, through the real command line, on the TinkerPop stores that keep their graph
 * from one invocation to the next: a Gremlin Server hosting a TinkerGraph ({@link LocalGremlinServer}) and a
 * JanusGraph Server hosting an in-memory JanusGraph ({@link LocalJanusGraphServer}), both in this JVM. Each imports
 * the same generated dataset with {@code advocates import}, then exports it as CSV, GraphML and GEXF (with topics);
 * every file must be byte for byte the reference's: the same dataset imported into an in-memory TinkerGraph in this
 * JVM and exported through {@link GraphExporter}, itself checked against the generated rows. (The reference is
 * Neo4j's too: {@link GraphExportNeo4jIT} shows the two adapters export the same bytes, and {@code ImportIT} runs
 * {@code advocates export} on Neo4j.) Every adapter scans in the same key order and nothing in the files depends on
 * the clock. Importing the exported CSV folder into the same store again must change nothing: the import creates
 * nothing, the store keeps the counts of one import, and a second export gives the same bytes. A bad export (an
 * unknown format, a store nobody answers at) fails with a line naming the value and writes nothing.
 *
 * <p>Left out: {@code tinkergraph:memory} and {@code janusgraph:inmemory}. Every command opens the store and closes
 * it before it returns, and those stores live only as long as they are open, so each command gets a new, empty
 * graph: what {@code import} wrote is gone when {@code export} starts.
 *
 * <p>The dataset is small (200 people): JanusGraph Server takes writes in 64 KB requests and is the slow one.
 */
class ExportBackendsIT {
    private static final GeneratorSpec DATASET = GeneratorSpec.of(11, 200);
    private static final List<String> NETWORKS = List.of("network.graphml", "network.gexf");
    /** The summary of an import that only updated, as {@code advocates import} prints it. */
    private static final Pattern NOTHING_CREATED =
            Pattern.compile("[1-9][0-9,]* nodes \\(0 created, [0-9,]+ updated\\) and [1-9][0-9,]* relationships \\(0 created, ");

    /** The stores under test. */
    enum Backend { GREMLIN_SERVER, JANUSGRAPH_SERVER }

    /** Where one backend's first exports are: {@code csv/}, {@code network.graphml} and {@code network.gexf}. */
    private record Exports(Path dir) {
        Path csv() {
            return dir.resolve("csv");
        }
    }

    @TempDir
    static Path home;
    private static Path generated;
    /** Node and relationship counts of the dataset imported once, into an in-memory TinkerGraph in this JVM. */
    private static Map<String, Long> importedOnce;
    /** That TinkerGraph's exports, through the exporter's API: every backend's reference. */
    private static Exports reference;
    private static LocalGremlinServer gremlinServer;
    private static LocalJanusGraphServer janusGraphServer;
    /** Each backend's first import and exports, made once. */
    private static final Map<Backend, Exports> FIRST = new EnumMap<>(Backend.class);

    @BeforeAll
    static void startServers() {
        generated = home.resolve("generated");
        new DatasetGenerator(DATASET).writeTo(generated);
        try (GraphStore once = TinkerPopGraphStore.inMemory()) {
            GraphExporterTest.importInto(once, generated);
            importedOnce = once.counts();
            reference = new Exports(home.resolve("reference"));
            GraphExporter exporter = new GraphExporter(once);
            exporter.toImportFormat(reference.csv());
            exporter.toGraphMl(reference.dir().resolve("network.graphml"), new ExportOptions(false));
            exporter.toGexf(reference.dir().resolve("network.gexf"), new ExportOptions(true));
        }
        gremlinServer = LocalGremlinServer.start(false, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH, null, null);
        janusGraphServer = LocalJanusGraphServer.start();
    }

    @AfterAll
    static void stopServers() {
        try {
            if (gremlinServer != null) {
                gremlinServer.close();
            }
        } finally {
            if (janusGraphServer != null) {
                janusGraphServer.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void shouldExportTheReferenceBytesAndReimportTheExportWithoutChange(Backend backend) {
        // Given the generated dataset imported into the store, and exported in every format, through the command line
        Exports first = firstExports(backend);

        // Then every file is byte for byte the reference's
        GraphExporterTest.assertSameFiles(reference.csv(), first.csv());
        for (String network : NETWORKS) {
            GraphExporterTest.assertSameBytes(reference.dir().resolve(network), first.dir().resolve(network));
        }

        // When the exported CSV folder is imported into the same store, and the store exported again
        Cli reimport = succeed(backend, "import", first.csv().toString());
        Path again = home.resolve(backend + "-again");
        succeed(backend, "export", "--format", "csv", "--out", again.toString());

        // Then nothing changed: the import created nothing, the store has the counts of one import of the dataset,
        // and the export has the same bytes
        assertTrue(NOTHING_CREATED.matcher(reimport.out()).find(), reimport.out());
        assertEquals(importedOnce, counts(backend), backend + " counts after importing the export");
        GraphExporterTest.assertSameFiles(first.csv(), again);
    }

    @Test
    void shouldExportWhatTheGeneratorWroteInTheReference() {
        // Given the reference export, When it is read back, Then each file holds the generator's rows (in key order rather than the generator's)
        GraphExporterTest.assertSameRows(generated, reference.csv());
        // And the networks hold every person and tie of the store, the GEXF also every topic with its edges
        Map<String, Long> counts = importedOnce;
        long people = counts.get("Employee") + counts.get("Customer");
        long ties = counts.get("CONNECTED_TO");
        Networks.Network graphMl = Networks.graphMl(reference.dir().resolve("network.graphml"));
        assertEquals(people, graphMl.nodes().size());
        assertEquals(ties, graphMl.edges().size());
        Networks.Network gexf = Networks.gexf(reference.dir().resolve("network.gexf"));
        assertEquals(people + counts.get("Topic"), gexf.nodes().size());
        assertEquals(ties + counts.get("EXPERT_IN") + counts.get("INTERESTED_IN"), gexf.edges().size());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void shouldRefuseAnUnknownFormatNamingItAndWriteNothing(Backend backend) {
        // Given an export asked for in a format that does not exist
        Path out = home.resolve(backend + "-network.xml");

        // When
        Cli result = advocates(backend, "export", "--format", "xml", "--out", out.toString());

        // Then it is a usage error, refused before the store is opened: one line naming the value, then the
        // command's usage (as picocli follows every usage error), and nothing is written
        assertEquals(AdvocatesCli.USAGE, result.code(), result.err());
        List<String> lines = result.err().lines().toList();
        assertEquals("--format: 'xml' is not one of csv, graphml, gexf", lines.get(0));
        assertTrue(lines.get(1).startsWith("Usage: advocates export "), result.err());
        assertFalse(Files.exists(out), out + " was written");
    }

    @Test
    void shouldFailOnAnUnreachableStoreWithOneLineNamingItAndWriteNothing() {
        // Given a Gremlin store where nothing listens
        Path out = home.resolve("unreachable");
        String uri = "gremlin://127.0.0.1:1";

        // When it is exported
        Cli result = Cli.run("export", "--format", "csv", "--out", out.toString(), "--store", uri);

        // Then the command fails with one line that names the store, and writes nothing
        assertEquals(AdvocatesCli.FAILED, result.code(), result.err());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        // The rest of the line is the operating system's reason ("Connection refused")
        assertTrue(lines.get(0).startsWith("advocates export: cannot reach the graph store at gremlin://127.0.0.1:1/g: "),
                lines.get(0));
        assertFalse(Files.exists(out), out + " was written");
    }

    // ---- helpers ----

    /**
     * Imports the generated dataset into the backend's store and exports it as CSV, GraphML and GEXF with topics,
     * all through the command line, once per backend.
     */
    private static Exports firstExports(Backend backend) {
        Exports done = FIRST.get(backend);
        if (done != null) {
            return done;
        }
        Path dir = home.resolve(backend + "-first");
        succeed(backend, "import", generated.toString());
        succeed(backend, "export", "--format", "csv", "--out", dir.resolve("csv").toString());
        succeed(backend, "export", "--format", "graphml", "--out", dir.resolve("network.graphml").toString());
        succeed(backend, "export", "--format", "gexf", "--topics", "--out", dir.resolve("network.gexf").toString());
        Exports exports = new Exports(dir);
        FIRST.put(backend, exports);
        return exports;
    }

    /** @return the backend's store URI */
    private static String storeUri(Backend backend) {
        return switch (backend) {
            case GREMLIN_SERVER -> gremlinServer.uri();
            case JANUSGRAPH_SERVER -> janusGraphServer.uri("graph");
        };
    }

    /** @return the backend's node and relationship counts, read as the service opens the store */
    private static Map<String, Long> counts(Backend backend) {
        try (OpenStore open = OpenStore.open(new StoreSettings(storeUri(backend), null, null, null, null, 0))) {
            return open.store().counts();
        }
    }

    /** Runs the command line with the options that select the backend's store, as a user would type them. */
    private static Cli advocates(Backend backend, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", storeUri(backend)));
        return Cli.run(all.toArray(String[]::new));
    }

    private static Cli succeed(Backend backend, String... args) {
        Cli result = advocates(backend, args);
        assertEquals(0, result.code(), () -> backend + ": advocates " + String.join(" ", args) + "\n" + result.err());
        return result;
    }
}
