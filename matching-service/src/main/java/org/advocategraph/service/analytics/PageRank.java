package org.advocategraph.service.analytics;

import java.util.Arrays;

/**
 * Weighted PageRank over a {@link PeopleGraph}, optionally personalized: influence as the attention people
 * receive. A walker at person u follows one of u's attention entries with probability proportional to its
 * strength, with probability {@code damping}, and otherwise jumps to a person drawn from the teleport
 * distribution (uniform, or the given seeds). A person with no attention entries of positive strength (dangling)
 * jumps by the teleport distribution. This is the definition networkx's {@code pagerank} implements, with
 * {@code weight="strength"}.
 *
 * <p>Power iteration, pushing along attention entries, until the L1 change falls below {@code tolerance}, or
 * {@code maxIterations}. O(iterations · (V + E)) time, three double arrays of V.
 */
public final class PageRank {
    /** The usual damping factor. */
    public static final double DEFAULT_DAMPING = 0.85;

    /**
     * @param scores     the score of each person, summing to 1
     * @param iterations iterations run
     * @param converged  false when {@code maxIterations} ran out first
     * @param change     the L1 change in the last iteration
     */
    public record Result(double[] scores, int iterations, boolean converged, double change) {
    }

    private final double damping;
    private final double tolerance;
    private final int maxIterations;

    /**
     * @param damping       probability of following a tie, in [0, 1)
     * @param tolerance     L1 change at which to stop, positive
     * @param maxIterations most iterations, at least 1
     */
    public PageRank(double damping, double tolerance, int maxIterations) {
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be in [0, 1), was " + damping);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive, was " + maxIterations);
        }
        this.damping = damping;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** @return PageRank with teleport to everyone alike */
    public Result run(PeopleGraph g) {
        int n = g.size();
        double[] teleport = new double[n];
        Arrays.fill(teleport, n == 0 ? 0 : 1.0 / n);
        return run(g, teleport);
    }

    /**
     * @param seeds people to teleport to, alike; not empty
     * @return PageRank personalized to the seeds
     */
    public Result personalized(PeopleGraph g, int[] seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("personalized PageRank needs at least one seed");
        }
        double[] teleport = new double[g.size()];
        for (int s : seeds) {
            teleport[s] = 1;
        }
        double sum = 0;
        for (double t : teleport) {
            sum += t;
        }
        for (int i = 0; i < teleport.length; i++) {
            teleport[i] /= sum;
        }
        return run(g, teleport);
    }

    private Result run(PeopleGraph g, double[] teleport) {
        int n = g.size();
        if (n == 0) {
            return new Result(new double[0], 0, true, 0);
        }
        // Each person's total attention strength; 0 means dangling.
        double[] outWeight = new double[n];
        for (int u = 0; u < n; u++) {
            double w = 0;
            for (int e = g.start(u); e < g.end(u); e++) {
                if (g.has(e, PeopleGraph.ATTENTION)) {
                    w += g.strength(e);
                }
            }
            outWeight[u] = w;
        }
        double[] rank = teleport.clone();
        double[] next = new double[n];
        double change = Double.MAX_VALUE;
        int iteration = 0;
        while (iteration < maxIterations && change >= tolerance) {
            Arrays.fill(next, 0);
            double dangling = 0;
            for (int u = 0; u < n; u++) {
                if (outWeight[u] <= 0) {
                    dangling += rank[u];
                    continue;
                }
                double share = rank[u] / outWeight[u];
                for (int e = g.start(u); e < g.end(u); e++) {
                    if (g.has(e, PeopleGraph.ATTENTION)) {
                        next[g.target(e)] += share * g.strength(e);
                    }
                }
            }
            change = 0;
            for (int v = 0; v < n; v++) {
                next[v] = damping * (next[v] + dangling * teleport[v]) + (1 - damping) * teleport[v];
                change += Math.abs(next[v] - rank[v]);
            }
            double[] t = rank;
            rank = next;
            next = t;
            iteration++;
        }
        return new Result(rank, iteration, change < tolerance, change);
    }
}
