package org.advocategraph.tools.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.junit.jupiter.api.Test;

class ImportFileTest {
    private static final Instant T = Instant.parse("2025-11-02T09:30:15Z");

    /** One record of every file type, with awkward but valid values. */
    private static Map<ImportFile, GraphElement> samples() {
        Map<ImportFile, GraphElement> m = new EnumMap<>(ImportFile.class);
        m.put(ImportFile.ACCOUNTS, new Account("a000001", "Acme, Inc.", "retail"));
        m.put(ImportFile.TOPICS, new Topic("ci-cd", "CI/CD \"pipelines\""));
        m.put(ImportFile.PROGRAMS, new Program("p001", "Care Voices", Purpose.CARE));
        m.put(ImportFile.EMPLOYEES, new Employee("e000002", "Zoë O'Brien", "Senior Support Engineer", "support", "emea",
                List.of("en", "de"), Set.of("social-care", "crisis-comms"), EnumSet.of(Purpose.CARE, Purpose.CRISIS),
                4, true, false, "e000001"));
        m.put(ImportFile.CUSTOMERS, new Customer("c000001", "佐藤 花子", "a000001", "enterprise", "apac",
                List.of("ja", "en"), List.of("@hanako", "@sato_h"), 12_345));
        m.put(ImportFile.CONVERSATIONS, new Conversation("v000001", "forum", "https://forum.example.com/t/v000001",
                "Line one, with comma\nline \"two\"", "ja", -0.625, T, ConversationStatus.ASSIGNED, Purpose.PRODUCT,
                987_654_321L, "c000001"));
        m.put(ImportFile.EXPERTISE, new Expertise("e000002", "ci-cd", 0.875, "answers"));
        m.put(ImportFile.INTERESTS, new Interest("c000001", "ci-cd", 0.3));
        m.put(ImportFile.SUBTOPICS, new SubtopicOf("ci-cd", "devops"));
        m.put(ImportFile.TIES, new Tie("c000001", "e000002", TieKind.FOLLOWS, 0.05, T));
        m.put(ImportFile.PARTICIPATIONS, new Participation("e000002", "v000001"));
        m.put(ImportFile.ABOUT, new About("v000001", "ci-cd", 1));
        m.put(ImportFile.ACCOUNT_OWNERS, new AccountOwnership("e000002", "a000001"));
        m.put(ImportFile.MEMBERSHIPS, new Membership("e000002", "p001", null));
        m.put(ImportFile.ASSIGNMENTS, new Assignment("s000001", "e000002", "v000001", T, AssignmentStatus.RESOLVED,
                T.plusSeconds(5_400), "resolved", 0.25, T.plusSeconds(60), T.plusSeconds(7_200)));
        return m;
    }

    @Test
    void shouldParseBackEveryRecordItFormats() {
        // Given
        Map<ImportFile, GraphElement> samples = samples();

        // When / Then
        assertEquals(EnumSet.allOf(ImportFile.class), samples.keySet(), "a sample for every file type");
        samples.forEach((file, record) -> {
            RowParser parser = file.header(file.fileName(), 1, file.columns());
            assertEquals(record, parser.parse(2, file.format(record)), file.fileName());
        });
    }

    @Test
    void shouldParseBackEveryRecordThroughCsvText() throws IOException {
        // Given
        Map<ImportFile, GraphElement> samples = samples();

        for (Map.Entry<ImportFile, GraphElement> s : samples.entrySet()) {
            ImportFile file = s.getKey();
            var text = new StringWriter();
            try (var writer = new CsvWriter(text)) {
                writer.write(file.columns());
                writer.write(file.format(s.getValue()));
            }

            // When
            GraphElement back;
            try (var reader = new CsvReader(new StringReader(text.toString()), file.fileName())) {
                CsvReader.Row header = reader.next();
                CsvReader.Row row = reader.next();
                back = file.header(file.fileName(), header.line(), header.fields()).parse(row.line(), row.fields());
            }

            // Then
            assertEquals(s.getValue(), back, file.fileName());
        }
    }

    @Test
    void shouldAcceptColumnsInAnyOrderWithOptionalOnesLeftOut() {
        // Given
        RowParser parser = ImportFile.EXPERTISE.header("expertise.csv", 1, List.of("level", "topicId", "employeeId"));

        // When
        GraphElement parsed = parser.parse(2, List.of("0.5", "sso", "e000001"));

        // Then
        assertEquals(new Expertise("e000001", "sso", 0.5, ""), parsed);
    }

