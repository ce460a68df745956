package org.advocategraph.tools.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes RFC 4180 CSV: quotes a field only when it holds a comma, a quote, a line break or edge spaces. */
public final class CsvWriter implements AutoCloseable {
    private final Writer out;

    /** @param out where to write; closed with this writer */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes one record. */
    public void write(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeField(fields.get(i));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeField(String f) throws IOException {
        String s = f == null ? "" : f;
        boolean quote = !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ');
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
