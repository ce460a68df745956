package org.advocategraph.tools.connect;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;

import org.advocategraph.tools.format.FormatException;

/**
 * Reads a text file (plain or {@code .gz}, strict UTF-8, see {@link StrictText}) line by line, counting lines,
 * and turns every read failure into a {@link FormatException} naming the file and the line: bytes that are not
 * UTF-8, truncated or corrupt gzip data.
 */
final class TextLines implements AutoCloseable {
    private final String file;
    private final StrictText text;
    private final BufferedReader in;
    private long line;

    private TextLines(String file, StrictText text, BufferedReader in) {
        this.file = file;
        this.text = text;
        this.in = in;
    }

    static TextLines open(Path path) {
        StrictText text = StrictText.open(path);
        return new TextLines(path.toString(), text, new BufferedReader(text, 1 << 16));
    }

    /** @return the next line without its line end (and without a leading byte order mark), or null at the end */
    String next() {
        String s;
        try {
            s = in.readLine();
        } catch (IOException e) {
            // Every line before the failing one has been handed out, so the failure is on the next line.
            FormatException f = text.describe(file, e);
            throw new FormatException(file, line + 1, null, f.reason());
        }
        if (s == null) {
            return null;
        }
        line++;
        return s;
    }

    /** @return the 1-based number of the line {@link #next()} returned last */
    long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written through it.
        }
    }
}
