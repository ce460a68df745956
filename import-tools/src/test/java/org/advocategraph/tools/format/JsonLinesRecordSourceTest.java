package org.advocategraph.tools.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;

class JsonLinesRecordSourceTest {
    private static final Instant T = Instant.parse("2025-11-02T09:30:15Z");

    @TempDir
    Path dir;

    /** What one read of a file gave: the records and the problems, in order. */
    private record Read(List<RecordSource.Entry> entries, List<FormatException> errors, boolean broken) {
        List<GraphElement> elements() {
            return entries.stream().map(RecordSource.Entry::element).toList();
        }

        List<String> messages() {
            return errors.stream().map(FormatException::getMessage).toList();
        }
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    /** Reads the whole file the way the importer does: after a bad row, go on unless the file is broken. */
    private static Read read(ImportFile type, Path path) throws IOException {
        List<RecordSource.Entry> entries = new ArrayList<>();
        List<FormatException> errors = new ArrayList<>();
        try (RecordSource source = RecordSources.open(type, path)) {
            while (true) {
                try {
                    RecordSource.Entry e = source.next();
                    if (e == null) {
                        return new Read(entries, errors, source.broken());
                    }
                    entries.add(e);
                } catch (FormatException e) {
                    errors.add(e);
                }
            }
        }
    }

    /** One JSON line of every file type, with the record it must give: awkward but valid values. */
    private static Map<ImportFile, Map.Entry<String, GraphElement>> samples() {
        Map<ImportFile, Map.Entry<String, GraphElement>> m = new EnumMap<>(ImportFile.class);
        m.put(ImportFile.ACCOUNTS, Map.entry("{\"id\":\"a000001\",\"name\":\"Acme, Inc.\",\"industry\":\"retail\"}",
                new Account("a000001", "Acme, Inc.", "retail")));
        m.put(ImportFile.TOPICS, Map.entry("{\"id\":\"ci-cd\",\"name\":\"CI/CD \\\"pipelines\\\"\"}",
                new Topic("ci-cd", "CI/CD \"pipelines\"")));
        m.put(ImportFile.PROGRAMS, Map.entry("{\"id\":\"p001\",\"name\":\"Care Voices\",\"purpose\":\"care\"}",
                new Program("p001", "Care Voices", Purpose.CARE)));
        m.put(ImportFile.EMPLOYEES, Map.entry("{\"id\":\"e000002\",\"name\":\"Zoë O'Brien\",\"title\":\"Senior Support"
                        + " Engineer\",\"department\":\"support\",\"region\":\"emea\",\"languages\":[\"en\",\"de\"],"
                        + "\"certifications\":[\"social-care\",\"crisis-comms\"],\"purposes\":[\"care\",\"crisis\"],"
                        + "\"capacity\":4,\"active\":true,\"optedIn\":false,\"managerId\":\"e000001\"}",
                new Employee("e000002", "Zoë O'Brien", "Senior Support Engineer", "support", "emea", List.of("en", "de"),
                        Set.of("social-care", "crisis-comms"), EnumSet.of(Purpose.CARE, Purpose.CRISIS), 4, true, false,
                        "e000001")));
        m.put(ImportFile.CUSTOMERS, Map.entry("{\"id\":\"c000001\",\"name\":\"佐藤 花子\",\"accountId\":\"a000001\","
                        + "\"segment\":\"enterprise\",\"region\":\"apac\",\"languages\":[\"ja\",\"en\"],"
                        + "\"handles\":[\"@hanako\",\"@sato_h\"],\"followers\":12345}",
                new Customer("c000001", "佐藤 花子", "a000001", "enterprise", "apac", List.of("ja", "en"),
                        List.of("@hanako", "@sato_h"), 12_345)));
        m.put(ImportFile.CONVERSATIONS, Map.entry("{\"id\":\"v000001\",\"channel\":\"forum\",\"createdAt\":"
                        + "\"2025-11-02T09:30:15Z\",\"url\":\"https://forum.example.com/t/v000001\",\"text\":\"Line one,"
                        + " with comma\\nline \\\"two\\\"\",\"language\":\"ja\",\"sentiment\":-0.625,\"status\":\"assigned\","
                        + "\"purpose\":\"product\",\"authorReach\":987654321,\"authorId\":\"c000001\"}",
                new Conversation("v000001", "forum", "https://forum.example.com/t/v000001", "Line one, with comma\nline \"two\"",
                        "ja", -0.625, T, ConversationStatus.ASSIGNED, Purpose.PRODUCT, 987_654_321L, "c000001")));
        m.put(ImportFile.EXPERTISE, Map.entry("{\"employeeId\":\"e000002\",\"topicId\":\"ci-cd\",\"level\":0.875,"
                        + "\"source\":\"answers\"}",
                new Expertise("e000002", "ci-cd", 0.875, "answers")));
        m.put(ImportFile.INTERESTS, Map.entry("{\"customerId\":\"c000001\",\"topicId\":\"ci-cd\",\"weight\":0.3}",
                new Interest("c000001", "ci-cd", 0.3)));
        m.put(ImportFile.SUBTOPICS, Map.entry("{\"childId\":\"ci-cd\",\"parentId\":\"devops\"}",
                new SubtopicOf("ci-cd", "devops")));
        m.put(ImportFile.TIES, Map.entry("{\"fromId\":\"c000001\",\"toId\":\"e000002\",\"kind\":\"follows\","
                        + "\"strength\":0.05,\"since\":\"2025-11-02T09:30:15Z\"}",
                new Tie("c000001", "e000002", TieKind.FOLLOWS, 0.05, T)));
        m.put(ImportFile.PARTICIPATIONS, Map.entry("{\"personId\":\"e000002\",\"conversationId\":\"v000001\"}",
                new Participation("e000002", "v000001")));
        m.put(ImportFile.ABOUT, Map.entry("{\"conversationId\":\"v000001\",\"topicId\":\"ci-cd\",\"weight\":1}",
                new About("v000001", "ci-cd", 1)));
        m.put(ImportFile.ACCOUNT_OWNERS, Map.entry("{\"employeeId\":\"e000002\",\"accountId\":\"a000001\"}",
                new AccountOwnership("e000002", "a000001")));
        m.put(ImportFile.MEMBERSHIPS, Map.entry("{\"employeeId\":\"e000002\",\"programId\":\"p001\",\"since\":null}",
                new Membership("e000002", "p001", null)));
        m.put(ImportFile.ASSIGNMENTS, Map.entry("{\"id\":\"s000001\",\"employeeId\":\"e000002\",\"conversationId\":"
                        + "\"v000001\",\"assignedAt\":\"2025-11-02T09:30:15Z\",\"status\":\"resolved\",\"respondedAt\":"
                        + "\"2025-11-02T11:00:15Z\",\"outcome\":\"resolved\",\"sentimentAfter\":0.25,"
                        + "\"decidedAt\":\"2025-11-02T09:31:15Z\",\"resolvedAt\":\"2025-11-02T12:30:15Z\"}",
                new Assignment("s000001", "e000002", "v000001", T, AssignmentStatus.RESOLVED, T.plusSeconds(5_400),
                        "resolved", 0.25, T.plusSeconds(60), T.plusSeconds(10_800))));
        return m;
    }

