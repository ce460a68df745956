package org.advocategraph.tools.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {

    @Test
    void shouldReadBackAwkwardFieldsExactlyAsWritten(@TempDir Path dir) throws IOException {
        // Given
        List<List<String>> records = List.of(
                List.of("plain", "with,comma", "with \"quotes\"", "\"", ""),
                List.of("line\nbreak", "crlf\r\ninside", " leading space", "trailing space ", "  "),
                List.of("Zoë 佐藤 花子", "emoji 😀 surrogate pair", "tab\tinside", ",", "\"\"")
        );
        Path file = dir.resolve("awkward.csv");

        // When
        try (var writer = new CsvWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            records.forEach(writer::write);
        }
        List<List<String>> read = new ArrayList<>();
        try (var reader = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), "awkward.csv")) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                read.add(row.fields());
            }
        }

        // Then
        assertEquals(records, read);
    }

    @Test
    void shouldWriteQuotesOnlyWhereNeeded() throws IOException {
        // Given
        var out = new StringWriter();

        // When
        try (var writer = new CsvWriter(out)) {
            writer.write(List.of("a", "b c", "d,e", "say \"hi\"", " pad"));
        }

        // Then
        assertEquals("a,b c,\"d,e\",\"say \"\"hi\"\"\",\" pad\"\n", out.toString());
    }

    @Test
    void shouldReportTheLineEachRecordStartsOnAcrossMultiLineFields() throws IOException {
        // Given
        String text = "id,text\n1,\"first\nsecond\nthird\"\n2,plain\r\n3,\"x\"\n";

        // When
        List<CsvReader.Row> rows = new ArrayList<>();
        try (var reader = new CsvReader(new StringReader(text), "t.csv")) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }

        // Then
        assertEquals(List.of(1L, 2L, 5L, 6L), rows.stream().map(CsvReader.Row::line).toList());
        assertEquals(List.of("1", "first\nsecond\nthird"), rows.get(1).fields());
        assertEquals(List.of("2", "plain"), rows.get(2).fields());
    }

    @Test
    void shouldReadALastRecordWithoutLineBreakAndNothingAfterATrailingOne() throws IOException {
        // Given
        var withBreak = new CsvReader(new StringReader("a,b\n"), "t.csv");
        var withoutBreak = new CsvReader(new StringReader("a,b"), "t.csv");

        // When / Then
        assertEquals(List.of("a", "b"), withBreak.next().fields());
        assertNull(withBreak.next());
        assertEquals(List.of("a", "b"), withoutBreak.next().fields());
        assertNull(withoutBreak.next());
    }

    @Test
    void shouldRejectAQuoteThatIsNeverClosedNamingTheLineItOpensOn() {
        // Given
        var reader = new CsvReader(new StringReader("id,text\n1,ok\n2,\"never closed\n3,more\n"), "open.csv");

        // When
        var e = assertThrows(FormatException.class, () -> {
            while (reader.next() != null) {
                // read to the end
            }
        });

        // Then
        assertEquals("open.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("open.csv:3: a quoted field is not closed before the end of the file", e.getMessage());
    }

    @Test
    void shouldRejectAQuoteInsideAnUnquotedField() throws IOException {
        // Given
        var reader = new CsvReader(new StringReader("a,b\"c\n"), "q.csv");

        // When
        var e = assertThrows(FormatException.class, reader::next);

        // Then
        assertTrue(e.getMessage().startsWith("q.csv:1: a quote inside an unquoted field (field 2)"), e.getMessage());
    }

    @Test
    void shouldRejectARecordLongerThanTheLimitWithFileAndLine() throws IOException {
        // Given
        String huge = "x".repeat(CsvReader.MAX_RECORD_CHARS + 1);
        var reader = new CsvReader(new StringReader("id,text\n1,ok\n2," + huge + "\n3,after\n"), "big.csv");
        reader.next();
        reader.next();

        // When
        var e = assertThrows(FormatException.class, reader::next);

        // Then
        assertEquals("big.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("big.csv:3: record is longer than " + CsvReader.MAX_RECORD_CHARS + " characters"),
                e.getMessage());
    }
}
