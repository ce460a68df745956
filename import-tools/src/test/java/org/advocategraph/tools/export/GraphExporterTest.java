package org.advocategraph.tools.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.model.Account;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GenerationSummary;
import org.advocategraph.tools.generate.GeneratorSpec;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/** Exports of in-memory TinkerGraph stores: the import format round trip, GraphML and GEXF. */
class GraphExporterTest {
    @TempDir
    static Path shared;
    private static Path generated;
    private static GenerationSummary generation;
    /** The generated dataset, imported once for every test that only reads it. */
    private static GraphStore dataset;

    @TempDir
    Path dir;

    @BeforeAll
    static void importDataset() {
        generated = shared.resolve("generated");
        generation = new DatasetGenerator(GeneratorSpec.of(5, 300)).writeTo(generated);
        dataset = TinkerPopGraphStore.inMemory();
        importInto(dataset, generated);
    }

    @AfterAll
    static void closeDataset() {
        dataset.close();
    }

    static void importInto(GraphStore store, Path files) {
        ImportSummary summary = new GraphImporter(store, ImportOptions.DEFAULT, line -> { }).importDirectory(files);
        assertTrue(summary.ok(), summary.errors().toString());
        assertEquals(0, summary.skipped(), "relationships skipped on import: " + summary.skippedExamples());
    }

    // ---- the import format ----

    @Test
    void shouldExportWhatWasImportedSoThatImportingTheExportGivesTheSameGraphAndTheSameBytes() {
        // Given a generated dataset imported into a store
        // When it is exported, the export imported into a fresh store, and that store exported again
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        ExportSummary summary = new GraphExporter(dataset).toImportFormat(first);
        try (GraphStore copy = TinkerPopGraphStore.inMemory()) {
            importInto(copy, first);
            new GraphExporter(copy).toImportFormat(second);

            // Then both stores hold the same graph
            assertEquals(dataset.counts(), copy.counts());
        }

        // And both exports are byte for byte the same, file by file
        assertSameFiles(first, second);
        // And each export file holds the generator's rows (in key order rather than the generator's)
        assertSameRows(generated, first);
        // And the summary counts what was written
        assertEquals(generation.rowsPerFile(), summary.rowsPerFile());
        assertEquals(List.of(ImportFile.values()).stream().map(ImportFile::fileName).collect(Collectors.toList()),
                new ArrayList<>(summary.rowsPerFile().keySet()));
        long nodes = Stream.of("Employee", "Customer", "Account", "Topic", "Conversation", "Program")
                .mapToLong(dataset.counts()::get).sum();
        assertEquals(nodes, summary.nodes());
        assertEquals(generation.totalRows() - nodes, summary.edges());
    }

    @Test
    void shouldWriteHeadersOnlyForAnEmptyStore() throws IOException {
        // Given an empty store
        try (GraphStore empty = TinkerPopGraphStore.inMemory()) {
            // When it is exported
            ExportSummary summary = new GraphExporter(empty).toImportFormat(dir);

            // Then every file is there with its header and nothing else
            for (ImportFile f : ImportFile.values()) {
                assertEquals(String.join(",", f.columns()) + "\n",
                        Files.readString(dir.resolve(f.fileName()), StandardCharsets.UTF_8));
                assertEquals(0L, summary.rowsPerFile().get(f.fileName()));
            }
            assertEquals(0, summary.nodes() + summary.edges());
        }
    }

    @Test
    void shouldRefuseAFolderWhereAnImportWouldFindAGzippedTwin() throws IOException {
        // Given a folder holding ties.csv.gz
        Files.writeString(dir.resolve("ties.csv.gz"), "old");

        // When it is exported into, Then the export refuses before writing anything
        assertThrows(IllegalArgumentException.class, () -> new GraphExporter(dataset).toImportFormat(dir));
        assertEquals(List.of("ties.csv.gz"), fileNames(dir));
    }