    @Test
    void shouldReadEveryFileTypeFromAJsonLineAsTheSameRecordAsFromCsv() throws IOException {
        // Given
        var samples = samples();
        assertEquals(EnumSet.allOf(ImportFile.class), samples.keySet(), "a sample for every file type");

        for (var s : samples.entrySet()) {
            ImportFile type = s.getKey();
            GraphElement expected = s.getValue().getValue();
            Path jsonl = write(type.baseName() + ".jsonl", s.getValue().getKey() + "\n");
            var csvText = new java.io.StringWriter();
            try (var writer = new CsvWriter(csvText)) {
                writer.write(type.columns());
                writer.write(type.format(expected));
            }
            Path csv = write(type.baseName() + ".csv", csvText.toString());

            // When
            Read fromJson = read(type, jsonl);
            Read fromCsv = read(type, csv);

            // Then
            assertEquals(List.of(), fromJson.messages(), type.baseName());
            assertEquals(List.of(expected), fromJson.elements(), type.baseName());
            assertEquals(1, fromJson.entries().get(0).line());
            assertEquals(fromCsv.elements(), fromJson.elements(), type.baseName());
        }
    }

    @Test
    void shouldAcceptSemicolonListsNumericStringsAndStringBooleansAsInCsv() throws IOException {
        // Given
        Path p = write("employees.jsonl", "{\"id\":\"e1\",\"name\":\"Ada\",\"languages\":\"en;de\","
                + "\"purposes\":\"care\",\"capacity\":\"3\",\"active\":\"false\"}\n");

        // When
        Read r = read(ImportFile.EMPLOYEES, p);

        // Then
        assertEquals(List.of(new Employee("e1", "Ada", "", "", "", List.of("en", "de"), Set.of(), Set.of(Purpose.CARE),
                3, false, true, null)), r.elements());
    }

