package org.advocategraph.service.analytics;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Values computed from one projection, kept until the projection is replaced by a newer one. */
final class ProjectionMemo {
    private final Map<Object, Object> computed = new HashMap<>();
    private PeopleGraph computedFor;

    /** @return the value computed for this projection under this key, computing it the first time */
    synchronized Object get(PeopleGraph g, Object key, Supplier<Object> compute) {
        if (computedFor != g) {
            computed.clear();
            computedFor = g;
        }
        return computed.computeIfAbsent(key, k -> compute.get());
    }
}
