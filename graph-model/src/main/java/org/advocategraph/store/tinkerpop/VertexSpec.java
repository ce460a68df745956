package org.advocategraph.store.tinkerpop;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node to write: its label and external id, the properties to set and the optional ones to remove.
 *
 * @param label  the vertex label
 * @param uid    the external id
 * @param props  properties to set (never {@code uid}, never null values)
 * @param absent optional properties that are null in the record and must not remain on the vertex
 */
record VertexSpec(String label, String uid, Map<String, Object> props, Set<String> absent) {
    VertexSpec {
        props = Map.copyOf(props);
        absent = Set.copyOf(absent);
    }

    /** @return the key nodes are merged by */
    List<String> key() {
        return List.of(label, uid);
    }
}
