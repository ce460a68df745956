package org.advocategraph.tools.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;

import org.advocategraph.model.GraphElement;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.neo4j.Neo4jSettings;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * The bulk import against the online import of the same files, each into its own embedded Neo4j: the same
 * records, the same counts (derived relationships included), the same labels, property names and property types.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulkImportIT {
    @TempDir
    static Path dir;
    private static Path files;
    private static Path bulkHome;
    private static BulkSummary summary;
    private static final List<String> MESSAGES = new ArrayList<>();
    private static EmbeddedNeo4j bulk;
    private static EmbeddedNeo4j online;
    private static Neo4jGraphStore bulkStore;
    private static Neo4jGraphStore onlineStore;

    @BeforeAll
    static void importBothWays() throws Exception {
        files = dir.resolve("files");
        new DatasetGenerator(GeneratorSpec.of(9, 2000)).writeTo(files);
        addEdgeCases(files);

        // The online import waits on round trips more than on the processors: it runs beside the bulk import.
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<ImportSummary> onlineImport = background.submit(() -> {
            online = EmbeddedNeo4j.start(dir.resolve("online"), 0);
            onlineStore = Neo4jGraphStore.connect(online.settings());
            onlineStore.ensureSchema();
            return new GraphImporter(onlineStore, ImportOptions.DEFAULT, m -> { }).importDirectory(files);
        });
        try {
            // The bulk target already holds an empty database with the schema, as after a first `serve`: the
            // importer replaces it.
            bulkHome = dir.resolve("bulk");
            try (EmbeddedNeo4j empty = EmbeddedNeo4j.start(bulkHome, 0);
                 Neo4jGraphStore store = Neo4jGraphStore.connect(empty.settings())) {
                store.ensureSchema();
            }
            summary = new BulkImporter(MESSAGES::add).importInto(files, bulkHome);
            bulk = EmbeddedNeo4j.start(bulkHome, 0);
            bulkStore = Neo4jGraphStore.connect(bulk.settings());
            ImportSummary loaded = onlineImport.get();
            assertTrue(loaded.ok(), loaded.errors().toString());
        } finally {
            background.shutdown();
        }
    }

    /**
     * Rows the generator does not write: references to nothing or to the wrong kind of node (which derive no
     * relationship), a manager listed after the employee, empty text and lists, a line break, quotes, a comma
     * and edge spaces in a text, a time at another offset, assignments with every step's time and a cancelled one.
     */
    private static void addEdgeCases(Path dir) throws IOException {
        String customer = firstId(dir.resolve("customers.csv"));
        String employee = firstId(dir.resolve("employees.csv"));
        append(dir.resolve("employees.csv"),
                "x-reports-to-customer,\"Zoë \"\"Z\"\" Edge\",,,,,,,0,false,true," + customer,
                "x-reports-to-later,Early Report,Engineer,engineering,emea,en;de,,care,2,true,true,x-boss",
                "x-boss,Late Boss,Head,engineering,emea,en,coaching,,1,true,false,",
                "x-reports-to-nobody,Lonely,,,,,,,5,true,true,x-ghost");
        append(dir.resolve("accounts.csv"), "x-account,\"Comma, Inc\",\" retail \"");
        append(dir.resolve("customers.csv"),
                "x-no-account,Edge Customer,a-ghost,,,,,0",
                "x-no-lists,Plain Customer,,smb,na,,,7",
                "x-with-account,With Account,x-account,,,,,1");
        append(dir.resolve("conversations.csv"),
                "x-v1,forum,2025-01-01T00:00:00+02:00,,\"Line one\nline two, with \"\"quotes\"\"\",,0,,,0,x-ghost",
                "x-v2,email,2025-01-02T03:04:05.678Z,https://example.com/x,Plain,de,-0.5,open,care,12," + employee);
        append(dir.resolve("assignments.csv"),
                "x-s1," + employee + ",x-v2,2025-01-02T04:00:00Z,resolved,2025-01-02T06:00:00Z,thanked,0.5,"
                        + "2025-01-02T05:10:00+01:00,2025-01-02T07:00:00.250Z",
                "x-s2," + employee + ",x-v2,2025-01-03T00:00:00Z,cancelled,,,,,2025-01-03T01:00:00Z");
    }

    private static String firstId(Path file) throws IOException {
        String row = Files.readAllLines(file, StandardCharsets.UTF_8).get(1);
        return row.substring(0, row.indexOf(','));
    }

    private static void append(Path file, String... rows) throws IOException {
        Files.writeString(file, String.join("\n", rows) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {bulkStore, bulk, onlineStore, online}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void shouldHoldTheSameRecordsAsTheOnlineImport() {
        assertTrue(summary.ok(), summary.errors().toString());
        for (ImportFile type : ImportFile.values()) {
            List<List<String>> expected = scan(onlineStore, type);
            List<List<String>> actual = scan(bulkStore, type);
            assertFalse(expected.isEmpty(), type + " is empty online");
            assertSameLines(type.toString(), expected, actual);
        }
    }

    @Test
    @Order(2)
    void shouldCountTheSameNodesAndRelationshipsDerivedOnesIncluded() {
        Map<String, Long> counts = onlineStore.counts();
        assertEquals(counts, bulkStore.counts());
        for (String derived : List.of("BELONGS_TO", "AUTHORED", "REPORTS_TO")) {
            assertTrue(counts.get(derived) > 0, derived + " " + counts);
        }
        long nodes = List.of("Employee", "Customer", "Account", "Topic", "Conversation", "Program").stream()
                .mapToLong(counts::get).sum();
        long relationships = counts.values().stream().mapToLong(Long::longValue).sum() - nodes;
        assertEquals(nodes, summary.nodes());
        assertEquals(relationships, summary.relationships());
    }

    @Test
    @Order(3)
    void shouldStoreTheSameLabelsPropertiesAndPropertyTypes() {
        String nodes = "MATCH (n) RETURN n AS e, [k IN keys(n) | k + ':' + valueType(n[k])] AS types";
        String relationships = "MATCH (a)-[r]->(b) RETURN a.id + '-' + type(r) + '->' + b.id AS head, r AS e, "
                + "[k IN keys(r) | k + ':' + valueType(r[k])] AS types";
        assertSameLines("nodes", describe(online.settings(), nodes), describe(bulk.settings(), nodes));
        assertSameLines("relationships", describe(online.settings(), relationships),
                describe(bulk.settings(), relationships));
    }

    @Test
    @Order(4)
    void shouldReadTheMultilineTextAndReportItsProgress() {
        assertTrue(MESSAGES.stream().anyMatch(m -> m.startsWith("Validated ")), MESSAGES.toString());
        assertTrue(MESSAGES.stream().anyMatch(m -> m.contains("IMPORT DONE")), MESSAGES.toString());
        String text = bulkStore.conversation("x-v1").orElseThrow().text();
        assertEquals("Line one\nline two, with \"quotes\"", text);
    }

    @Test
    @Order(5)
    void shouldRefuseADatabaseThatAlreadyHoldsDataBeforeReadingAnyFile() {
        bulkStore.close();
        bulk.close();
        List<String> messages = new ArrayList<>();

        StoreException refused = assertThrows(StoreException.class,
                () -> new BulkImporter(messages::add).importInto(files, bulkHome));

        String held = String.format(Locale.ROOT, "already holds %,d nodes", summary.nodes());
        assertTrue(refused.getMessage().contains(held), refused.getMessage());
        assertEquals(List.of(), messages, "nothing may be validated, staged or imported");
        try (var left = Files.list(bulkHome)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".bulk-import")), "no staging folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldWriteNothingWhenARowIsBad(@TempDir Path bad) throws IOException {
        Files.writeString(bad.resolve("topics.csv"), "id,name\nk8s,Kubernetes\n");
        Files.writeString(bad.resolve("expertise.csv"), "employeeId,topicId,level\nghost,k8s,0.5\n");
        Path home = bad.resolve("home");

        BulkSummary result = new BulkImporter(m -> { }).importInto(bad, home);

        assertFalse(result.ok());
        assertTrue(result.errors().get(0).contains("expertise.csv:2: employeeId: unknown employee id 'ghost'"),
                result.errors().toString());
        assertFalse(Files.exists(home), "nothing may be written");
    }

    // ------------------------------------------------------------------ helpers

    private static List<List<String>> scan(Neo4jGraphStore store, ImportFile type) {
        List<List<String>> lines = new ArrayList<>();
        store.scan(type.type(), 10_000, batch -> {
            for (GraphElement e : batch) {
                lines.add(type.format(e));
            }
        });
        return lines;
    }

    /** Every element as one line: labels or endpoints, then each property with its stored type and value. */
    private static List<String> describe(Neo4jSettings settings, String statement) {
        Config config = Config.builder().withLogging(Logging.none()).build();
        try (Driver driver = GraphDatabase.driver(settings.uri(),
                AuthTokens.basic(settings.user(), settings.password()), config);
             Session session = driver.session()) {
            List<String> lines = new ArrayList<>(session.run(statement).list(BulkImportIT::describe));
            lines.sort(null);
            return lines;
        }
    }

    private static String describe(Record r) {
        Value element = r.get("e");
        Entity entity = element.asEntity();
        String head;
        if (r.containsKey("head")) {
            head = r.get("head").asString();
        } else {
            List<String> labels = new ArrayList<>();
            element.asNode().labels().forEach(labels::add);
            labels.sort(null);
            head = labels + " " + entity.get("id").asString();
        }
        Map<String, String> properties = new TreeMap<>();
        for (String key : entity.keys()) {
            Value v = entity.get(key);
            // toString of the Java value shows a datetime's zone, so an offset and a named zone differ.
            properties.put(key, v.type().name() + " " + v.asObject());
        }
        List<String> types = new ArrayList<>(r.get("types").asList(Value::asString));
        types.sort(null);
        return head + " " + types + " " + properties;
    }

    private static <T> void assertSameLines(String what, List<T> expected, List<T> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + " differ at line " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": number of lines");
    }
}
