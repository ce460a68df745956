package org.advocategraph.tools.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects warnings by kind, so that a problem repeated on a million lines yields one line that names the first
 * place and the count, not a million lines.
 */
final class Warnings {
    private static final class Entry {
        final String first;
        long count;

        Entry(String first) {
            this.first = first;
        }
    }

    private final Map<String, Entry> byKind = new LinkedHashMap<>();
    private long skipped;

    /**
     * @param kind    groups repetitions of one problem
     * @param message the message of its first occurrence, for example {@code edges.txt:12: self loop on 'a'}
     */
    void add(String kind, String message) {
        byKind.computeIfAbsent(kind, k -> new Entry(message)).count++;
    }

    /** Like {@link #add}, and counts an input record that could not be converted. */
    void skip(String kind, String message) {
        add(kind, message);
        skipped++;
    }

    /** Counts {@code n} skipped input records under one warning line. */
    void skipMany(String kind, String message, long n) {
        if (n <= 0) {
            return;
        }
        Entry e = byKind.computeIfAbsent(kind, k -> new Entry(message));
        e.count += n;
        skipped += n;
    }

    long skipped() {
        return skipped;
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Entry e : byKind.values()) {
            out.add(e.count == 1 ? e.first : e.first + " (" + e.count + " times in all; the first is shown)");
        }
        return out;
    }
}