    @Test
    void shouldRejectAnUnknownColumnNamingIt() {
        // Given
        List<String> header = List.of("employeeId", "topicId", "level", "colour");

        // When
        var e = assertThrows(FormatException.class, () -> ImportFile.EXPERTISE.header("expertise.csv", 1, header));

        // Then
        assertEquals("colour", e.column());
        assertTrue(e.getMessage().startsWith("expertise.csv:1: colour: unknown column; expertise.csv has columns "
                + "employeeId,topicId,level,source"), e.getMessage());
    }

    @Test
    void shouldRejectAMissingRequiredColumnNamingIt() {
        // Given
        List<String> header = List.of("employeeId", "topicId", "source");

        // When
        var e = assertThrows(FormatException.class, () -> ImportFile.EXPERTISE.header("expertise.csv", 1, header));

        // Then
        assertEquals("level", e.column());
        assertEquals("expertise.csv:1: level: required column is missing; the header must name employeeId,topicId,level",
                e.getMessage());
    }

    @Test
    void shouldRejectASemicolonSeparatedHeaderSayingTheSeparatorMustBeAComma() throws IOException {
        // Given
        CsvReader.Row header = new CsvReader(new StringReader("employeeId;topicId;level\n"), "expertise.csv").next();

        // When
        var e = assertThrows(FormatException.class,
                () -> ImportFile.EXPERTISE.header("expertise.csv", header.line(), header.fields()));

        // Then
        assertEquals("employeeId;topicId;level", e.column());
        assertTrue(e.getMessage().startsWith("expertise.csv:1: employeeId;topicId;level: unknown column"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(the separator must be a comma)"), e.getMessage());
    }

    @Test
    void shouldRejectARepeatedColumn() {
        // Given
        List<String> header = List.of("employeeId", "topicId", "level", "topicId");

        // When
        var e = assertThrows(FormatException.class, () -> ImportFile.EXPERTISE.header("expertise.csv", 1, header));

        // Then
        assertEquals("expertise.csv:1: topicId: column appears twice", e.getMessage());
    }

    @Test
    void shouldAcceptAByteOrderMarkBeforeTheFirstColumn() {
        // Given
        List<String> header = List.of("\uFEFFchildId", "parentId");

        // When
        RowParser parser = ImportFile.SUBTOPICS.header("subtopics.csv", 1, header);

        // Then
        assertEquals(new SubtopicOf("sso", "security"), parser.parse(2, List.of("sso", "security")));
    }

    @Test
    void shouldReportABadValueWithFileLineAndColumn() throws IOException {
        // Given
        String text = "employeeId,topicId,level,source\ne000001,sso,0.5,self\ne000002,sso,1.5,self\n";
        var reader = new CsvReader(new StringReader(text), "expertise.csv");
        CsvReader.Row header = reader.next();
        RowParser parser = ImportFile.EXPERTISE.header("expertise.csv", header.line(), header.fields());
        CsvReader.Row good = reader.next();
        CsvReader.Row bad = reader.next();
        parser.parse(good.line(), good.fields());

        // When
        var e = assertThrows(FormatException.class, () -> parser.parse(bad.line(), bad.fields()));

        // Then
        assertEquals("expertise.csv:3: level: must be in 0..1, was 1.5", e.getMessage());
        assertEquals("level", e.column());
        assertEquals(3, e.line());
    }

    @Test
    void shouldReportARowWithTheWrongNumberOfFields() {
        // Given
        RowParser parser = ImportFile.TOPICS.header("topics.csv", 1, List.of("id", "name"));

        // When
        var e = assertThrows(FormatException.class, () -> parser.parse(7, List.of("sso", "Single sign-on", "extra")));

        // Then
        assertEquals("topics.csv:7: expected 2 fields as in the header, found 3", e.getMessage());
    }

    @Test
    void shouldReportAnUnknownEnumValueListingTheAllowedOnes() {
        // Given
        RowParser parser = ImportFile.TIES.header("ties.csv", 1, ImportFile.TIES.columns());

        // When
        var e = assertThrows(FormatException.class,
                () -> parser.parse(4, List.of("c000001", "c000002", "likes", "0.5", "")));

        // Then
        assertEquals("ties.csv:4: kind: 'likes' is not one of colleague, follows, knows, interacted", e.getMessage());
    }

    @Test
    void shouldRefuseToFormatARecordOfAnotherType() {
        // Given
        GraphElement topic = new Topic("sso", "Single sign-on");

        // When
        var e = assertThrows(IllegalArgumentException.class, () -> ImportFile.TIES.format(topic));

        // Then
        assertEquals("ties.csv cannot hold Topic", e.getMessage());
    }
}
