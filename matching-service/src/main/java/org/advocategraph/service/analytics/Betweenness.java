package org.advocategraph.service.analytics;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Betweenness centrality over a {@link PeopleGraph} taken as undirected and unweighted (every entry is a tie of
 * one hop, whatever its flags and strength): how much of the shortest-path traffic between other people runs
 * through a person. For person v, the sum over unordered pairs {s, t} of people other than v of the share of the
 * shortest s-t paths that pass through v, divided by the number of such pairs, (n-1)(n-2)/2. This is networkx's
 * {@code betweenness_centrality(G)} with its defaults ({@code normalized=True, endpoints=False}); with fewer than
 * three people every score is 0.
 *
 * <p>Brandes' algorithm (U. Brandes, "A faster algorithm for betweenness centrality", Journal of Mathematical
 * Sociology 25(2), 2001): from each source s, a breadth-first search counts the shortest paths σ(s, w) to each
 * person, and a pass over the people in reverse order of distance accumulates the dependencies
 * δ(s, v) = Σ σ(s, v) / σ(s, w) · (1 + δ(s, w)) over the w one hop further than v; a person's score is the sum of
 * their dependencies over all sources other than themselves, which counts each pair twice. O(V · (V + E)) time;
 * O(V) memory besides the graph: one int and three double arrays reused across sources, no predecessor lists
 * (predecessors are the neighbours one hop nearer the source).
 *
 * <p>Graphs of more than {@code exactUpTo} people are estimated from {@code samples} sources drawn uniformly
 * without replacement (U. Brandes and C. Pich, "Centrality estimation in large networks", International Journal of
 * Bifurcation and Chaos 17(7), 2007), in O(samples · (V + E)) time. Person v's n-1 possible sources give the
 * exact score as the mean of δ(s, v) over them, divided by n-2; the estimate is the mean over the m sampled
 * sources other than v, divided by n-2. So a person who was not drawn is scaled by (n-1)/m with m the number of
 * sources, and a drawn person by (n-1)/(m-1), exactly as networkx 3.6.1 rescales {@code k}-sampled betweenness
 * (older networkx, and Brandes and Pich, scale every person by n/m; both are unbiased). The standard error of each
 * estimate is that of a mean of m draws without replacement from n-1 values: the sample standard deviation of
 * the person's dependencies, over √m, times the finite-population correction √(1 - m/(n-1)), over n-2.
 *
 * <p>Sources are visited in a seeded random order, exact runs included, so that a run cut short by its deadline
 * has used a uniform sample; it then reports the sources used and scales by them. The deadline is checked before
 * each source, after the first two (a drawn person's estimate rests on the other sources), so a run may overrun it
 * by one source's search.
 */
public final class Betweenness {
    /** Sources used before the deadline is looked at, when there are that many. */
    static final int MIN_SOURCES = 2;

    /**
     * @param scores        the betweenness of each person, normalized: 0..1
     * @param standardError per person, the estimated standard error of the score: 0 when exact, and NaN where it
     *                      cannot be estimated (a drawn person when only two sources were used)
     * @param exact         true when every person was a source
     * @param truncated     true when the deadline stopped the run before its sources were all used
     * @param sources       the sources used
     * @param millis        wall-clock time of the run
     */
    public record Result(double[] scores, double[] standardError, boolean exact, boolean truncated, int sources,
                         long millis) {
    }

    private final int exactUpTo;
    private final int samples;
    private final long seed;

    /**
     * @param exactUpTo the most people for which every person is a source; not negative
     * @param samples   sources to draw for a larger graph (all when there are fewer people); at least 2, since a
     *                  drawn person's estimate rests on the other sources
     * @param seed      seed of the {@link Random} drawing the sources and their order
     */
    public Betweenness(int exactUpTo, int samples, long seed) {
        if (exactUpTo < 0) {
            throw new IllegalArgumentException("exactUpTo must not be negative, was " + exactUpTo);
        }
        if (samples < MIN_SOURCES) {
            throw new IllegalArgumentException("samples must be at least " + MIN_SOURCES + ", was " + samples);
        }
        this.exactUpTo = exactUpTo;
        this.samples = samples;
        this.seed = seed;
    }

    /** @return betweenness, exact or sampled by the size of the graph, without a deadline */
    public Result run(PeopleGraph g) {
        return run(g, Instant.MAX);
    }

    /**
     * @param deadline when to stop drawing further sources (at least two are used, when there are two)
     * @return betweenness, exact or sampled by the size of the graph
     */
    public Result run(PeopleGraph g, Instant deadline) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(deadline, "deadline");
        long started = System.nanoTime();
        int n = g.size();
        int k = n <= exactUpTo ? n : Math.min(samples, n);
        // The first k places of a partial Fisher-Yates shuffle: k people drawn uniformly without replacement, in order.
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return accumulate(g, Arrays.copyOf(order, k), deadline, started);
    }

    /**
     * @param sources distinct people, used in this order; at least two, or everyone in a smaller graph
     * @return betweenness estimated from the given sources (exact when they are everyone)
     */
    Result run(PeopleGraph g, int[] sources, Instant deadline) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(deadline, "deadline");
        if (sources.length < Math.min(MIN_SOURCES, g.size())) {
            throw new IllegalArgumentException("sources must hold at least " + MIN_SOURCES + " people, had "
                    + sources.length);
        }
        boolean[] seen = new boolean[g.size()];
        for (int s : sources) {
            if (s < 0 || s >= seen.length || seen[s]) {
                throw new IllegalArgumentException("sources must be distinct people of the graph, had " + s);
            }
            seen[s] = true;
        }
        return accumulate(g, sources, deadline, System.nanoTime());
    }

    private static Result accumulate(PeopleGraph g, int[] sources, Instant deadline, long started) {
        int n = g.size();
        int[] dist = new int[n];
        int[] queue = new int[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        double[] sum = new double[n];
        double[] sumOfSquares = new double[n];
        boolean[] drawn = new boolean[n];
        Arrays.fill(dist, -1);
        int used = 0;
        while (used < sources.length) {
            if (used >= MIN_SOURCES && !Instant.now().isBefore(deadline)) {
                break;
            }
            int s = sources[used++];
            drawn[s] = true;
            // Breadth-first search from s: distances, shortest-path counts, and the people in order of distance.
            int tail = 0;
            queue[tail++] = s;
            dist[s] = 0;
            sigma[s] = 1;
            for (int head = 0; head < tail; head++) {
                int v = queue[head];
                int next = dist[v] + 1;
                for (int e = g.start(v), end = g.end(v); e < end; e++) {
                    int w = g.target(e);
                    if (dist[w] < 0) {
                        dist[w] = next;
                        queue[tail++] = w;
                    }
                    if (dist[w] == next) {
                        sigma[w] += sigma[v];
                    }
                }
            }
            // Dependencies, farthest first; each person passes its share on to its predecessors, one hop nearer s.
            for (int i = tail - 1; i > 0; i--) {
                int w = queue[i];
                double share = (1 + delta[w]) / sigma[w];
                int previous = dist[w] - 1;
                for (int e = g.start(w), end = g.end(w); e < end; e++) {
                    int v = g.target(e);
                    if (dist[v] == previous) {
                        delta[v] += sigma[v] * share;
                    }
                }
                sum[w] += delta[w];
                sumOfSquares[w] += delta[w] * delta[w];
            }
            for (int i = 0; i < tail; i++) {
                int v = queue[i];
                dist[v] = -1;
                sigma[v] = 0;
                delta[v] = 0;
            }
        }
        double[] scores = new double[n];
        double[] standardError = new double[n];
        boolean exact = used == n;
        if (n > 2) {
            for (int v = 0; v < n; v++) {
                int m = drawn[v] ? used - 1 : used;
                double mean = sum[v] / m;
                scores[v] = mean / (n - 2);
                if (m == n - 1) {
                    continue;
                }
                if (m < 2) {
                    standardError[v] = Double.NaN;
                    continue;
                }
                double variance = Math.max(0, (sumOfSquares[v] - sum[v] * mean) / (m - 1));
                standardError[v] = Math.sqrt(variance / m * (1 - m / (double) (n - 1))) / (n - 2);
            }
        }
        return new Result(scores, standardError, exact, used < sources.length, used,
                (System.nanoTime() - started) / 1_000_000);
    }
}
