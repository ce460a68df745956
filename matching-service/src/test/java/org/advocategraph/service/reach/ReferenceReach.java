package org.advocategraph.service.reach;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;

/**
 * An independent reach for tests, by sets over the tie list: the audience of x is whoever has a tie of any kind to
 * x plus x's partners in mutual ties (a follows tie carries voice from the followed to the follower only).
 */
public final class ReferenceReach {
    private final Map<String, Set<String>> audience = new HashMap<>();

    /** @param ties every tie of the graph */
    public ReferenceReach(List<Tie> ties) {
        for (Tie t : ties) {
            audience.computeIfAbsent(t.toId(), k -> new HashSet<>()).add(t.fromId());
            if (t.kind() != TieKind.FOLLOWS) {
                audience.computeIfAbsent(t.fromId(), k -> new HashSet<>()).add(t.toId());
            }
        }
    }

    /**
     * @return {@code count} random ties among people p0..p(n-1), at most one per pair, of every kind, with strengths
     *         0.1..0.9
     */
    public static List<Tie> randomTies(int people, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>();
        List<Tie> ties = new ArrayList<>();
        while (ties.size() < count) {
            int a = random.nextInt(people);
            int b = random.nextInt(people);
            TieKind kind = TieKind.values()[random.nextInt(TieKind.values().length)];
            if (a != b && seen.add(Math.min(a, b) + "-" + Math.max(a, b))) {
                ties.add(new Tie("p" + a, "p" + b, kind, 0.1 + 0.1 * random.nextInt(9), null));
            }
        }
        return ties;
    }

    /** @return everyone within {@code hops} of a seed, the seeds included */
    public Set<String> ball(Collection<String> seeds, int hops) {
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
    public Set<String> reached(Collection<String> seeds, int hops) {
        Set<String> out = new HashSet<>(ball(seeds, hops));
        out.removeAll(seeds);
        return out;
    }
}
