package org.advocategraph.service.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How the audiences of several seeds overlap: each seed's reach alone, its marginal (unique) reach, the people
 * reached only through it, and the pairs of seeds that share the most people.
 *
 * <p>One bounded walk per seed ({@link ProjectedReach}), recording per person the one seed that reaches it or that
 * several do: O(sum over seeds of (ball + its entries)). Pairs intersect one bitset per seed, restricted to the
 * range of words each ball touches: O(seeds² · n / 64) in the worst case, so they are computed only when the bitsets
 * fit {@code maxBitsetBytes}. The walks stop at the deadline; the seeds walked until then get their figures.
 */
public final class SeedOverlap {
    private static final int SHARED = -2;
    private static final int NOBODY = -1;

    /**
     * One seed's figures.
     *
     * @param person the seed's number
     * @param alone  people it reaches alone, itself excluded (what a reach question naming only it answers)
     * @param unique people no other seed reaches and who are no seed: its marginal reach
     */
    public record Seed(int person, int alone, int unique) {
    }

    /**
     * Two seeds and the people both reach.
     *
     * @param a       the first seed's number
     * @param b       the second seed's number
     * @param shared  people reached by both (neither seed counted for itself)
     * @param jaccard shared / people reached by either
     */
    public record Pair(int a, int b, int shared, double jaccard) {
    }

    /**
     * @param seeds     figures of the seeds walked, in the order given
     * @param pairs     the most-overlapping pairs, most shared people first; empty when not computed
     * @param pairsComputed false when the bitsets would not fit their memory bound or time ran out
     * @param truncated true when the deadline stopped the walks before every seed was walked
     */
    public record Result(List<Seed> seeds, List<Pair> pairs, boolean pairsComputed, boolean truncated) {
        public Result {
            seeds = List.copyOf(seeds);
            pairs = List.copyOf(pairs);
        }
    }

    private final int maxPairs;
    private final long maxBitsetBytes;

    /**
     * @param maxPairs       most pairs listed, 0 or more
     * @param maxBitsetBytes the most memory the pair bitsets may take
     */
    public SeedOverlap(int maxPairs, long maxBitsetBytes) {
        if (maxPairs < 0 || maxBitsetBytes < 0) {
            throw new IllegalArgumentException("maxPairs and maxBitsetBytes must not be negative");
        }
        this.maxPairs = maxPairs;
        this.maxBitsetBytes = maxBitsetBytes;
    }

    /**
     * @param walker   walks the projection
     * @param seeds    distinct people numbers
     * @param hops     1..3
     * @param deadline when to stop walking
     * @return the figures of the seeds walked before the deadline
     */
    public Result run(ProjectedReach walker, int[] seeds, int hops, Instant deadline) {
        PeopleGraph g = walker.graph();
        int n = g.size();
        int[] owner = new int[n];
        Arrays.fill(owner, NOBODY);
        boolean[] isSeed = new boolean[n];
        for (int s : seeds) {
            isSeed[s] = true;
        }
        int words = (n + 63) >>> 6;
        boolean withPairs = maxPairs > 0 && seeds.length > 1 && (long) seeds.length * words * 8 <= maxBitsetBytes;
        long[][] bits = withPairs ? new long[seeds.length][] : null;
        int[] firstWord = new int[seeds.length];
        int[] alone = new int[seeds.length];
        int[] unique = new int[seeds.length];
        int walked = 0;
        boolean truncated = false;
        for (int i = 0; i < seeds.length; i++) {
            if (Instant.now().isAfter(deadline)) {
                truncated = true;
                break;
            }
            alone[i] = walker.walk(seeds[i], hops);
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int j = 1; j < walker.visitedCount(); j++) {
                int v = walker.visited(j);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (isSeed[v]) {
                    continue;
                }
                if (owner[v] == NOBODY) {
                    owner[v] = i;
                    unique[i]++;
                } else if (owner[v] >= 0) {
                    unique[owner[v]]--;
                    owner[v] = SHARED;
                }
            }
            if (withPairs) {
                firstWord[i] = hi < 0 ? 0 : lo >>> 6;
                long[] b = new long[hi < 0 ? 0 : (hi >>> 6) - firstWord[i] + 1];
                for (int j = 1; j < walker.visitedCount(); j++) {
                    int v = walker.visited(j);
                    b[(v >>> 6) - firstWord[i]] |= 1L << v;
                }
                bits[i] = b;
            }
            walked++;
        }
        List<Seed> out = new ArrayList<>();
        for (int i = 0; i < walked; i++) {
            out.add(new Seed(seeds[i], alone[i], unique[i]));
        }
        List<Pair> pairs = new ArrayList<>();
        boolean pairsComputed = withPairs && !truncated;
        if (pairsComputed) {
            for (int i = 0; i < walked && pairsComputed; i++) {
                if (Instant.now().isAfter(deadline)) {
                    pairsComputed = false;
                    break;
                }
                for (int j = i + 1; j < walked; j++) {
                    int shared = shared(bits[i], firstWord[i], bits[j], firstWord[j]);
                    if (shared > 0) {
                        pairs.add(new Pair(seeds[i], seeds[j], shared, shared / (double) (alone[i] + alone[j] - shared)));
                    }
                }
            }
            pairs.sort(Comparator.comparingInt((Pair p) -> -p.shared()).thenComparingDouble(p -> -p.jaccard())
                    .thenComparing(p -> g.id(p.a())).thenComparing(p -> g.id(p.b())));
            if (!pairsComputed) {
                pairs.clear();
            }
        }
        return new Result(out, pairs.subList(0, Math.min(maxPairs, pairs.size())), pairsComputed, truncated);
    }

    private static int shared(long[] a, int fa, long[] b, int fb) {
        int from = Math.max(fa, fb);
        int to = Math.min(fa + a.length, fb + b.length);
        int count = 0;
        for (int w = from; w < to; w++) {
            count += Long.bitCount(a[w - fa] & b[w - fb]);
        }
        return count;
    }
}
