package org.advocategraph.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.neo4j.Neo4jSettings;

/**
 * The bad-input matrix, through the real command line: every kind of broken file is rejected with exit code 1
 * (2 for usage errors), a message naming the file, the line and the column where there is one, and nothing
 * written. Runs against the in-memory TinkerGraph store, except one case that proves on a real embedded Neo4j
 * that a rejected import leaves the database untouched.
 *
 * <p>Where a case makes sense for both encodings it runs for CSV and for JSON Lines ({@code enc} is the file
 * ending). JSON Lines files have no header, so their line numbers are one less than in the CSV twin.
 */
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTHING_WRITTEN = "nothing was written";

    @TempDir
    Path dir;

    private Cli importDir(String... more) {
        List<String> args = new ArrayList<>(List.of("import", dir.toString(), "--store-uri", "tinkergraph:memory"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /**
     * Writes one file in the given encoding from CSV-like rows: for JSON Lines each row becomes an object whose
     * values are typed as a person would write them (numbers and booleans bare, empty fields left out).
     */
    private Path table(String base, String enc, String header, String... rows) throws IOException {
        Path p = dir.resolve(base + "." + enc);
        Files.write(p, text(enc, header, rows).getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static String text(String enc, String header, String... rows) {
        var sb = new StringBuilder();
        if (enc.equals("csv")) {
            sb.append(header).append('\n');
            for (String r : rows) {
                sb.append(r).append('\n');
            }
            return sb.toString();
        }
        String[] columns = header.split(",", -1);
        for (String r : rows) {
            String[] values = r.split(",", -1);
            ObjectNode o = JSON.createObjectNode();
            for (int i = 0; i < columns.length; i++) {
                String v = values[i];
                if (v.isEmpty()) {
                    continue;
                } else if (v.equals("true") || v.equals("false")) {
                    o.put(columns[i], Boolean.parseBoolean(v));
                } else if (v.matches("-?[0-9]+")) {
                    o.put(columns[i], Long.parseLong(v));
                } else if (v.matches("-?[0-9]*\\.[0-9]+")) {
                    o.put(columns[i], Double.parseDouble(v));
                } else {
                    o.put(columns[i], v);
                }
            }
            sb.append(o).append('\n');
        }
        return sb.toString();
    }

    /** The line a CSV row {@code n} (1-based, after the header) is on in the given encoding. */
    private static int line(String enc, int row) {
        return enc.equals("csv") ? row + 1 : row;
    }

    private static void assertRejected(Cli result, String... expected) {
        assertEquals(AdvocatesCli.FAILED, result.code(), result.err());
        for (String e : expected) {
            assertTrue(result.err().contains(e), "expected '" + e + "' in:\n" + result.err());
        }
        assertTrue(result.err().contains(NOTHING_WRITTEN), result.err());
    }

    private static void assertRejectedMatching(Cli result, String regex) {
        assertEquals(AdvocatesCli.FAILED, result.code(), result.err());
        assertTrue(Pattern.compile(regex, Pattern.MULTILINE).matcher(result.err()).find(),
                "expected /" + regex + "/ in:\n" + result.err());
        assertTrue(result.err().contains(NOTHING_WRITTEN), result.err());
    }

    // ------------------------------------------------------------------ structure of the file

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectTruncatedGzipDataNamingTheFile(String enc) throws IOException {
        // Given a valid gzipped file whose last bytes were cut off
        String[] rows = new String[300];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "e" + i + ",Person " + i;
        }
        var zipped = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(zipped)) {
            gz.write(text(enc, "id,name", rows).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = zipped.toByteArray();
        Files.write(dir.resolve("employees." + enc + ".gz"), Arrays.copyOf(whole, whole.length - 10));

        // When
        Cli result = importDir();

        // Then
        assertRejectedMatching(result, "^employees\\." + enc + "\\.gz:\\d+: the gzip data is truncated or corrupt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectAnUnknownColumnNamingIt(String enc) throws IOException {
        // Given
        table("employees", enc, "id,name,colour", "e1,Ada,red");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees." + enc + ":1: colour: unknown "
                + (enc.equals("csv") ? "column; employees.csv has columns id,name," : "key; employees records have keys id,name,"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectAMissingRequiredColumnNamingIt(String enc) throws IOException {
        // Given
        table("employees", enc, "id,title", "e1,Engineer");

        // When
        Cli result = importDir();

        // Then: CSV finds it in the header; JSON Lines, which has none, in the first record
        assertRejected(result, enc.equals("csv")
                ? "employees.csv:1: name: required column is missing; the header must name id,name"
                : "employees.jsonl:1: name: is required");
    }

    @Test
    void shouldRejectASemicolonSeparatedCsvSayingTheSeparatorMustBeAComma() throws IOException {
        // Given
        Files.writeString(dir.resolve("employees.csv"), "id;name\ne1;Ada\n");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees.csv:1: id;name: unknown column;", "(the separator must be a comma)");
    }

    @Test
    void shouldRejectATabSeparatedCsvNamingTheHeader() throws IOException {
        // Given
        Files.writeString(dir.resolve("employees.csv"), "id\tname\ne1\tAda\n");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees.csv:1: id\tname: unknown column;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectBytesThatAreNotUtf8NamingTheFile(String enc) throws IOException {
        // Given 0xFF 0xFE inside a name on line 5
        int badRow = enc.equals("csv") ? 4 : 5; // the row on line 5: CSV has a header line first
        String[] rows = new String[6];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "e" + i + "," + (i + 1 == badRow ? "Ba@d" : "Person " + i);
        }
        byte[] utf8 = text(enc, "id,name", rows).getBytes(StandardCharsets.UTF_8);
        var bytes = new ByteArrayOutputStream();
        for (byte b : utf8) {
            if (b == '@') {
                bytes.write(0xFF);
                bytes.write(0xFE);
            } else {
                bytes.write(b);
            }
        }
        Files.write(dir.resolve("employees." + enc), bytes.toByteArray());

        // When
        Cli result = importDir();

        // Then both encodings name the file and the line of the bad bytes
        if (enc.equals("jsonl")) {
            assertRejected(result, "employees.jsonl:5: not valid UTF-8 text (byte 0xFF at byte");
        } else {
            assertRejected(result, "employees.csv:5: not valid UTF-8 text (byte 0xFF is not UTF-8)");
        }
    }

    @Test
    void shouldRejectAnEmptyCsvFileAsItHasNoHeader() throws IOException {
        // Given
        Files.write(dir.resolve("employees.csv"), new byte[0]);

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees.csv:1: the file is empty; it needs at least a header row: id,name");
    }

    @Test
    void shouldAcceptAnEmptyJsonLinesFileAsZeroRecords() throws IOException {
        // Given: JSON Lines has no header, so no line at all is a valid file of no records
        Files.write(dir.resolve("employees.jsonl"), new byte[0]);

        // When
        Cli result = importDir();

        // Then
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Read 0 rows"), result.out());
    }

    @Test
    void shouldAcceptACsvFileWithOnlyAHeaderAsZeroRows() throws IOException {
        // Given
        Files.writeString(dir.resolve("employees.csv"), "id,name\n");

        // When
        Cli result = importDir();

        // Then
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Read 0 rows"), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectA10MegabyteLineWithoutALineBreak(String enc) throws IOException {
        // Given a 10 MB first line: a forgotten line break (CSV after the header, JSON Lines a huge string)
        Path p = dir.resolve("employees." + enc);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write((enc.equals("csv") ? "id,name\ne1," : "{\"id\":\"e1\",\"name\":\"").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
        }

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees." + enc + ":" + line(enc, 1) + ": record is longer than 1048576 characters");
    }

    @Test
    void shouldRejectTheSameFileGivenInTwoEncodings() throws IOException {
        // Given
        table("employees", "csv", "id,name", "e1,Ada");
        table("employees", "jsonl", "id,name", "e2,Bo");

        // When
        Cli result = importDir();

        // Then
        assertEquals(AdvocatesCli.FAILED, result.code(), result.err());
        assertTrue(result.err().contains("more than one file holds employees: [employees.csv, employees.jsonl]"),
                result.err());
    }

    @Test
    void shouldReportEveryBadJsonLineAndNotOnlyTheFirst() throws IOException {
        // Given
        Files.writeString(dir.resolve("employees.jsonl"), "{\"id\":\"e1\",\"name\":\"Ada\"}\n{\"id\":\"e2\",\"name\":\n"
                + "[\"e3\",\"Cy\"]\n{\"id\":\"e4\",\"name\":{\"first\":\"Di\"}}\n{\"id\":\"e5\",\"name\":\"Ed\"}\n");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees.jsonl:2: not valid JSON: ",
                "employees.jsonl:3: expected a JSON object {...}, found an array",
                "employees.jsonl:4: name: expected a string, found an object",
                "3 problem(s) found (3 of 5 rows rejected)");
    }

    // ------------------------------------------------------------------ values

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectABadValueOfEveryTypeNamingFileLineAndColumn(String enc) throws IOException {
        // Given one wrong value per type: decimal out of range (twice), whole number, enum, date-time
        table("topics", enc, "id,name", "t1,Kubernetes");
        table("programs", enc, "id,name,purpose", "p1,Voices,fun");
        table("employees", enc, "id,name,capacity", "e1,Ada,3", "e2,Bo,five");
        table("conversations", enc, "id,channel,createdAt,sentiment", "v1,forum,2025-03-01T10:15:30Z,-2",
                "v2,forum,yesterday,0.5");
        table("expertise", enc, "employeeId,topicId,level", "e1,t1,1.5");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result,
                "programs." + enc + ":" + line(enc, 1) + ": purpose: 'fun' is not one of marketing, sales, care,",
                "employees." + enc + ":" + line(enc, 2) + ": capacity: 'five' is not a whole number",
                "conversations." + enc + ":" + line(enc, 1) + ": sentiment: must be in -1..1, was -2.0",
                "conversations." + enc + ":" + line(enc, 2) + ": createdAt: 'yesterday' is not an ISO 8601 date-time",
                "expertise." + enc + ":" + line(enc, 1) + ": level: must be in 0..1, was 1.5",
                "5 problem(s) found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectADuplicateIdWithinAFile(String enc) throws IOException {
        // Given
        table("employees", enc, "id,name", "e1,Ada", "e2,Bo", "e1,Ada Again");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "employees." + enc + ":" + line(enc, 3) + ": id: duplicate id 'e1' (first on line "
                + line(enc, 1) + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldRejectARelationshipToAnIdThatExistsNowhere(String enc) throws IOException {
        // Given
        table("employees", enc, "id,name", "e1,Ada");
        table("ties", enc, "fromId,toId,kind", "e1,ghost,knows");

        // When
        Cli result = importDir();

        // Then
        assertRejected(result, "ties." + enc + ":" + line(enc, 1)
                + ": toId: unknown person id 'ghost' (in neither the files nor the store)");
    }

    // ------------------------------------------------------------------ options

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldStopAfterMaxErrorsProblems(String enc) throws IOException {
        // Given ten bad rows
        String[] rows = new String[10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = "e" + i + ",Person " + i + ",many";
        }
        table("employees", enc, "id,name,capacity", rows);

        // When
        Cli result = importDir("--max-errors", "3");

        // Then exactly three are reported, the first three
        assertRejected(result, "3 problem(s) found");
        List<String> reported = result.err().lines().filter(l -> l.contains(": capacity: ")).toList();
        assertEquals(List.of(line(enc, 1), line(enc, 2), line(enc, 3)), reported.stream()
                .map(l -> Integer.parseInt(l.split(":")[1])).toList(), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "jsonl"})
    void shouldValidateWithoutWritingOnADryRun(String enc) throws IOException {
        // Given valid files
        table("topics", enc, "id,name", "t1,Kubernetes");
        table("employees", enc, "id,name,languages", "e1,Ada,en", "e2,Bo,de");
        table("expertise", enc, "employeeId,topicId,level", "e1,t1,0.9");

        // When
        Cli result = importDir("--dry-run");

        // Then
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("Checked 4 rows"), result.out());
        assertTrue(result.out().contains("all valid (dry run: nothing written)"), result.out());
    }

    @Test
    void shouldExitWithUsageErrorsOnBadOptions() throws IOException {
        table("employees", "csv", "id,name", "e1,Ada");
        assertEquals(AdvocatesCli.USAGE, importDir("--max-errors", "three").code());
        assertEquals(AdvocatesCli.USAGE, importDir("--no-such-option").code());
    }

    @Test
    void shouldRejectAFolderThatDoesNotExist() {
        Cli result = Cli.run("import", dir.resolve("missing").toString(), "--store-uri", "tinkergraph:memory");
        assertEquals(AdvocatesCli.FAILED, result.code());
        assertTrue(result.err().contains("missing: not a folder"), result.err());
    }

    // ------------------------------------------------------------------ a real database

    @Test
    void shouldLeaveARealNeo4jUntouchedWhenOneRowOfAJsonLinesFileIsBad(@TempDir Path home) throws IOException {
        // Given valid nodes and an expertise file whose second record is out of range
        table("topics", "csv", "id,name", "t1,Kubernetes", "t2,Billing");
        table("employees", "jsonl", "id,name,languages", "e1,Ada,en", "e2,Bo,de", "e3,Cy,en");
        table("expertise", "jsonl", "employeeId,topicId,level", "e1,t1,0.9", "e2,t1,1.5", "e3,t2,0.4");
        try (EmbeddedNeo4j database = EmbeddedNeo4j.start(home.resolve("db"), 0)) {
            Neo4jSettings settings = database.settings();
            Path config = home.resolve("test.properties");
            Files.writeString(config, "store.uri=" + settings.uri() + "\nstore.user=" + settings.user()
                    + "\nstore.password=" + settings.password() + "\n");

            // When
            Cli result = Cli.run("import", dir.toString(), "--config", config.toString());

            // Then nothing at all is written, not even the valid files
            assertRejected(result, "expertise.jsonl:2: level: must be in 0..1, was 1.5");
            try (Neo4jGraphStore store = Neo4jGraphStore.connect(settings)) {
                Map<String, Long> counts = store.counts();
                assertTrue(counts.values().stream().allMatch(n -> n == 0), counts.toString());
            }

            // And once the row is fixed, the same folder loads
            table("expertise", "jsonl", "employeeId,topicId,level", "e1,t1,0.9", "e2,t1,1.0", "e3,t2,0.4");
            Cli fixed = Cli.run("import", dir.toString(), "--config", config.toString());
            assertEquals(0, fixed.code(), fixed.err());
            try (Neo4jGraphStore store = Neo4jGraphStore.connect(settings)) {
                assertEquals(3L, store.counts().get("Employee"));
                assertEquals(3L, store.counts().get("EXPERT_IN"));
            }
        }
    }
}
