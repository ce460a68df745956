package org.advocategraph.store.tinkerpop;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.tinkerpop.gremlin.structure.Element;

/**
 * How many rows, ids or values go into one traversal: at most {@link #maxRows}, and, for a remote server, at most
 * {@link #maxBytes} by an estimate of their GraphBinary size, so that a request stays below the server's
 * {@code maxContentLength} (64 KB on a default JanusGraph Server). A single item larger than the budget still goes,
 * alone.
 *
 * @param maxRows  most items per traversal, at least 1
 * @param maxBytes most estimated bytes of items per traversal, at least 1
 */
record Batching(int maxRows, long maxBytes) {
    /** Bytes of a request that are not its items: the traversal's steps, the request's envelope. */
    static final int REQUEST_OVERHEAD = 2_048;

    /** In-process graphs: the row bound only. */
    static final Batching LOCAL = new Batching(UpsertWriter.BATCH, Long.MAX_VALUE);

    Batching {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("batching bounds must be positive, were " + maxRows + " rows, "
                    + maxBytes + " bytes");
        }
    }

    /**
     * @param maxContentLength the server's largest request, in bytes
     * @return batching for a server that accepts requests up to that size, with a quarter kept as a margin for the
     *         estimate
     */
    static Batching remote(int maxContentLength) {
        return new Batching(UpsertWriter.BATCH, Math.max(1, maxContentLength * 3L / 4 - REQUEST_OVERHEAD));
    }

    /** @return true when a batch is bounded by its size, not only by its rows */
    boolean bySize() {
        return maxBytes != Long.MAX_VALUE;
    }

    /**
     * Cuts a list into consecutive batches, in order.
     *
     * @param items the items
     * @param <E>   their type
     * @return views of the list, each within both bounds (or a single oversized item)
     */
    <E> List<List<E>> split(List<E> items) {
        List<List<E>> out = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            long size = bySize() ? size(items.get(i)) : 0;
            if (i > from && (i - from == maxRows || bytes + size > maxBytes)) {
                out.add(items.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (from < items.size()) {
            out.add(items.subList(from, items.size()));
        }
        return out;
    }

    /**
     * Estimates the GraphBinary size of a value, erring on the large side: a type code and a null flag per value, a
     * length per string, collection and map, strings in UTF-8.
     *
     * @param value a value in a traversal's arguments
     * @return its estimated size in bytes
     */
    static long size(Object value) {
        if (value == null) {
            return 2;
        }
        if (value instanceof CharSequence s) {
            return 6 + utf8Length(s);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
            return 10;
        }
        if (value instanceof Enum<?> e) {
            return 16 + e.name().length();
        }
        if (value instanceof Map<?, ?> m) {
            long n = 6;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                n += size(e.getKey()) + size(e.getValue());
            }
            return n;
        }
        if (value instanceof Collection<?> c) {
            long n = 6;
            for (Object o : c) {
                n += size(o);
            }
            return n;
        }
        if (value.getClass().isArray()) {
            long n = 6;
            for (int i = 0; i < Array.getLength(value); i++) {
                n += size(Array.get(value, i));
            }
            return n;
        }
        if (value instanceof Element e) {
            // A reference element: its id and label.
            return 16 + size(e.id()) + size(e.label());
        }
        // Provider types such as JanusGraph's edge ids: a few longs.
        return 64;
    }

    private static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
