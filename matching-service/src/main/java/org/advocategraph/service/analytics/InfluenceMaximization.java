package org.advocategraph.service.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Recruitment under the independent cascade model, by IMM (Tang, Shi and Xiao, "Influence Maximization in
 * Near-Linear Time: A Martingale Approach", SIGMOD 2015).
 *
 * <p>The cascade runs along voice: once a person is active, each person who hears them becomes active with the
 * tie's probability, once. By default the probability is the weighted cascade (Kempe, Kleinberg and Tardos, KDD
 * 2003; Chen, Wang and Yang, KDD 2009): p(u, v) = the strength of v's attention to u divided by the sum of the
 * strengths of everyone v attends to (1 / their number when those strengths are all 0); or one uniform
 * probability for every tie.
 *
 * <p>IMM samples reverse-reachable (RR) sets: the people whose cascade would reach a person chosen uniformly at
 * random. The share of RR sets a set of people meets, times the number of people, estimates their expected spread.
 * Since the base is enlisted already, an RR set met by the base counts for the base and is not kept; greedy maximum
 * coverage over the others picks the people with the largest marginal spread. With enough RR sets (the number IMM
 * derives from a lower bound of the optimum, found by its own sampling phase), the picks are within
 * (1 - 1/e - epsilon) of the best with probability at least 1 - 1/n^l. Expected time O((k + l)(n + m) log n /
 * epsilon²). The RR sets keep only candidates, and at most {@code maxEntries} of them in all; when that bound or
 * the deadline stops sampling early, the answer reports the epsilon the RR sets drawn achieve, or that the
 * guarantee does not hold. Deterministic for a given seed.
 */
public final class InfluenceMaximization implements Recruitment {
    /** The most entries the RR sets may hold: they live in one int array. */
    public static final long MAX_ENTRIES = Integer.MAX_VALUE - 16;
    private static final double ONE_MINUS_1_E = 1 - 1 / Math.E;

    private final PeopleGraph graph;
    private final double probability;
    private final double epsilon;
    private final double l;
    private final long seed;
    private final long maxEntries;

