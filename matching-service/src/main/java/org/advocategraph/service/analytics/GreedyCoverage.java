package org.advocategraph.service.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Recruitment as maximum coverage: pick the people whose {@code hops}-hop audiences add the most distinct people
 * to those the base already reaches. Coverage is monotone and submodular, so the greedy choice is within
 * (1 - 1/e) of the best set of the same size (Nemhauser, Wolsey and Fisher, Math. Programming 14, 1978).
 *
 * <p>The gain of a person is the number of people within {@code hops} of them (themselves included) that neither
 * the base nor an earlier pick reaches; it is counted exactly by a walk ({@link ProjectedReach}). Gains only
 * shrink as picks are made, so they are evaluated lazily (CELF: Leskovec et al., KDD 2007): a candidate is walked
 * again only when it rises to the top of a priority queue with a stale gain. The queue starts from an upper bound
 * that is cheaper than a walk of {@code hops} hops: the people not yet reached within {@code hops - 1} hops plus,
 * for each person at hop {@code hops - 1}, their audience not yet reached (exact for one hop).
 * Worst case O(k · candidates · (ball + its entries)); in practice a few walks per pick.
 */
public final class GreedyCoverage implements Recruitment {
    private final ProjectedReach walker;
    private final int hops;

    /**
     * @param walker walks the projection
     * @param hops   1..3
     */
    public GreedyCoverage(ProjectedReach walker, int hops) {
        if (hops < 1 || hops > 3) {
            throw new IllegalArgumentException("hops must be in 1..3, was " + hops);
        }
        this.walker = walker;
        this.hops = hops;
    }

    @Override
    public Result select(int[] base, int[] candidates, int k, Instant deadline) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        PeopleGraph g = walker.graph();
        boolean[] covered = new boolean[g.size()];
        int baseReach = 0;
        if (base.length > 0) {
            walker.walk(base, base.length, hops);
            for (int i = 0; i < walker.visitedCount(); i++) {
                covered[walker.visited(i)] = true;
            }
            baseReach = walker.visitedCount();
        }
        // Each candidate's audience not yet covered, kept current as people become covered.
        int[] open = new int[g.size()];
        for (int u = 0; u < g.size(); u++) {
            for (int e = g.start(u); e < g.end(u); e++) {
                if (g.has(e, PeopleGraph.VOICE) && !covered[g.target(e)]) {
                    open[u]++;
                }
            }
        }
        // Queue entries: {gain, candidate, round in which the gain was exact (-1: an upper bound)}.
        PriorityQueue<long[]> queue = new PriorityQueue<>(Math.max(1, candidates.length),
                (a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : g.id((int) a[1]).compareTo(g.id((int) b[1])));
        boolean truncated = false;
        int evaluations = 0;
        for (int c : candidates) {
            if ((queue.size() & 255) == 0 && Instant.now().isAfter(deadline)) {
                truncated = true;
                break;
            }
            queue.add(new long[] {bound(c, covered, open), c, hops == 1 ? 0 : -1});
        }
        List<Pick> picks = new ArrayList<>();
        long total = 0;
        while (!truncated && picks.size() < k && !queue.isEmpty()) {
            long[] top = queue.poll();
            int c = (int) top[1];
            if (top[2] != picks.size()) {
                if ((evaluations & 15) == 0 && Instant.now().isAfter(deadline)) {
                    truncated = true;
                    break;
                }
                evaluations++;
                walker.walk(c, hops);
                long gain = 0;
                for (int i = 0; i < walker.visitedCount(); i++) {
                    if (!covered[walker.visited(i)]) {
                        gain++;
                    }
                }
                queue.add(new long[] {gain, c, picks.size()});
                continue;
            }
            if (top[0] == 0) {
                // The best exact gain is nothing: every further pick would be an arbitrary name adding no one.
                break;
            }
            walker.walk(c, hops);
            for (int i = 0; i < walker.visitedCount(); i++) {
                int v = walker.visited(i);
                if (!covered[v]) {
                    covered[v] = true;
                    for (int e = g.start(v); e < g.end(v); e++) {
                        // v is now covered: it leaves the open audience of everyone it hears.
                        if (g.has(e, PeopleGraph.ATTENTION)) {
                            open[g.target(e)]--;
                        }
                    }
                }
            }
            total += top[0];
            picks.add(new Pick(c, top[0], total));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evaluations", evaluations);
        return new Result(picks, baseReach, details, truncated);
    }

    /** @return an upper bound of the candidate's gain (exact for one hop) */
    private long bound(int c, boolean[] covered, int[] open) {
        if (hops == 1) {
            return (covered[c] ? 0 : 1) + open[c];
        }
        walker.walk(c, hops - 1);
        long bound = 0;
        int lastLayerStart = walker.visitedCount() - (int) walker.byHop(hops - 1)[hops - 2];
        for (int i = 0; i < walker.visitedCount(); i++) {
            int v = walker.visited(i);
            if (!covered[v]) {
                bound++;
            }
            if (i >= lastLayerStart) {
                bound += open[v];
            }
        }
        return bound;
    }
}
