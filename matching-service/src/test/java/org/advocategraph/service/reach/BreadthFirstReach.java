package org.advocategraph.service.reach;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.store.GraphStore;

/**
 * A reference for the projection's reach in tests, through the store port alone: unique reach by a breadth-first walk over audiences ({@link GraphStore#audienceOf}): one store round trip
 * per hop, each bounded by the frontier's size. O(V + E) over the part of the graph within {@code hops}.
 * A walk that would visit more than {@code maxVisited} people stops there and says so.
 */
public final class BreadthFirstReach implements ReachCalculator {
    /** Seeds whose direct audience is counted one by one for the naive figure. */
    static final int MAX_SEEDS_FOR_NAIVE_SUM = 200;

    private final GraphStore store;
    private final int maxVisited;

    /**
     * @param store      the graph
     * @param maxVisited the most people one walk may visit (bounds memory and time)
     */
    public BreadthFirstReach(GraphStore store, int maxVisited) {
        if (maxVisited < 1) {
            throw new IllegalArgumentException("maxVisited must be positive, was " + maxVisited);
        }
        this.store = store;
        this.maxVisited = maxVisited;
    }

    @Override
    public ReachResult reach(Collection<String> seeds, int hops) {
        if (hops < MIN_HOPS || hops > MAX_HOPS) {
            throw new InvalidFieldException("hops", "must be in " + MIN_HOPS + ".." + MAX_HOPS + ", was " + hops);
        }
        long started = System.nanoTime();
        Set<String> visited = new HashSet<>(seeds);
        Set<String> frontier = new HashSet<>(seeds);
        List<Long> byHop = new ArrayList<>();
        boolean truncated = false;
        for (int h = 1; h <= hops && !frontier.isEmpty() && !truncated; h++) {
            Set<String> next = new HashSet<>();
            for (String person : store.audienceOf(frontier)) {
                if (visited.size() >= maxVisited) {
                    truncated = true;
                    break;
                }
                if (visited.add(person)) {
                    next.add(person);
                }
            }
            byHop.add((long) next.size());
            frontier = next;
        }
        while (byHop.size() < hops) {
            byHop.add(0L);
        }
        Long naive = null;
        if (seeds.size() <= MAX_SEEDS_FOR_NAIVE_SUM) {
            naive = 0L;
            for (String seed : seeds) {
                Set<String> audience = store.audienceOf(List.of(seed));
                audience.remove(seed);
                naive += audience.size();
            }
        }
        long reach = visited.size() - new HashSet<>(seeds).size();
        return new ReachResult(new HashSet<>(seeds).size(), hops, reach, byHop, naive, truncated,
                (System.nanoTime() - started) / 1_000_000);
    }
}