    /**
     * @param graph       the projection
     * @param probability a uniform tie probability in (0, 1], or NaN for the weighted cascade
     * @param epsilon     the approximation slack, in (0, 1)
     * @param l           the confidence exponent (the guarantee holds with probability 1 - 1/n^l), positive
     * @param seed        the random seed
     * @param maxEntries  the most candidate entries all RR sets together may hold
     */
    public InfluenceMaximization(PeopleGraph graph, double probability, double epsilon, double l, long seed,
                                 long maxEntries) {
        if (!Double.isNaN(probability) && !(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1], was " + probability);
        }
        if (!(epsilon > 0 && epsilon < 1)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1), was " + epsilon);
        }
        if (!(l > 0) || maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new IllegalArgumentException("l must be positive and maxEntries in 1.." + MAX_ENTRIES);
        }
        this.graph = graph;
        this.probability = probability;
        this.epsilon = epsilon;
        this.l = l;
        this.seed = seed;
        this.maxEntries = maxEntries;
    }

    @Override
    public Result select(int[] base, int[] candidates, int k, Instant deadline) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        int n = graph.size();
        Map<String, Object> details = new LinkedHashMap<>();
        if (n < 2 || candidates.length == 0) {
            details.put("rrSets", 0);
            return new Result(List.of(), 0, details, false);
        }
        Sampler sampler = new Sampler(base, candidates);
        int kk = Math.min(k, candidates.length);
        double logN = Math.log(n);
        // IMM's l is raised so that both of its phases together hold with probability 1 - 1/n^l.
        double ll = l * (1 + Math.log(2) / logN);
        double logBinom = logBinomial(candidates.length, kk);
        double epsPrime = Math.sqrt(2) * epsilon;
        double lambdaPrime = (2 + 2.0 / 3 * epsPrime) * (logBinom + ll * logN + Math.log(Math.log(n) / Math.log(2)))
                * n / (epsPrime * epsPrime);
        double lowerBound = 1;
        boolean stopped = false;
        for (int i = 1; i < Math.log(n) / Math.log(2); i++) {
            double x = n / Math.pow(2, i);
            if (!sampler.sampleUntil((long) Math.ceil(lambdaPrime / x), deadline)) {
                stopped = true;
                break;
            }
            double covered = sampler.select(kk).cumulative();
            if (n * covered / sampler.sets >= (1 + epsPrime) * x) {
                lowerBound = n * covered / sampler.sets / (1 + epsPrime);
                break;
            }
        }
        double alpha = Math.sqrt(ll * logN + Math.log(2));
        double beta = Math.sqrt(ONE_MINUS_1_E * (logBinom + ll * logN + Math.log(2)));
        double lambdaStar = 2 * n * Math.pow(ONE_MINUS_1_E * alpha + beta, 2) / (epsilon * epsilon);
        long theta = (long) Math.ceil(lambdaStar / lowerBound);
        if (!stopped) {
            stopped = !sampler.sampleUntil(theta, deadline);
        }
        Selection s = sampler.select(kk);
        List<Pick> picks = new ArrayList<>();
        double scale = n / (double) sampler.sets;
        for (int i = 0; i < s.people().length; i++) {
            picks.add(new Pick(s.people()[i], s.gains()[i] * scale, s.cumulativeAt(i) * scale));
        }
        // The epsilon the drawn RR sets achieve: lambdaStar(eps) / lowerBound = sets, solved for eps.
        double achieved = Math.sqrt(2 * n * Math.pow(ONE_MINUS_1_E * alpha + beta, 2) / (lowerBound * sampler.sets));
        details.put("rrSets", sampler.sets);
        details.put("rrSetsMetByBase", sampler.metByBase);
        details.put("rrEntries", sampler.entries);
        details.put("rrSetsRequired", theta);
        details.put("optimumLowerBound", lowerBound);
        details.put("epsilonAchieved", stopped ? Math.min(achieved, 1e9) : epsilon);
        details.put("guaranteeHolds", !stopped || achieved < ONE_MINUS_1_E);
        details.put("stoppedBy", !stopped ? "nothing" : sampler.full() ? "maxEntries" : "deadline");
        details.put("lAdjusted", ll);
        return new Result(picks, sampler.metByBase * scale, details, stopped);
    }

    /** @return log of n choose k */
    static double logBinomial(int n, int k) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.log((n - i) / (double) (i + 1));
        }
        return sum;
    }

    /** Greedy picks over the RR sets: people, the RR sets each newly met, and their running total. */
    private record Selection(int[] people, long[] gains) {
        long cumulative() {
            return cumulativeAt(people.length - 1);
        }

        long cumulativeAt(int i) {
            long sum = 0;
            for (int j = 0; j <= i; j++) {
                sum += gains[j];
            }
            return sum;
        }
    }

    /** Draws RR sets and keeps those the base does not meet, as candidate lists in one flat array. */
    private final class Sampler {
        private final boolean[] inBase;
        private final boolean[] isCandidate;
        /** Per entry of a person v for u: the probability that u, once active, activates v; 0 without attention. */
        private final float[] activation;
        private final SplittableRandom random = new SplittableRandom(seed);
        private final int[] mark;
        private final int[] queue;
        private int stamp;
        private int[] items = new int[1024];
        private long[] setStart = new long[1024];
        private int kept;
        long sets;
        long metByBase;
        long entries;

        Sampler(int[] base, int[] candidates) {
            int n = graph.size();
            inBase = new boolean[n];
            for (int b : base) {
                inBase[b] = true;
            }
            isCandidate = new boolean[n];
            for (int c : candidates) {
                isCandidate[c] = true;
            }
            activation = new float[n == 0 ? 0 : graph.end(n - 1)];
            for (int v = 0; v < n; v++) {
                double sum = 0;
                int count = 0;
                for (int e = graph.start(v); e < graph.end(v); e++) {
                    if (graph.has(e, PeopleGraph.ATTENTION)) {
                        sum += graph.strength(e);
                        count++;
                    }
                }
                for (int e = graph.start(v); e < graph.end(v); e++) {
                    if (graph.has(e, PeopleGraph.ATTENTION)) {
                        activation[e] = (float) (!Double.isNaN(probability) ? probability
                                : sum > 0 ? graph.strength(e) / sum : 1.0 / count);
                    }
                }
            }
            mark = new int[n];
            queue = new int[n];
        }

        /** @return true when the kept RR sets hold {@code maxEntries}, counting one per set for its start */
        boolean full() {
            return entries + kept >= maxEntries;
        }

        /** @return false when the deadline or the entry bound stopped sampling before {@code target} sets */
        boolean sampleUntil(long target, Instant deadline) {
            while (sets < target) {
                if (full() || ((sets & 255) == 0 && Instant.now().isAfter(deadline))) {
                    return false;
                }
                draw();
            }
            return true;
        }

        private void draw() {
            int n = graph.size();
            if (stamp == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                stamp = 0;
            }
            stamp++;
            int root = random.nextInt(n);
            sets++;
            int head = 0;
            int tail = 0;
            mark[root] = stamp;
            queue[tail++] = root;
            boolean base = inBase[root];
            while (head < tail && !base) {
                int v = queue[head++];
                for (int e = graph.start(v), end = graph.end(v); e < end; e++) {
                    float p = activation[e];
                    if (p == 0) {
                        continue;
                    }
                    int u = graph.target(e);
                    if (mark[u] == stamp) {
                        continue;
                    }
                    if (p >= 1 || random.nextDouble() < p) {
                        mark[u] = stamp;
                        if (inBase[u]) {
                            base = true;
                            break;
                        }
                        queue[tail++] = u;
                    }
                }
            }
            if (base) {
                metByBase++;
                return;
            }
            if (kept + 1 >= setStart.length) {
                setStart = Arrays.copyOf(setStart, setStart.length * 2);
            }
            setStart[kept] = entries;
            for (int i = 0; i < tail; i++) {
                int u = queue[i];
                if (isCandidate[u]) {
                    if (entries == items.length) {
                        items = Arrays.copyOf(items, (int) Math.min(Integer.MAX_VALUE - 8, 2L * items.length));
                    }
                    items[(int) entries++] = u;
                }
            }
            kept++;
            setStart[kept] = entries;
        }

        /** Greedy maximum coverage of the kept RR sets: O(entries + k · people). */
        Selection select(int k) {
            int n = graph.size();
            int[] count = new int[n + 1];
            for (long i = 0; i < entries; i++) {
                count[items[(int) i] + 1]++;
            }
            int[] degree = new int[n];
            for (int v = 0; v < n; v++) {
                degree[v] = count[v + 1];
                count[v + 1] += count[v];
            }
            int[] position = Arrays.copyOf(count, n);
            int[] setsOf = new int[(int) entries];
            for (int s = 0; s < kept; s++) {
                for (long i = setStart[s]; i < setStart[s + 1]; i++) {
                    setsOf[position[items[(int) i]]++] = s;
                }
            }
            boolean[] met = new boolean[kept];
            int[] people = new int[k];
            long[] gains = new long[k];
            boolean[] picked = new boolean[n];
            for (int j = 0; j < k; j++) {
                int best = -1;
                for (int v = 0; v < n; v++) {
                    if (isCandidate[v] && !picked[v] && (best < 0 || degree[v] > degree[best]
                            || degree[v] == degree[best] && graph.id(v).compareTo(graph.id(best)) < 0)) {
                        best = v;
                    }
                }
                if (best < 0) {
                    return new Selection(Arrays.copyOf(people, j), Arrays.copyOf(gains, j));
                }
                picked[best] = true;
                people[j] = best;
                gains[j] = degree[best];
                for (int i = count[best]; i < count[best + 1]; i++) {
                    int s = setsOf[i];
                    if (!met[s]) {
                        met[s] = true;
                        for (long x = setStart[s]; x < setStart[s + 1]; x++) {
                            degree[items[(int) x]]--;
                        }
                    }
                }
            }
            return new Selection(people, gains);
        }
    }
}
