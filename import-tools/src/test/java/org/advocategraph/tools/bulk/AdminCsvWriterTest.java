package org.advocategraph.tools.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV dialect written for Neo4j's importer: what is quoted, what is left empty, what is absent. */
class AdminCsvWriterTest {
    @TempDir
    Path dir;

    private String write(java.util.function.Consumer<AdminCsvWriter> row) throws IOException {
        Path file = dir.resolve("out.csv");
        try (AdminCsvWriter w = new AdminCsvWriter(file, "h")) {
            row.accept(w);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void shouldQuoteEmptyTextSoThatItIsStoredAndLeaveAbsentValuesUnquoted() throws IOException {
        String csv = write(w -> w.text("").optionalText(null).text("plain").optionalDecimal(null).time(null).end());

        assertEquals("h\n\"\",,plain,,\n", csv);
    }

    @Test
    void shouldQuoteOnlyTextThatWouldNotReadBackUnquoted() throws IOException {
        String csv = write(w -> w.text("a,b").text("say \"hi\"").text(" edge").text("x;y").end());

        assertEquals("h\n\"a,b\",\"say \"\"hi\"\"\",\" edge\",x;y\n", csv);
    }

    @Test
    void shouldWriteNumbersBooleansAndTimesAsTheImporterParsesThem() throws IOException {
        String csv = write(w -> w.number(-3).decimal(0.1).decimal(1e-7).bool(true)
                .time(Instant.parse("2025-01-02T03:04:05.678Z")).end());

        assertEquals("h\n-3,0.1,1.0E-7,true,2025-01-02T03:04:05.678Z\n", csv);
    }

    @Test
    void shouldJoinListsWithTheArrayDelimiterAndLeaveEmptyListsAbsent() throws IOException {
        String csv = write(w -> w.list(List.of("en", "de")).list(List.of()).list(List.of("a,b", "c")).end());

        assertEquals("h\nen;de,,\"a,b;c\"\n", csv);
    }

    @Test
    void shouldReportALineBreakSoThatTheFileIsReadInMultilineMode() throws IOException {
        Path file = dir.resolve("text.csv");
        try (AdminCsvWriter plain = new AdminCsvWriter(dir.resolve("plain.csv"), "h");
             AdminCsvWriter text = new AdminCsvWriter(file, "h")) {
            plain.text("one line").end();
            text.text("two\nlines").end();
            assertFalse(plain.multiline());
            assertTrue(text.multiline());
            assertEquals(1, text.rows());
        }
        assertEquals("h\n\"two\nlines\"\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAListElementHoldingTheArrayDelimiter() {
        assertThrows(IllegalStateException.class, () -> write(w -> w.list(List.of("a;b")).end()));
    }
}