    @Test
    void shouldLeaveEarlierFilesAsTheyWereWhenTheStoreFailsMidway() throws IOException {
        // Given files of an earlier export, and a store that fails when its ties are read
        Files.writeString(dir.resolve("employees.csv"), "old");
        Files.writeString(dir.resolve("network.gexf"), "old");
        GraphStore failing = failingOnTies(dataset);

        // When it is exported
        assertThrows(IllegalStateException.class, () -> new GraphExporter(failing).toImportFormat(dir));
        assertThrows(IllegalStateException.class,
                () -> new GraphExporter(failing).toGexf(dir.resolve("network.gexf"), ExportOptions.DEFAULT));

        // Then the earlier files are untouched and no temporary file is left
        assertEquals("old", Files.readString(dir.resolve("employees.csv")));
        assertEquals("old", Files.readString(dir.resolve("network.gexf")));
        assertEquals(List.of("employees.csv", "network.gexf"), fileNames(dir));
    }

    // ---- GraphML and GEXF ----

    @Test
    void shouldWriteEveryPersonAndTieOfTheStoreAsGraphMl() {
        for (boolean topics : new boolean[] {false, true}) {
            // Given the generated dataset, When it is exported as GraphML
            Path file = dir.resolve("network-" + topics + ".graphml");
            ExportSummary summary = new GraphExporter(dataset).toGraphMl(file, new ExportOptions(topics));

            // Then the file holds a node per person and an edge per tie, plus topics and their edges if asked
            Networks.Network network = Networks.graphMl(file);
            Networks.dom(file);
            assertMatchesStore(network, summary, topics);
            assertEquals(map("label", "string", "kind", "string", "department", "string", "region", "string",
                    "title", "string", "segment", "string", "accountId", "string", "programs", "string",
                    "advocate", "boolean", "capacity", "int", "followers", "long"), network.nodeTypes());
            assertEquals(Map.of("kind", "string", "strength", "double", "since", "string"), network.edgeTypes());
        }
    }

    @Test
    void shouldWriteEveryPersonAndTieOfTheStoreAsGexf() {
        for (boolean topics : new boolean[] {false, true}) {
            // Given the generated dataset, When it is exported as GEXF
            Path file = dir.resolve("network-" + topics + ".gexf");
            ExportSummary summary = new GraphExporter(dataset).toGexf(file, new ExportOptions(topics));

            // Then the file holds a node per person and an edge per tie, plus topics and their edges if asked
            Networks.Network network = Networks.gexf(file);
            Networks.dom(file);
            assertMatchesStore(network, summary, topics);
            assertEquals(Map.of("kind", "string", "department", "string", "region", "string", "title", "string",
                    "segment", "string", "accountId", "string", "programs", "string", "advocate", "boolean",
                    "capacity", "integer", "followers", "long"), network.nodeTypes());
            assertEquals(Map.of("kind", "string", "strength", "double", "since", "string"), network.edgeTypes());
            for (Networks.Edge e : network.edges()) {
                assertEquals(e.values().get("kind"), e.values().get("gexf:kind"), "native kind of edge " + e.id());
                assertEquals(e.values().get("strength"), e.values().get("gexf:weight"), "weight of edge " + e.id());
            }
        }
    }

    @Test
    void shouldExportTheSameNetworkBytesTwice() throws IOException {
        // Given the generated dataset exported twice in each format
        GraphExporter exporter = new GraphExporter(dataset);
        ExportOptions topics = new ExportOptions(true);
        exporter.toGraphMl(dir.resolve("a.graphml"), topics);
        exporter.toGraphMl(dir.resolve("b.graphml"), topics);
        exporter.toGexf(dir.resolve("a.gexf"), topics);
        exporter.toGexf(dir.resolve("b.gexf"), topics);

        // Then the files are the same: nothing in them depends on the clock or on hash order
        assertSameBytes(dir.resolve("a.graphml"), dir.resolve("b.graphml"));
        assertSameBytes(dir.resolve("a.gexf"), dir.resolve("b.gexf"));
    }

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final String AWKWARD = "Ana & Bob <Ltd> \"quoted\" 'single' ]]> ünïcödé Zoë Łukasz 東京 😀";