    @Test
    void shouldTreatNullAndMissingKeysAsNotGiven() throws IOException {
        // Given
        Path p = write("employees.jsonl", "{\"id\":\"e1\",\"name\":\"Ada\",\"capacity\":null,\"languages\":null,"
                + "\"managerId\":null}\n{\"name\":\"Bo\",\"id\":\"e2\"}\n");

        // When
        Read r = read(ImportFile.EMPLOYEES, p);

        // Then: the defaults apply, as for empty CSV fields
        assertEquals(List.of(
                new Employee("e1", "Ada", "", "", "", List.of(), Set.of(), Set.of(), 5, true, true, null),
                new Employee("e2", "Bo", "", "", "", List.of(), Set.of(), Set.of(), 5, true, true, null)), r.elements());
    }

    @Test
    void shouldSkipBlankLinesAndCountPhysicalLinesWithCrlfAndAByteOrderMark() throws IOException {
        // Given
        Path p = write("topics.jsonl", "\uFEFF{\"id\":\"a\",\"name\":\"A\"}\r\n\r\n   \n{\"id\":\"b\",\"name\":\"B\"}");

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then
        assertEquals(List.of(), r.messages());
        assertEquals(List.of(1L, 4L), r.entries().stream().map(RecordSource.Entry::line).toList());
        assertEquals(List.of(new Topic("a", "A"), new Topic("b", "B")), r.elements());
    }

    @Test
    void shouldReadNothingFromAnEmptyFile() throws IOException {
        // Given
        Path p = write("topics.jsonl", new byte[0]);

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then
        assertEquals(List.of(), r.entries());
        assertEquals(List.of(), r.errors());
    }

    @Test
    void shouldRejectAnUnknownKeyNamingItAndGoOnWithTheNextLine() throws IOException {
        // Given
        Path p = write("expertise.jsonl", "{\"employeeId\":\"e1\",\"topicId\":\"t1\",\"level\":0.5,\"colour\":\"red\"}\n"
                + "{\"employeeId\":\"e2\",\"topicId\":\"t1\",\"level\":0.5}\n");

        // When
        Read r = read(ImportFile.EXPERTISE, p);

        // Then
        assertEquals(List.of("expertise.jsonl:1: colour: unknown key; expertise records have keys "
                + "employeeId,topicId,level,source"), r.messages());
        assertEquals("colour", r.errors().get(0).column());
        assertEquals(List.of(new Expertise("e2", "t1", 0.5, "")), r.elements());
    }

    @Test
    void shouldRejectALineThatIsNotAnObject() throws IOException {
        // Given
        Path p = write("topics.jsonl", "[\"a\",\"A\"]\n\"a\"\n42\nnull\n{\"id\":\"b\",\"name\":\"B\"}\n");

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then
        assertEquals(List.of(
                "topics.jsonl:1: expected a JSON object {...}, found an array",
                "topics.jsonl:2: expected a JSON object {...}, found a string",
                "topics.jsonl:3: expected a JSON object {...}, found a number",
                "topics.jsonl:4: expected a JSON object {...}, found null"), r.messages());
        assertEquals(List.of(new Topic("b", "B")), r.elements());
        assertTrue(!r.broken());
    }

    @Test
    void shouldRejectMalformedJsonTrailingTextAndRepeatedKeysLineByLine() throws IOException {
        // Given
        Path p = write("topics.jsonl", String.join("\n",
                "{\"id\":\"a\",\"name\":\"A\"",
                "{\"id\":\"b\",\"name\":\"B\"} {\"id\":\"c\"}",
                "{\"id\":\"d\",\"id\":\"e\",\"name\":\"D\"}",
                "{id:\"f\",\"name\":\"F\"}",
                "{\"id\":\"g\",\"name\":\"G\"}"));

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then: each bad line is reported with its number and the good one is still read
        assertEquals(List.of(1L, 2L, 3L, 4L), r.errors().stream().map(FormatException::line).toList());
        for (String m : r.messages()) {
            assertTrue(m.contains(": not valid JSON: "), m);
            assertTrue(!m.contains("[Source:"), "no Jackson location block: " + m);
        }
        assertTrue(r.messages().get(1).contains("text after the end of the value (at character 23)"), r.messages().get(1));
        assertTrue(r.messages().get(2).contains("Duplicate field 'id'"), r.messages().get(2));
        assertEquals(List.of(new Topic("g", "G")), r.elements());
    }

