package org.advocategraph.service.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * Several random starts, run in parallel on the available cores, each of at most {@value #ITERATIONS} Leiden
 * iterations, stopping early once an iteration changes nothing or gains less than {@value #TOLERANCE} modularity;
 * the start with the highest modularity wins (the earliest among equals). Start i draws from its own generator
 * derived from the seed, so the seed, the number of starts run and their iterations fix the result, whatever the
 * threads. Once a time budget has passed since detection began, no new start and no new iteration begins (the
 * first start always runs, a start always runs its first iteration, and iterations already running finish): on a large graph the
 * starts that fit side by side on the cores run, as many iterations as fit, on a small one all of them to
 * convergence; the result says how many starts ran, how many iterations the winner ran, and whether every start
 * that ran converged. The first iteration finds most of the modularity (on a 1M-person generated graph 0.611 of
 * the 0.660 that ten reach, in a fifth of their time). Each iteration is about O(E); memory: the library's copy of
 * the adjacency (12 bytes per entry) besides the projection, and one partition (4 bytes per person) per start.
 *
 * <p>Communities are numbered from the largest (0) down. A person without ties is a community of their own.
 */
public final class Communities {
    /** Most Leiden iterations per random start (its authors' runner uses 10 as well). */
    static final int ITERATIONS = 10;
    /** A start stops before its last iteration once an iteration gains less modularity than this. */
    static final double TOLERANCE = 1e-4;
    /** Past this time since detection began, no new start begins. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(5);

    /** Odd constant spreading the seeds of the starts (the golden ratio in 64 bits, as in SplittableRandom). */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /**
     * @param community    each person's community, 0 for the largest
     * @param count        how many communities
     * @param sizes        people per community
     * @param modularity   the modularity of the partition, at the resolution asked for
     * @param randomStarts how many random starts ran: fewer than asked when the time budget ran out
     * @param iterations   how many Leiden iterations the winning start ran
     * @param converged    true when every start that ran stopped on its own (an iteration changed nothing, gained
     *                     too little, or the last allowed one ran); false when the time budget cut one short
     * @param millis       time taken
     */
    public record Result(int[] community, int count, int[] sizes, double modularity, int randomStarts, int iterations,
                         boolean converged, long millis) {
    }

    /** One start's partition, how many iterations it ran, and whether it stopped on its own. */
    private record Start(int[] clusters, int iterations, boolean converged) {
    }

    private final double resolution;
    private final int randomStarts;
    private final long seed;
    private final Duration budget;
    private final int threads;

    /**
     * Communities with the {@link #DEFAULT_BUDGET default budget}, the starts run on every available core.
     *
     * @param resolution   γ, positive: 1 is classic modularity; larger finds smaller communities
     * @param randomStarts how many starts, at least 1
     * @param seed         the seed of the random choices
     */
    public Communities(double resolution, int randomStarts, long seed) {
        this(resolution, randomStarts, seed, DEFAULT_BUDGET, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param resolution   γ, positive: 1 is classic modularity; larger finds smaller communities
     * @param randomStarts how many starts, at least 1
     * @param seed         the seed of the random choices: start i draws from its own generator derived from it,
     *                     so the partition depends on the seed and the starts run, never on the threads
     * @param budget       once this much time has passed since detection began, no new start and no
     *                     iteration after a start's first begins (one start always runs)
     * @param threads      how many starts run at once, at least 1
     */
    public Communities(double resolution, int randomStarts, long seed, Duration budget, int threads) {
        if (!(resolution > 0)) {
            throw new IllegalArgumentException("resolution must be positive, was " + resolution);
        }
        if (randomStarts < 1) {
            throw new IllegalArgumentException("randomStarts must be at least 1, was " + randomStarts);
        }
        if (budget == null || budget.isNegative()) {
            throw new IllegalArgumentException("budget must be zero or more, was " + budget);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.resolution = resolution;
        this.randomStarts = randomStarts;
        this.seed = seed;
        this.budget = budget;
        this.threads = threads;
    }

    /** @return the communities of the graph */
    public Result detect(PeopleGraph g) {
        long started = System.nanoTime();
        int n = g.size();
        if (n == 0) {
            return new Result(new int[0], 0, new int[0], 0, 0, 0, true, 0);
        }
        double[] weights = weights(g);
        Network network = network(g, weights);
        int[] best = new int[n];
        for (int u = 0; u < n; u++) {
            best[u] = u;
        }
        double bestQuality = modularity(g, weights, best);
        int ran = 0;
        int iterations = 0;
        boolean converged = true;
        double total = network.getTotalEdgeWeight();
        if (total > 0) {
            Start[] found = starts(g, weights, network, total, started + budget.toNanos());
            // The best start, the earliest among equals: the same whatever order the starts finished in.
            for (Start start : found) {
                if (start == null) {
                    continue;
                }
                ran++;
                converged &= start.converged();
                double q = modularity(g, weights, start.clusters());
                if (q > bestQuality) {
                    bestQuality = q;
                    best = start.clusters();
                    iterations = start.iterations();
                }
            }
        }
        Clustering ordered = new Clustering(best);
        ordered.orderClustersByNNodes();
        return new Result(ordered.getClusters(), ordered.getNClusters(), ordered.getNNodesPerCluster(),
                modularity(g, weights, ordered.getClusters()), ran, iterations, converged,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Runs the starts, at most {@link #threads} at once, each on the shared network (which Leiden only reads) with
     * a generator of its own.
     *
     * @param deadline the {@link System#nanoTime} past which no start or iteration begins
     * @return each start, null for a start the budget left out
     */
    private Start[] starts(PeopleGraph g, double[] weights, Network network, double total, long deadline) {
        Start[] found = new Start[randomStarts];
        Runnable[] runs = new Runnable[randomStarts];
        for (int s = 0; s < randomStarts; s++) {
            int start = s;
            runs[s] = () -> {
                if (start > 0 && System.nanoTime() - deadline >= 0) {
                    return;
                }
                found[start] = run(g, weights, network, total, new Random(seed + start * GOLDEN), deadline);
            };
        }
        int workers = Math.min(threads, randomStarts);
        if (workers == 1) {
            for (Runnable r : runs) {
                r.run();
            }
            return found;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "leiden");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : runs) {
                futures.add(pool.submit(r));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding communities", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return found;
    }

    /**
     * @param deadline past this {@link System#nanoTime}, no iteration after the first begins
     * @return one start: Leiden iterations until one changes nothing or gains too little, or the deadline passes
     */
    private Start run(PeopleGraph g, double[] weights, Network network, double total, Random random, long deadline) {
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution / (2 * total), 1, LeidenAlgorithm.DEFAULT_RANDOMNESS,
                random);
        Clustering clustering = new Clustering(network.getNNodes());
        double q = modularity(g, weights, clustering.getClusters());
        for (int i = 0; i < ITERATIONS; i++) {
            if (i > 0 && System.nanoTime() - deadline >= 0) {
                return new Start(clustering.getClusters(), i, false);
            }
            if (!leiden.improveClustering(network, clustering)) {
                return new Start(clustering.getClusters(), i + 1, true);
            }
            double next = modularity(g, weights, clustering.getClusters());
            boolean enough = next - q < TOLERANCE;
            q = next;
            if (enough) {
                return new Start(clustering.getClusters(), i + 1, true);
            }
        }
        return new Start(clustering.getClusters(), ITERATIONS, true);
    }

    /**
     * The library's copy of the graph, without the entries of weight 0 (ties of strength 0): they add nothing to
     * modularity, and the library takes a weight of 0 for "no edge yet" when it merges communities
     * ({@code Network.createReducedNetwork}), so that two of them from one community to another overflow its arrays
     * (an {@link ArrayIndexOutOfBoundsException}).
     */
    private static Network network(PeopleGraph g, double[] weights) {
        int n = g.size();
        int kept = 0;
        for (double w : weights) {
            if (w > 0) {
                kept++;
            }
        }
        long[] first = new long[n + 1];
        int[] neighbours = new int[kept];
        double[] edgeWeights = new double[kept];
        int k = 0;
        for (int u = 0; u < n; u++) {
            first[u] = k;
            for (int e = g.start(u); e < g.end(u); e++) {
                if (weights[e] > 0) {
                    neighbours[k] = g.target(e);
                    edgeWeights[k++] = weights[e];
                }
            }
        }
        first[n] = k;
        return new Network(n, true, first, new LargeIntArray(neighbours), new LargeDoubleArray(edgeWeights), false);
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
