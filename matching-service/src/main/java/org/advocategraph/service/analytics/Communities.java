package org.advocategraph.service.analytics;

import java.util.Random;

import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;

/**
 * Communities of the people-and-ties graph: the Leiden algorithm (Traag, Waltman and van Eck, "From Louvain to
 * Leiden: guaranteeing well-connected communities", Scientific Reports 9, 2019) maximizing modularity, by its
 * authors' library ({@code nl.cwts:networkanalysis}).
 *
 * <p>The graph is undirected, each pair of tied people weighted by its {@link PeopleGraph#weight symmetric
 * strength} (every weight 1 if all strengths are 0). Modularity with resolution γ is
 * {@code Q = Σ_c [ w_c / m - γ (d_c / 2m)² ]} for the weight {@code w_c} inside community c, the total weighted
 * degree {@code d_c} of its members and the total weight {@code m}; Leiden maximizes it as the constant Potts model
 * with node weights equal to weighted degrees and resolution {@code γ / 2m}, as the library's own runner does.
 * Several random starts, each of {@value #ITERATIONS} Leiden iterations; the start with the highest modularity
 * wins. The seed fixes the result. Each iteration is about O(E); memory: the library's copy of the adjacency
 * (12 bytes per entry) besides the projection.
 *
 * <p>Communities are numbered from the largest (0) down. A person without ties is a community of their own.
 */
public final class Communities {
    /** Leiden iterations per random start (its authors' runner uses 10 as well). */
    static final int ITERATIONS = 10;

    /**
     * @param community  each person's community, 0 for the largest
     * @param count      how many communities
     * @param sizes      people per community
     * @param modularity the modularity of the partition, at the resolution asked for
     * @param millis     time taken
     */
    public record Result(int[] community, int count, int[] sizes, double modularity, long millis) {
    }

    private final double resolution;
    private final int randomStarts;
    private final long seed;

    /**
     * @param resolution   γ, positive: 1 is classic modularity; larger finds smaller communities
     * @param randomStarts how many starts, at least 1
     * @param seed         the seed of the random choices
     */
    public Communities(double resolution, int randomStarts, long seed) {
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("resolution must be positive, was " + resolution);
        }
        if (randomStarts < 1) {
            throw new IllegalArgumentException("randomStarts must be at least 1, was " + randomStarts);
        }
        this.resolution = resolution;
        this.randomStarts = randomStarts;
        this.seed = seed;
    }

    /** @return the communities of the graph */
    public Result detect(PeopleGraph g) {
        long started = System.nanoTime();
        int n = g.size();
        if (n == 0) {
            return new Result(new int[0], 0, new int[0], 0, 0);
        }
        double[] weights = weights(g);
        long[] first = new long[n + 1];
        int[] neighbours = new int[weights.length];
        for (int u = 0; u < n; u++) {
            first[u] = g.start(u);
            for (int e = g.start(u); e < g.end(u); e++) {
                neighbours[e] = g.target(e);
            }
        }
        first[n] = weights.length;
        Network network = new Network(n, true, first, new LargeIntArray(neighbours), new LargeDoubleArray(weights), false);
        int[] best = new int[n];
        for (int u = 0; u < n; u++) {
            best[u] = u;
        }
        double bestQuality = modularity(g, weights, best);
        double total = network.getTotalEdgeWeight();
        if (total > 0) {
            Random random = new Random(seed);
            for (int s = 0; s < randomStarts; s++) {
                LeidenAlgorithm leiden = new LeidenAlgorithm(resolution / (2 * total), ITERATIONS,
                        LeidenAlgorithm.DEFAULT_RANDOMNESS, random);
                Clustering c = leiden.findClustering(network);
                int[] found = c.getClusters();
                double q = modularity(g, weights, found);
                if (q > bestQuality) {
                    bestQuality = q;
                    best = found.clone();
                }
            }
        }
        Clustering ordered = new Clustering(best);
        ordered.orderClustersByNNodes();
        return new Result(ordered.getClusters(), ordered.getNClusters(), ordered.getNNodesPerCluster(),
                modularity(g, weights, ordered.getClusters()), (System.nanoTime() - started) / 1_000_000);
    }

    /** @return each entry's symmetric weight; all 1 when every strength is 0 */
    private static double[] weights(PeopleGraph g) {
        int entries = g.end(g.size() - 1);
        double[] w = new double[entries];
        boolean any = false;
        for (int u = 0; u < g.size(); u++) {
            for (int e = g.start(u); e < g.end(u); e++) {
                w[e] = g.weight(u, e);
                any |= w[e] > 0;
            }
        }
        if (!any) {
            java.util.Arrays.fill(w, 1.0);
        }
        return w;
    }

    /**
     * The modularity at this resolution of any partition of the graph (one found elsewhere, for comparison), with
     * the symmetric strengths {@link #detect} weighs ties by. O(V + E log(max degree)).
     *
     * @param community each person's community, from 0
     * @return the modularity
     */
    public double modularity(PeopleGraph g, int[] community) {
        if (community.length != g.size()) {
            throw new IllegalArgumentException("a partition of " + g.size() + " people, not " + community.length);
        }
        return g.size() == 0 ? 0 : modularity(g, weights(g), community);
    }

    /** @return the modularity at this resolution of a partition given as each person's community */
    double modularity(PeopleGraph g, double[] weights, int[] community) {
        int n = g.size();
        int k = 0;
        for (int c : community) {
            k = Math.max(k, c + 1);
        }
        double[] inside = new double[k];
        double[] degree = new double[k];
        double twiceM = 0;
        for (int u = 0; u < n; u++) {
            for (int e = g.start(u); e < g.end(u); e++) {
                twiceM += weights[e];
                degree[community[u]] += weights[e];
                if (community[g.target(e)] == community[u]) {
                    inside[community[u]] += weights[e];
                }
            }
        }
        if (twiceM == 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < k; c++) {
            q += inside[c] / twiceM - resolution * (degree[c] / twiceM) * (degree[c] / twiceM);
        }
        return q;
    }
}
