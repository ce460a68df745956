package org.advocategraph.store;

import java.util.List;

/**
 * What one {@link GraphStore#upsert} call wrote.
 *
 * @param nodes                nodes written (created or updated)
 * @param nodesCreated         of those, how many were new
 * @param relationships        relationships written (created or updated), not counting those derived from node
 *                             properties
 * @param relationshipsCreated of those, how many were new
 * @param skipped       relationships not written because an endpoint does not exist, described as
 *                      {@code TYPE from->to}; at most {@link #MAX_SKIPPED_LISTED} are listed
 * @param skippedCount  how many relationships were skipped in all
 */
public record UpsertResult(long nodes, long nodesCreated, long relationships, long relationshipsCreated,
                           List<String> skipped, long skippedCount) {
    /** How many skipped relationships are listed by description. */
    public static final int MAX_SKIPPED_LISTED = 20;

    public UpsertResult {
        skipped = List.copyOf(skipped);
    }

    /** @return nodes written that existed before */
    public long nodesUpdated() {
        return nodes - nodesCreated;
    }

    /** @return relationships written that existed before */
    public long relationshipsUpdated() {
        return relationships - relationshipsCreated;
    }

    /** @return a result for an empty call */
    public static UpsertResult empty() {
        return new UpsertResult(0, 0, 0, 0, List.of(), 0);
    }

    /** @return the sum of this result and another */
    public UpsertResult plus(UpsertResult other) {
        var listed = new java.util.ArrayList<>(skipped);
        for (String s : other.skipped) {
            if (listed.size() < MAX_SKIPPED_LISTED) {
                listed.add(s);
            }
        }
        return new UpsertResult(nodes + other.nodes, nodesCreated + other.nodesCreated,
                relationships + other.relationships, relationshipsCreated + other.relationshipsCreated, listed,
                skippedCount + other.skippedCount);
    }
}
