package org.advocategraph.store.tinkerpop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a store has learnt about the vertex ids of external ids, kept between writes: for an external id, the
 * vertex id under each label it had when last looked up or written. A hint is never trusted blindly: a write checks
 * its hints by vertex id ({@code V(ids)}, a direct lookup on every graph) before using them, and looks up by external
 * id whatever is missing or changed. This spares the lookup by external id, which on TinkerGraph is one traversal per
 * id or a scan, for every relationship whose endpoints this store wrote or looked up before.
 *
 * <p>Bounded: past {@link #MAX} external ids it starts over.
 */
final class VertexHints {
    /** External ids kept at most (about 150 bytes each). */
    static final int MAX = 1_000_000;

    private final Map<String, Map<String, Object>> byUid = new ConcurrentHashMap<>();

    /** @return label -> vertex id of an external id, as last seen, or null */
    Map<String, Object> get(String uid) {
        return byUid.get(uid);
    }

    /**
     * Remembers what a committed write learnt.
     *
     * @param known external id -> (label -> vertex id), complete for each external id: every label it had
     */
    void learn(Map<String, Map<String, Object>> known) {
        if (byUid.size() + known.size() > MAX) {
            byUid.clear();
        }
        byUid.putAll(known);
    }

    /** Forgets everything, after a delete. */
    void clear() {
        byUid.clear();
    }
}
