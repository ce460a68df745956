package org.advocategraph.service.analytics;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;

/**
 * An independent reach for tests, by sets over the tie list: the audience of x is whoever has a tie of any kind to
 * x plus x's partners in mutual ties (a follows tie carries voice from the followed to the follower only).
 */
final class ReferenceReach {
    private final Map<String, Set<String>> audience = new HashMap<>();

    ReferenceReach(List<Tie> ties) {
        for (Tie t : ties) {
            audience.computeIfAbsent(t.toId(), k -> new HashSet<>()).add(t.fromId());
            if (t.kind() != TieKind.FOLLOWS) {
                audience.computeIfAbsent(t.fromId(), k -> new HashSet<>()).add(t.toId());
            }
        }
    }

    /** @return everyone within {@code hops} of a seed, the seeds included */
    Set<String> ball(Collection<String> seeds, int hops) {
        Map<String, Integer> depth = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String s : seeds) {
            if (depth.putIfAbsent(s, 0) == null) {
                queue.add(s);
            }
        }
        while (!queue.isEmpty()) {
            String u = queue.poll();
            if (depth.get(u) == hops) {
                continue;
            }
            for (String v : audience.getOrDefault(u, Set.of())) {
                if (!depth.containsKey(v)) {
                    depth.put(v, depth.get(u) + 1);
                    queue.add(v);
                }
            }
        }
        return depth.keySet();
    }

    /** @return people reached, seeds excluded */
    Set<String> reached(Collection<String> seeds, int hops) {
        Set<String> out = new HashSet<>(ball(seeds, hops));
        out.removeAll(seeds);
        return out;
    }
}
