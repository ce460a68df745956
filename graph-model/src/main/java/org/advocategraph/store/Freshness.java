package org.advocategraph.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How current a store's reads are when they come from a copy of the graph (see
 * {@link org.advocategraph.store.memory.CachedGraphStore}).
 *
 * @param loadedAt    when the copy was last read in full from the store of record
 * @param loadSeconds how long that read took
 * @param lastWriteAt when a write last went through the copy, or null
 * @param elements    nodes and relationships read in that load
 * @param writes      writes that went through the copy since that load: two freshnesses of one copy are equal only
 *                    when nothing was loaded or written between them, however close in time
 */
public record Freshness(Instant loadedAt, double loadSeconds, Instant lastWriteAt, long elements, long writes) {
    /** @return whole seconds since the last full load */
    public long ageSeconds() {
        return Duration.between(loadedAt, Instant.now()).toSeconds();
    }
}