    /** Three people with known attributes and names that XML must escape, two programs, a topic. */
    private static GraphStore tinyStore() {
        GraphStore store = TinkerPopGraphStore.inMemory();
        List<GraphElement> elements = List.of(
                new Employee("e1", AWKWARD, "Lead <Ops> & \"Care\"", "support", "emea", List.of("en"), Set.of(),
                        Set.of(Purpose.CARE), 3, true, true, null),
                new Employee("e2", "Bo", "", "", "", List.of(), Set.of(), Set.of(), 1, true, false, "e1"),
                new Customer("c1", "Carl\u0001 \uD800 Control", "a1", "enterprise", "na", List.of("en"), List.of("@carl"),
                        1234),
                new Account("a1", "Acme", "retail"),
                new Topic("t1", "C++ & <Rust>"),
                new Program("p2", "Care corps", Purpose.CARE),
                new Program("p1", "Voices", Purpose.MARKETING),
                new Membership("e1", "p2", null),
                new Membership("e1", "p1", T0),
                new Expertise("e1", "t1", 0.8, "self"),
                new Interest("c1", "t1", 0.5),
                new Tie("c1", "e1", TieKind.FOLLOWS, 0.25, T0),
                new Tie("e1", "e2", TieKind.KNOWS, 0.5, null),
                new Tie("e1", "e2", TieKind.COLLEAGUE, 0.9, null));
        store.upsert(elements);
        return store;
    }

    @Test
    void shouldKeepSpecialCharactersAndKnownAttributesInBothFormats() {
        // Given three people with awkward names, ties of two kinds between the same two people, and a topic
        try (GraphStore store = tinyStore()) {
            GraphExporter exporter = new GraphExporter(store);
            Path graphMl = dir.resolve("tiny.graphml");
            Path gexf = dir.resolve("tiny.gexf");

            // When the network is exported with topics in both formats
            ExportSummary a = exporter.toGraphMl(graphMl, new ExportOptions(true));
            ExportSummary b = exporter.toGexf(gexf, new ExportOptions(true));

            // Then both read back as well-formed XML with the same known answers
            assertEquals(4, a.nodes());
            assertEquals(5, a.edges());
            assertEquals(Map.of(), a.rowsPerFile());
            assertEquals(a.nodes(), b.nodes());
            assertEquals(a.edges(), b.edges());
            for (Networks.Network n : List.of(Networks.graphMl(graphMl), Networks.gexf(gexf))) {
                assertEquals(Map.of("label", AWKWARD, "kind", "employee", "department", "support", "region", "emea",
                        "title", "Lead <Ops> & \"Care\"", "programs", "p1;p2", "advocate", "true", "capacity", "3"),
                        n.nodes().get("e1"));
                assertEquals(Map.of("label", "Bo", "kind", "employee", "advocate", "false", "capacity", "1"),
                        n.nodes().get("e2"));
                // Characters XML 1.0 cannot hold become U+FFFD rather than breaking the file
                assertEquals(Map.of("label", "Carl\uFFFD \uFFFD Control", "kind", "customer", "region", "na",
                        "segment", "enterprise", "accountId", "a1", "advocate", "false", "followers", "1234"),
                        n.nodes().get("c1"));
                assertEquals(Map.of("label", "C++ & <Rust>", "kind", "topic"), n.nodes().get("topic:t1"));

                List<String> edges = new ArrayList<>();
                for (Networks.Edge e : n.edges()) {
                    edges.add(e.source() + ">" + e.target() + " " + e.values().get("kind") + " "
                            + e.values().get("strength") + " " + e.values().getOrDefault("since", "-"));
                }
                // Ties in key order (same people: by kind), then expertise, then interests
                assertEquals(List.of("c1>e1 follows 0.25 2024-03-01T10:15:30.123Z", "e1>e2 colleague 0.9 -",
                        "e1>e2 knows 0.5 -", "e1>topic:t1 expert_in 0.8 -", "c1>topic:t1 interested_in 0.5 -"), edges);
            }
            assertEquals("graphml", Networks.dom(graphMl).getDocumentElement().getLocalName());
            assertEquals("gexf", Networks.dom(gexf).getDocumentElement().getLocalName());
        }
    }

