package org.advocategraph.store.tinkerpop;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.store.NodeKind;

/**
 * A relationship to write, with its endpoints still as external ids.
 *
 * @param label         the edge label
 * @param fromKind      the kind of node the edge starts at
 * @param fromUid       its external id
 * @param toKind        the kind of node the edge ends at
 * @param toUid         its external id
 * @param discriminator for ties the kind, for assignments the id; null when the endpoints alone are the key
 * @param props         properties to set (never null values)
 * @param absent        optional properties that are null in the record and must not remain on the edge
 */
record EdgeSpec(String label, NodeKind fromKind, String fromUid, NodeKind toKind, String toUid,
                String discriminator, Map<String, Object> props, Set<String> absent) {
    EdgeSpec {
        props = Map.copyOf(props);
        absent = Set.copyOf(absent);
    }

    /** @return true when the edge is identified by its own id rather than by its endpoints */
    boolean keyedById() {
        return Schema.ASSIGNED_TO.equals(label);
    }

    /** @return the property holding the discriminator, or null */
    String discriminatorKey() {
        if (discriminator == null) {
            return null;
        }
        return keyedById() ? Schema.UID : Schema.KIND;
    }

    /** @return the key relationships are merged by: id for assignments, endpoints (and kind for ties) otherwise */
    List<String> key() {
        if (keyedById()) {
            return List.of(label, discriminator);
        }
        return discriminator == null ? List.of(label, fromUid, toUid) : List.of(label, fromUid, toUid, discriminator);
    }

    /** @return the description used when the edge is skipped, for example {@code EXPERT_IN e1->t9} */
    String describe() {
        return label + " " + fromUid + "->" + toUid;
    }
}
