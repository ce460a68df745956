package org.advocategraph.tools.bulk;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

/**
 * Writes one file in the CSV dialect of Neo4j's importer with its default settings: {@code ,} between fields,
 * {@code "} around text with inner quotes doubled, {@code ;} between the elements of an array, a header row first.
 *
 * <p>Empty text is written quoted, because the importer reads an unquoted empty field as "no property" and a
 * quoted one as the empty string, and the online import stores empty text as {@code ""}; other text is quoted
 * only when it must be (a delimiter, a quote, a line break, or white space at an end, which an unquoted field
 * might lose). Values that are absent online (null references, unknown times) are unquoted empty fields.
 */
final class AdminCsvWriter implements Closeable {
    /** The importer's default array delimiter. */
    static final char ARRAY_DELIMITER = ';';

    private final Path file;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private boolean first = true;
    private boolean multiline;
    private long rows;

    /**
     * @param file   the file to create
     * @param header the header row, for example {@code id:ID(Topic),name}
     */
    AdminCsvWriter(Path file, String header) {
        this.file = file;
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 20);
            out.write(header);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @return the file written */
    Path file() {
        return file;
    }

    /** @return the data rows written so far */
    long rows() {
        return rows;
    }

    /** @return true when some value holds a line break, so the importer must read this file in multiline mode */
    boolean multiline() {
        return multiline;
    }

    /** Adds a text value, stored even when empty. */
    AdminCsvWriter text(String value) {
        separate();
        if (plain(value, false)) {
            row.append(value);
        } else {
            quote(value);
        }
        return this;
    }

    /** Adds a text value that is absent when null. */
    AdminCsvWriter optionalText(String value) {
        if (value == null) {
            separate();
            return this;
        }
        return text(value);
    }

    /**
     * Adds a string array; an empty collection is written as an empty field, which the importer leaves absent
     * (the caller sets those properties to an empty list afterwards).
     */
    AdminCsvWriter list(Collection<String> values) {
        separate();
        if (values.isEmpty()) {
            return this;
        }
        boolean plain = true;
        for (String v : values) {
            if (v.indexOf(ARRAY_DELIMITER) >= 0) {
                // The import format splits lists on ';', so a validated file cannot hold one; fail rather than split.
                throw new IllegalStateException("a list element holds the array delimiter ';': '" + v + "' in " + file);
            }
            plain &= plain(v, true);
        }
        if (!plain) {
            row.append('"');
        }
        boolean firstElement = true;
        for (String v : values) {
            if (!firstElement) {
                row.append(ARRAY_DELIMITER);
            }
            firstElement = false;
            if (plain) {
                row.append(v);
            } else {
                escape(v);
            }
        }
        if (!plain) {
            row.append('"');
        }
        return this;
    }

    /** Adds a whole number. */
    AdminCsvWriter number(long value) {
        separate();
        row.append(value);
        return this;
    }

    /** Adds a decimal number; {@link Double#toString} is exact, so the stored double equals the parsed one. */
    AdminCsvWriter decimal(double value) {
        separate();
        row.append(value);
        return this;
    }

    /** Adds a decimal number that is absent when null. */
    AdminCsvWriter optionalDecimal(Double value) {
        separate();
        if (value != null) {
            row.append(value.doubleValue());
        }
        return this;
    }

    /** Adds a boolean. */
    AdminCsvWriter bool(boolean value) {
        separate();
        row.append(value);
        return this;
    }

    /** Adds an instant in ISO 8601 with {@code Z}: the importer stores a datetime at offset UTC, as the online path. */
    AdminCsvWriter time(Instant value) {
        separate();
        if (value != null) {
            row.append(value);
        }
        return this;
    }

    /** Ends the row. */
    void end() {
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        row.setLength(0);
        first = true;
        rows++;
    }

    private void separate() {
        if (!first) {
            row.append(',');
        }
        first = false;
    }

    /**
     * @param element true for an array element, which may be empty inside an array
     * @return true when the value reads back the same without quotes
     */
    private static boolean plain(String value, boolean element) {
        if (value.isEmpty()) {
            return element;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void quote(String value) {
        row.append('"');
        escape(value);
        row.append('"');
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                row.append('"');
            } else if (c == '\n' || c == '\r') {
                multiline = true;
            }
            row.append(c);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