    @Test
    void shouldWriteAnEmptyButValidNetworkForAnEmptyStore() {
        // Given an empty store
        try (GraphStore empty = TinkerPopGraphStore.inMemory()) {
            // When it is exported in both formats
            ExportSummary a = new GraphExporter(empty).toGraphMl(dir.resolve("empty.graphml"), new ExportOptions(true));
            ExportSummary b = new GraphExporter(empty).toGexf(dir.resolve("empty.gexf"), new ExportOptions(true));

            // Then the files are valid, with their declarations and no elements
            assertEquals(0, a.nodes() + a.edges() + b.nodes() + b.edges());
            Networks.Network graphMl = Networks.graphMl(dir.resolve("empty.graphml"));
            Networks.Network gexf = Networks.gexf(dir.resolve("empty.gexf"));
            assertEquals(0, graphMl.nodes().size() + graphMl.edges().size() + gexf.nodes().size() + gexf.edges().size());
            assertEquals(3, gexf.edgeTypes().size());
            Networks.dom(dir.resolve("empty.gexf"));
        }
    }

    // ---- helpers ----

    private static void assertMatchesStore(Networks.Network network, ExportSummary summary, boolean topics) {
        Map<String, Long> counts = dataset.counts();
        long people = counts.get("Employee") + counts.get("Customer");
        long nodes = people + (topics ? counts.get("Topic") : 0);
        long edges = counts.get("CONNECTED_TO") + (topics ? counts.get("EXPERT_IN") + counts.get("INTERESTED_IN") : 0);
        assertEquals(nodes, network.nodes().size());
        assertEquals(edges, network.edges().size());
        assertEquals(nodes, summary.nodes());
        assertEquals(edges, summary.edges());
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (Map<String, String> n : network.nodes().values()) {
            kinds.merge(n.get("kind"), 1L, Long::sum);
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("employee", counts.get("Employee"));
        expected.put("customer", counts.get("Customer"));
        if (topics) {
            expected.put("topic", counts.get("Topic"));
            assertEquals(counts.get("EXPERT_IN"), network.edgesOfKind("expert_in"));
            assertEquals(counts.get("INTERESTED_IN"), network.edgesOfKind("interested_in"));
        }
        assertEquals(expected, kinds);
        // Every member of a program has its programs; the generator makes some
        assertTrue(network.nodes().values().stream().anyMatch(n -> n.containsKey("programs")));
    }

    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * Asserts that every import file of an export holds its header and the rows of the same file in {@code original}
     * (a generated dataset, whose rows come in another order), no more, no fewer.
     */
    static void assertSameRows(Path original, Path exported) {
        for (ImportFile f : ImportFile.values()) {
            List<List<String>> rows = csv(exported.resolve(f.fileName()));
            List<List<String>> expected = csv(original.resolve(f.fileName()));
            assertEquals(f.columns(), rows.get(0), "header of " + f.fileName());
            assertEquals(expected.size(), rows.size(), "rows of " + f.fileName());
            assertEquals(new HashSet<>(expected), new HashSet<>(rows), "rows of " + f.fileName());
        }
    }

    /** Asserts that two exports to the import format are byte for byte the same, file by file. */
    static void assertSameFiles(Path a, Path b) {
        for (ImportFile f : ImportFile.values()) {
            assertSameBytes(a.resolve(f.fileName()), b.resolve(f.fileName()));
        }
    }

    static void assertSameBytes(Path a, Path b) {
        try {
            assertEquals(-1L, Files.mismatch(a, b), a.getFileName() + " differs from " + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> csv(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.fields());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    /** The store, except that reading its ties fails, as a store that goes away mid-export would. */
    private static GraphStore failingOnTies(GraphStore store) {
        return (GraphStore) Proxy.newProxyInstance(GraphStore.class.getClassLoader(), new Class<?>[] {GraphStore.class},
                (proxy, method, args) -> {
                    if ("scan".equals(method.getName()) && args[0] == Tie.class) {
                        throw new IllegalStateException("the store went away");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