    @Test
    void shouldRejectValuesOfTheWrongJsonTypeNamingTheColumn() throws IOException {
        // Given
        Path p = write("employees.jsonl", String.join("\n",
                "{\"id\":\"e1\",\"name\":{\"first\":\"Ada\"}}",
                "{\"id\":\"e2\",\"name\":\"Bo\",\"capacity\":true}",
                "{\"id\":\"e3\",\"name\":\"Cy\",\"active\":1}",
                "{\"id\":\"e4\",\"name\":\"Di\",\"languages\":[\"en\",7]}",
                "{\"id\":\"e5\",\"name\":\"Ed\",\"languages\":[\"en;de\"]}",
                "{\"id\":\"e6\",\"name\":\"Flo\",\"certifications\":{\"a\":1}}",
                "{\"id\":42,\"name\":\"Gus\"}",
                "{\"id\":\"e8\",\"name\":\"Hal\"}"));

        // When
        Read r = read(ImportFile.EMPLOYEES, p);

        // Then
        assertEquals(List.of(
                "employees.jsonl:1: name: expected a string, found an object",
                "employees.jsonl:2: capacity: expected a number, found a boolean (true)",
                "employees.jsonl:3: active: expected true or false, found a number (1)",
                "employees.jsonl:4: languages: expected an array of strings, found an array holding a number (7)",
                "employees.jsonl:5: languages: list entry 'en;de' contains ';', which separates list entries in import"
                        + " files; it cannot be part of one",
                "employees.jsonl:6: certifications: expected an array of strings such as [\"en\",\"de\"], found an object",
                "employees.jsonl:7: id: expected a string, found a number (42)"), r.messages());
        assertEquals(1, r.elements().size());
    }

    @Test
    void shouldRejectADateTimeGivenAsANumber() throws IOException {
        // Given
        Path p = write("memberships.jsonl", "{\"employeeId\":\"e1\",\"programId\":\"p1\",\"since\":1700000000}\n");

        // When
        Read r = read(ImportFile.MEMBERSHIPS, p);

        // Then
        assertEquals(List.of("memberships.jsonl:1: since: expected an ISO 8601 date-time string such as "
                + "\"2025-03-01T10:15:30Z\", found a number (1700000000)"), r.messages());
    }

    @Test
    void shouldReportBadValuesExactlyAsTheCsvPathDoes() throws IOException {
        // Given
        Path expertise = write("expertise.jsonl", "{\"employeeId\":\"e1\",\"topicId\":\"t1\",\"level\":1.5}\n");
        Path conversations = write("conversations.jsonl", String.join("\n",
                "{\"id\":\"v1\",\"channel\":\"forum\",\"createdAt\":\"2025-03-01T10:15:30Z\",\"sentiment\":-2}",
                "{\"id\":\"v2\",\"channel\":\"forum\",\"createdAt\":\"yesterday\"}",
                "{\"id\":\"v3\",\"channel\":\"forum\",\"createdAt\":\"2025-03-01T10:15:30Z\",\"purpose\":\"fun\"}"));
        Path employees = write("employees.jsonl", "{\"id\":\"e1\",\"name\":\"Ada\",\"capacity\":\"five\"}\n"
                + "{\"id\":\"e2\",\"name\":\"Bo\",\"capacity\":1.5}\n{\"id\":\"e3\"}\n");

        // When
        List<String> messages = new ArrayList<>(read(ImportFile.EXPERTISE, expertise).messages());
        messages.addAll(read(ImportFile.CONVERSATIONS, conversations).messages());
        messages.addAll(read(ImportFile.EMPLOYEES, employees).messages());

        // Then
        assertEquals(List.of(
                "expertise.jsonl:1: level: must be in 0..1, was 1.5",
                "conversations.jsonl:1: sentiment: must be in -1..1, was -2.0",
                "conversations.jsonl:2: createdAt: 'yesterday' is not an ISO 8601 date-time such as 2025-03-01T10:15:30Z",
                "conversations.jsonl:3: purpose: 'fun' is not one of marketing, sales, care, product, crisis, recruiting",
                "employees.jsonl:1: capacity: 'five' is not a whole number",
                "employees.jsonl:2: capacity: '1.5' is not a whole number",
                "employees.jsonl:3: name: is required"), messages);
    }

