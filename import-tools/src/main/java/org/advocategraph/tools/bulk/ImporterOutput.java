package org.advocategraph.tools.bulk;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives what Neo4j's importer prints, line by line: hands the lines worth a reader's time (stage headers,
 * stage times, the final totals, anything on its error stream) to a consumer, drops its progress bars, and keeps
 * the first and last lines so that a failure can be explained.
 */
final class ImporterOutput extends OutputStream {
    private static final int KEPT_LINES = 40;

    private final Consumer<String> messages;
    private final boolean everything;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final List<String> first = new ArrayList<>();
    private final Deque<String> last = new ArrayDeque<>();

    /**
     * @param messages   where the chosen lines go
     * @param everything true to pass on every non-blank line (for the error stream)
     */
    ImporterOutput(Consumer<String> messages, boolean everything) {
        this.messages = messages;
        this.everything = everything;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            flushLine();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    /** @return the first lines received, stack frames left out */
    synchronized List<String> firstLines() {
        return List.copyOf(first);
    }

    /** @return the last lines received, oldest first */
    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    private void flushLine() {
        String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
        line.reset();
        if (text.isBlank()) {
            return;
        }
        String t = text.strip();
        // Stack frames say nothing to a reader; the exception's message line does.
        boolean frame = t.startsWith("at ") || t.matches("\\.\\.\\. \\d+ more");
        if (first.size() < KEPT_LINES && !frame) {
            first.add(t);
        }
        if (last.size() == KEPT_LINES) {
            last.removeFirst();
        }
        last.addLast(t);
        if (everything ? !frame : worthShowing(t)) {
            messages.accept("  neo4j: " + t);
        }
    }

    private static boolean worthShowing(String t) {
        return t.matches("\\(\\d+/\\d+\\) .*") || t.contains(" COMPLETED in ") || t.startsWith("IMPORT ")
                || t.startsWith("Peak memory usage");
    }
}
