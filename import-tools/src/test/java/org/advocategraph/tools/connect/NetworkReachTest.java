package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.service.analytics.InfluenceMaximization;
import org.advocategraph.service.analytics.PeopleGraph;
import org.advocategraph.service.analytics.ProjectedReach;
import org.advocategraph.service.analytics.ProjectionLoader;
import org.advocategraph.service.analytics.Recruitment;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * Reach and the cascade recruitment on real networks, along the product's path (converted by {@code import edges},
 * imported, projected): the projection's reach equals the store walk and a plain search over the imported ties, and
 * IMM's estimated spread equals a Monte Carlo simulation of the cascade within its error.
 */
class NetworkReachTest {
    private static final Path NETWORKS = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("networks");

    @TempDir
    Path dir;

    private TinkerPopGraphStore load(String file, boolean directed) {
        Path out = dir.resolve("converted");
        new EdgeListConverter(new EdgeListOptions(directed, null, false, false)).convert(NETWORKS.resolve(file), null, out);
        return Imports.load(out);
    }

    /** @return person -> the people who hear them: followers, and partners in mutual ties */
    private static Map<String, Set<String>> audiences(TinkerPopGraphStore store) {
        Map<String, Set<String>> audience = new HashMap<>();
        store.scan(Tie.class, 10_000, batch -> {
            for (Tie t : batch) {
                audience.computeIfAbsent(t.toId(), k -> new HashSet<>()).add(t.fromId());
                if (t.kind() != TieKind.FOLLOWS) {
                    audience.computeIfAbsent(t.fromId(), k -> new HashSet<>()).add(t.toId());
                }
            }
        });
        return audience;
    }

    private static int plainReach(Map<String, Set<String>> audience, Set<String> seeds, int hops) {
        Map<String, Integer> depth = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>(seeds);
        seeds.forEach(s -> depth.put(s, 0));
        while (!queue.isEmpty()) {
            String u = queue.poll();
            for (String v : depth.get(u) < hops ? audience.getOrDefault(u, Set.of()) : Set.<String>of()) {
                if (depth.putIfAbsent(v, depth.get(u) + 1) == null) {
                    queue.add(v);
                }
            }
        }
        return depth.size() - seeds.size();
    }

    @ParameterizedTest
    @CsvSource({"karate_zachary_edges.tsv, false", "les_miserables_edges.tsv, false", "CollegeMsg.txt.gz, true"})
    void shouldReachAsAPlainSearchDoes(String file, boolean directed) {
        try (TinkerPopGraphStore store = load(file, directed)) {
            PeopleGraph g = ProjectionLoader.load(store);
            Map<String, Set<String>> audience = audiences(store);
            ProjectedReach walker = new ProjectedReach(g);
            SplittableRandom random = new SplittableRandom(5);
            for (int size : new int[] {1, 3, 10}) {
                Set<String> seeds = new HashSet<>();
                while (seeds.size() < size) {
                    seeds.add(g.id(random.nextInt(g.size())));
                }
                int[] numbers = seeds.stream().mapToInt(g::indexOf).toArray();
                for (int hops = 1; hops <= 3; hops++) {
                    int reach = walker.walk(numbers, numbers.length, hops);
                    assertEquals(plainReach(audience, seeds, hops), reach, file + " " + seeds + " hops " + hops);
                }
            }
        }
    }

    /** @return the mean number of people a weighted cascade from the seeds activates, over {@code runs} runs */
    private static double simulate(PeopleGraph g, int[] seeds, int runs, long seed) {
        double[] attention = new double[g.size()];
        for (int v = 0; v < g.size(); v++) {
            for (int e = g.start(v); e < g.end(v); e++) {
                if (g.has(e, PeopleGraph.ATTENTION)) {
                    attention[v] += g.strength(e);
                }
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        for (int run = 0; run < runs; run++) {
            boolean[] active = new boolean[g.size()];
            List<Integer> frontier = new ArrayList<>();
            for (int s : seeds) {
                active[s] = true;
                frontier.add(s);
            }
            int count = seeds.length;
            while (!frontier.isEmpty()) {
                List<Integer> next = new ArrayList<>();
                for (int u : frontier) {
                    // u's voice entries are the people who hear u; each tries once, with p = their attention to u.
                    for (int e = g.start(u); e < g.end(u); e++) {
                        int v = g.target(e);
                        if (g.has(e, PeopleGraph.VOICE) && !active[v]) {
                            double p = strengthOfAttention(g, v, u) / attention[v];
                            if (random.nextDouble() < p) {
                                active[v] = true;
                                next.add(v);
                                count++;
                            }
                        }
                    }
                }
                frontier = next;
            }
            total += count;
        }
        return total / (double) runs;
    }

    private static double strengthOfAttention(PeopleGraph g, int v, int u) {
        for (int e = g.start(v); e < g.end(v); e++) {
            if (g.target(e) == u && g.has(e, PeopleGraph.ATTENTION)) {
                return g.strength(e);
            }
        }
        throw new IllegalStateException(g.id(v) + " does not attend to " + g.id(u));
    }

    @ParameterizedTest
    @CsvSource({"karate_zachary_edges.tsv, false, 2000", "CollegeMsg.txt.gz, true, 300"})
    void shouldEstimateTheCascadeSpreadOfItsPicksAsASimulationDoes(String file, boolean directed, int runs) {
        try (TinkerPopGraphStore store = load(file, directed)) {
            PeopleGraph g = ProjectionLoader.load(store);
            int[] everyone = IntStream.range(0, g.size()).toArray();
            double epsilon = 0.2;
            Recruitment.Result r = new InfluenceMaximization(g, Double.NaN, epsilon, 1, 42, 50_000_000)
                    .select(new int[0], everyone, 5, Instant.now().plusSeconds(120));
            assertTrue((boolean) r.details().get("guaranteeHolds"), r.details().toString());
            int[] picks = r.picks().stream().mapToInt(Recruitment.Pick::person).toArray();
            double simulated = simulate(g, picks, runs, 1);
            double estimated = r.picks().get(picks.length - 1).cumulative();
            System.out.printf("IMM %s: %d people, spread of 5 picks estimated %.2f, simulated %.2f, %s RR sets%n", file,
                    g.size(), estimated, simulated, r.details().get("rrSets"));
            // IMM's estimate of its own picks is within (1 + epsilon) of the truth (Tang et al., Lemma 3 and 6).
            assertTrue(Math.abs(estimated - simulated) <= epsilon * simulated, "estimated " + estimated
                    + ", simulated " + simulated);
            // Each pick adds at least what a random set of the same size would, and the greedy gains never grow.
            for (int i = 1; i < r.picks().size(); i++) {
                assertTrue(r.picks().get(i).gain() <= r.picks().get(i - 1).gain() + 1e-9);
            }
            int[] random = new SplittableRandom(3).ints(0, g.size()).distinct().limit(5).toArray();
            assertTrue(simulated > simulate(g, random, runs, 2), "IMM's picks spread further than five random people");
        }
    }
}
