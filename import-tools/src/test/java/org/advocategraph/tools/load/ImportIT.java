package org.advocategraph.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.neo4j.Neo4jSettings;
import org.advocategraph.tools.cli.Cli;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;

/** Import into a real embedded Neo4j through the command line: idempotent, all-or-nothing on bad rows. */
class ImportIT {
    @TempDir
    static Path home;
    @TempDir
    static Path files;
    private static EmbeddedNeo4j database;
    private static Neo4jSettings settings;
    /** A properties file pointing the CLI at the test database with this run's credentials. */
    private static String config;

    @BeforeAll
    static void start() {
        database = EmbeddedNeo4j.start(home.resolve("db"), 0);
        settings = database.settings();
        Path file = home.resolve("test.properties");
        try {
            Files.writeString(file, "store.uri=" + settings.uri() + "\nstore.user=" + settings.user()
                    + "\nstore.password=" + settings.password() + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        config = file.toString();
        new DatasetGenerator(GeneratorSpec.of(3, 400)).writeTo(files);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        try (Neo4jGraphStore store = Neo4jGraphStore.connect(settings)) {
            store.deleteAll();
        }
    }

    private static Map<String, Long> counts() {
        try (Neo4jGraphStore store = Neo4jGraphStore.connect(settings)) {
            return store.counts();
        }
    }

    @Test
    void shouldLeaveTheSameGraphWhenTheSameFilesAreImportedTwice() {
        // Given a generated dataset imported once
        Cli first = Cli.run("import", files.toString(), "--config", config, "--batch-size", "500");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().matches("(?s).*nodes \\([1-9][\\d,]* created, 0 updated\\) and [\\d,]+ relationships \\([1-9][\\d,]* created, 0 updated\\).*"),
                first.out());
        Map<String, Long> once = counts();
        assertTrue(once.get("Employee") > 0 && once.get("CONNECTED_TO") > 0, once.toString());
        // When it is imported again
        Cli second = Cli.run("import", files.toString(), "--config", config);
        // Then nothing is duplicated: everything was an update
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().matches("(?s).*nodes \\(0 created, [1-9][\\d,]* updated\\) and [\\d,]+ relationships \\(0 created, [1-9][\\d,]* updated\\).*"),
                second.out());
        assertEquals(once, counts());
    }

    @Test
    void shouldWriteNothingWhenARowIsBadAndNameItsFileAndLine(@TempDir Path bad) throws Exception {
        // Given a copy of the dataset whose expertise file has one level out of range on line 3
        try (var list = Files.list(files)) {
            for (Path p : list.toList()) {
                Files.copy(p, bad.resolve(p.getFileName()));
            }
        }
        Path expertise = bad.resolve("expertise.csv");
        var lines = new java.util.ArrayList<>(Files.readAllLines(expertise));
        String[] cells = lines.get(2).split(",", -1);
        cells[2] = "1.5";
        lines.set(2, String.join(",", cells));
        Files.write(expertise, lines);
        // When it is imported
        Cli result = Cli.run("import", bad.toString(), "--config", config);
        // Then the tool names the place, exits 1 and writes nothing at all, not even the valid files
        assertEquals(1, result.code());
        assertTrue(result.err().contains("expertise.csv:3: level: must be in 0..1, was 1.5"), result.err());
        assertTrue(counts().values().stream().allMatch(n -> n == 0), counts().toString());
    }

    @Test
    void shouldReportReferencesToIdsThatExistNowhere(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("topics.csv"), "id,name\nk8s,Kubernetes\n");
        Files.writeString(dir.resolve("expertise.csv"), "employeeId,topicId,level\nghost,k8s,0.5\n");
        Cli result = Cli.run("import", dir.toString(), "--config", config);
        assertEquals(1, result.code());
        assertTrue(result.err().contains("expertise.csv:2: employeeId: unknown employee id 'ghost'"), result.err());
        assertEquals(0L, counts().get("Topic"));
    }

    @Test
    void shouldValidateWithoutWritingOnADryRun() {
        Cli result = Cli.run("import", files.toString(), "--config", config, "--dry-run");
        assertEquals(0, result.code(), result.err());
        assertEquals(0L, counts().get("Employee"));
    }

    @Test
    void shouldExitWithUsageErrorsOnBadOptions() {
        assertEquals(2, Cli.run("import").code());
        assertEquals(2, Cli.run("import", files.toString(), "--batch-size", "many").code());
        assertEquals(2, Cli.run("frobnicate").code());
    }

    @Test
    void shouldRefuseAPersonWhoIsBothEmployeeAndCustomer(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("employees.csv"), "id,name\np1,Ada\n");
        Files.writeString(dir.resolve("customers.csv"), "id,name\np1,Ada Again\n");
        Cli result = Cli.run("import", dir.toString(), "--config", config);
        assertEquals(1, result.code());
        assertTrue(result.err().contains("customers.csv:2: id: 'p1' is already the id of an employee"), result.err());
        assertEquals(0L, counts().get("Employee"));
    }

    @Test
    void shouldImportAStackExchangeDumpAndExportItForGephiThroughTheCommandLine(@TempDir Path out) throws Exception {
        Path dump = Path.of(System.getProperty("advocates.data", "../../shared/data"), "stackexchange", "matheducators");
        Cli imported = Cli.run("import", "stackexchange", dump.toString(), "--until", "2014-04-01", "--config", config);
        assertEquals(0, imported.code(), imported.err());
        Map<String, Long> counts = counts();
        assertEquals(242L, counts.get("Conversation"), counts.toString());
        assertEquals(157L, counts.get("Employee"), counts.toString());

        Cli gexf = Cli.run("export", "--format", "gexf", "--out", out.resolve("g.gexf").toString(), "--config", config);
        assertEquals(0, gexf.code(), gexf.err());
        String xml = Files.readString(out.resolve("g.gexf"));
        assertTrue(xml.contains("<gexf") && xml.contains("defaultedgetype=\"directed\""), xml.substring(0, 300));
        assertEquals(2, Cli.run("export", "--format", "pdf", "--out", out.toString(), "--config", config).code());
    }
}