    @Test
    void shouldNameTheLineOfBytesThatAreNotUtf8AndGoOn() throws IOException {
        // Given: 0xFF 0xFE inside a name on line 5
        var bytes = new ByteArrayOutputStream();
        for (int i = 1; i <= 4; i++) {
            bytes.writeBytes(("{\"id\":\"t" + i + "\",\"name\":\"T" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("{\"id\":\"t5\",\"name\":\"Ba".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.writeBytes("d\"}\n{\"id\":\"t6\",\"name\":\"T6\"}\n".getBytes(StandardCharsets.UTF_8));
        Path p = write("topics.jsonl", bytes.toByteArray());

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then
        assertEquals(List.of("topics.jsonl:5: not valid UTF-8 text (byte 0xFF at byte 22 of the line); import files"
                + " must be UTF-8"), r.messages());
        assertEquals(5, r.elements().size());
    }

    @Test
    void shouldRejectALineLongerThanTheBoundWithoutReadingItWholeAndGoOn() throws IOException {
        // Given: 10 MB without a line break, then a good line
        Path p = dir.resolve("topics.jsonl");
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write("{\"id\":\"a\",\"name\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"id\":\"b\",\"name\":\"B\"}\n".getBytes(StandardCharsets.US_ASCII));
        }

        // When
        Read r = read(ImportFile.TOPICS, p);

        // Then
        assertEquals(List.of("topics.jsonl:1: record is longer than " + CsvReader.MAX_RECORD_CHARS
                + " characters (a missing line break?)"), r.messages());
        assertEquals(List.of(new RecordSource.Entry(2, new Topic("b", "B"))), r.entries());
    }

    @Test
    void shouldReadGzippedFilesAndStopAtTruncatedGzipData() throws IOException {
        // Given
        var text = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            text.append("{\"id\":\"t").append(i).append("\",\"name\":\"Topic ").append(i).append("\"}\n");
        }
        var zipped = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(zipped)) {
            gz.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = zipped.toByteArray();
        Path good = write("topics.jsonl.gz", whole);
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        Path truncated = Files.write(cut.resolve("topics.jsonl.gz"), Arrays.copyOf(whole, whole.length - 20));

        // When
        Read ok = read(ImportFile.TOPICS, good);
        Read bad = read(ImportFile.TOPICS, truncated);

        // Then
        assertEquals(200, ok.elements().size());
        assertEquals(List.of(), ok.errors());
        assertEquals(1, bad.errors().size());
        assertTrue(bad.messages().get(0).startsWith("topics.jsonl.gz:"), bad.messages().get(0));
        assertTrue(bad.messages().get(0).contains("the gzip data is truncated or corrupt"), bad.messages().get(0));
        assertTrue(bad.broken());
    }

    @Test
    void shouldRejectAFileThatIsNotGzipButNamedSo() throws IOException {
        // Given
        Path p = write("topics.jsonl.gz", "{\"id\":\"a\",\"name\":\"A\"}\n");

        // When
        var e = assertThrows(FormatException.class, () -> RecordSources.open(ImportFile.TOPICS, p));

        // Then
        assertTrue(e.getMessage().startsWith("topics.jsonl.gz: not a gzip file"), e.getMessage());
    }

    @Test
    void shouldFindAJsonLinesFileAndRefuseTwoEncodingsOfOneType() throws IOException {
        // Given
        write("ties.jsonl", "");
        write("employees.csv", "id,name\n");
        write("employees.jsonl.gz", new byte[0]);

        // When / Then
        assertEquals(dir.resolve("ties.jsonl"), RecordSources.find(dir, ImportFile.TIES).orElseThrow());
        var e = assertThrows(FormatException.class, () -> RecordSources.find(dir, ImportFile.EMPLOYEES));
        assertTrue(e.getMessage().contains("more than one file holds employees: [employees.csv, employees.jsonl.gz]"),
                e.getMessage());
        try (RecordSource s = RecordSources.open(ImportFile.TIES, dir.resolve("ties.jsonl"))) {
            assertInstanceOf(JsonLinesRecordSource.class, s);
        }
    }
}
