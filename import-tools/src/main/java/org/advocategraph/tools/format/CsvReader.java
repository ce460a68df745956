package org.advocategraph.tools.format;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: comma separated, fields optionally in double quotes, {@code ""} for a quote
 * inside quotes, records may span lines inside quotes, LF or CRLF line ends. Tracks the line each record starts
 * on so that errors can name it. Bounds the length of one record so that a runaway line cannot exhaust memory.
 */
public final class CsvReader implements AutoCloseable {
    /** Longest record accepted, in characters. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final Reader in;
    private final String file;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private boolean eof;

    /**
     * @param in   the text (already decoded)
     * @param file the file name used in error messages
     */
    public CsvReader(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /**
     * A record and the line it starts on.
     *
     * @param line   1-based line number
     * @param fields the fields, unquoted
     */
    public record Row(long line, List<String> fields) {
    }

    /** @return the next record, or null at the end of the input */
    public Row next() throws IOException {
        if (!fill()) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int total = 0;
        while (true) {
            if (!fill()) {
                if (quoted) {
                    throw new FormatException(file, start, null, "a quoted field is not closed before the end of the file");
                }
                fields.add(field.toString());
                return new Row(start, fields);
            }
            char c = buf[pos++];
            if (++total > MAX_RECORD_CHARS) {
                throw new FormatException(file, start, null, "record is longer than " + MAX_RECORD_CHARS
                        + " characters (a missing line break or an unclosed quote?)");
            }
            if (quoted) {
                if (c == '"') {
                    if (fill() && buf[pos] == '"') {
                        pos++;
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new FormatException(file, line, null, "a quote inside an unquoted field (field "
                                + (fields.size() + 1) + "); quote the whole field and double inner quotes");
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR inside a field is dropped as well
                }
                case '\n' -> {
                    line++;
                    fields.add(field.toString());
                    return new Row(start, fields);
                }
                default -> {
                    if (wasQuoted) {
                        throw new FormatException(file, line, null, "text after a closing quote (field " + (fields.size() + 1) + ")");
                    }
                    field.append(c);
                }
            }
        }
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        try {
            len = in.read(buf);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FormatException(file, line, null, "not valid UTF-8 text (" + e.getMessage() + "); import files must be UTF-8");
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new FormatException(file, line, null, "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        }
        pos = 0;
        if (len <= 0) {
            eof = true;
            len = 0;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
