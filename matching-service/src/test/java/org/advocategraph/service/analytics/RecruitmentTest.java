package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.service.reach.ReferenceReach;

/** Recruitment against brute force: the exact best sets for coverage, simulated cascades for IMM. */
class RecruitmentTest {
    private static final double ONE_MINUS_1_E = 1 - 1 / Math.E;

    private static PeopleGraph graph(int people, List<Tie> ties) {
        PeopleGraph.Builder b = new PeopleGraph.Builder();
        for (int i = 0; i < people; i++) {
            b.person("p" + i, true, false);
        }
        for (Tie t : ties) {
            b.tie(t.fromId(), t.toId(), t.kind() != TieKind.FOLLOWS, t.strength());
        }
        return b.build();
    }

    private static int[] numbers(PeopleGraph g, List<String> ids) {
        return ids.stream().mapToInt(g::indexOf).toArray();
    }

    private static int gain(ReferenceReach reference, List<String> base, List<String> picks, int hops) {
        List<String> all = new ArrayList<>(base);
        all.addAll(picks);
        return reference.ball(all, hops).size() - reference.ball(base, hops).size();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void shouldPickAsPlainGreedyDoesAndCoverAtLeastTheGuaranteedShareOfTheExactBestSet(int k) {
        for (long seed = 1; seed <= 6; seed++) {
            List<Tie> ties = ReferenceReach.randomTies(40, 70, seed);
            PeopleGraph g = graph(40, ties);
            ReferenceReach reference = new ReferenceReach(ties);
            List<String> base = List.of("p0", "p1");
            List<String> candidates = IntStream.range(2, 40).mapToObj(i -> "p" + i).toList();
            for (int hops = 1; hops <= 3; hops++) {
                Recruitment.Result r = new GreedyCoverage(new ProjectedReach(g), hops).select(numbers(g, base),
                        numbers(g, candidates), k, Instant.now().plusSeconds(60));
                assertEquals(reference.ball(base, hops).size(), (int) r.baseValue());
                List<String> picks = r.picks().stream().map(p -> g.id(p.person())).toList();
                // Each gain is the exact marginal gain; the picks are those of a plain (not lazy) greedy.
                List<String> greedy = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    String best = null;
                    int bestGain = -1;
                    for (String c : candidates) {
                        if (greedy.contains(c)) {
                            continue;
                        }
                        List<String> with = new ArrayList<>(greedy);
                        with.add(c);
                        int gain = gain(reference, base, with, hops) - gain(reference, base, greedy, hops);
                        if (gain > bestGain || gain == bestGain && c.compareTo(best) < 0) {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    if (bestGain == 0) {
                        break; // nobody adds anyone: greedy names no one more
                    }
                    assertEquals(bestGain, r.picks().get(i).gain(), "gain of pick " + i);
                    greedy.add(best);
                }
                assertEquals(greedy, picks, "seed " + seed + " hops " + hops);
                double total = picks.isEmpty() ? 0 : r.picks().get(picks.size() - 1).cumulative();
                assertEquals(gain(reference, base, picks, hops), total);
                int optimum = bestSet(reference, base, candidates, k, hops);
                assertTrue(total >= ONE_MINUS_1_E * optimum, "greedy " + total + " vs optimum " + optimum);
            }
        }
    }

    private static int bestSet(ReferenceReach reference, List<String> base, List<String> candidates, int k, int hops) {
        int best = 0;
        int n = candidates.size();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (k == 2) {
                    best = Math.max(best, gain(reference, base, List.of(candidates.get(i), candidates.get(j)), hops));
                    continue;
                }
                for (int l = j + 1; l < n; l++) {
                    best = Math.max(best, gain(reference, base, List.of(candidates.get(i), candidates.get(j),
                            candidates.get(l)), hops));
                }
            }
        }
        return best;
    }

    @Test
    void shouldFindTheOptimumWhenTheBestAudiencesAreDisjoint() {
        // Two stars whose hubs are followed by 5 and 4 people, and a colleague pair: the best two are the hubs.
        PeopleGraph.Builder b = new PeopleGraph.Builder();
        for (String id : List.of("h1", "h2", "x", "y", "a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4")) {
            b.person(id, true, false);
        }
        for (int i = 1; i <= 5; i++) {
            b.tie("a" + i, "h1", false, 0.5);
        }
        for (int i = 1; i <= 4; i++) {
            b.tie("b" + i, "h2", false, 0.5);
        }
        b.tie("x", "y", true, 0.5);
        PeopleGraph g = b.build();
        int[] candidates = IntStream.range(0, g.size()).toArray();
        Recruitment.Result r = new GreedyCoverage(new ProjectedReach(g), 1).select(new int[0], candidates, 3,
                Instant.now().plusSeconds(60));
        assertEquals(List.of("h1", "h2"), r.picks().subList(0, 2).stream().map(p -> g.id(p.person())).toList());
        assertEquals(List.of(6.0, 5.0, 2.0), r.picks().stream().map(Recruitment.Pick::gain).toList());
        assertEquals(13.0, r.picks().get(2).cumulative());

        // Everyone is covered after three picks: a fourth would add nobody, so none is named.
        Recruitment.Result all = new GreedyCoverage(new ProjectedReach(g), 1).select(new int[0], candidates, 10,
                Instant.now().plusSeconds(60));
        assertEquals(3, all.picks().size(), all.picks().toString());
        assertEquals(13.0, all.picks().get(2).cumulative());
    }

    /** Forward independent cascades, simulated: the mean number of people activated by the seeds. */
    private static double simulate(List<Tie> ties, double uniform, Set<String> seeds, int runs, long seed) {
        // p(u -> v): v attends to u (v follows u, or a mutual tie); weighted cascade normalizes v's attention.
        Map<String, Map<String, Double>> attention = new HashMap<>();
        for (Tie t : ties) {
            attention.computeIfAbsent(t.fromId(), k -> new HashMap<>()).merge(t.toId(), t.strength(), Math::max);
            if (t.kind() != TieKind.FOLLOWS) {
                attention.computeIfAbsent(t.toId(), k -> new HashMap<>()).merge(t.fromId(), t.strength(), Math::max);
            }
        }
        Map<String, Map<String, Double>> heardBy = new HashMap<>();
        attention.forEach((v, m) -> {
            double sum = m.values().stream().mapToDouble(Double::doubleValue).sum();
            m.forEach((u, s) -> heardBy.computeIfAbsent(u, k -> new HashMap<>()).put(v,
                    Double.isNaN(uniform) ? s / sum : uniform));
        });
        SplittableRandom random = new SplittableRandom(seed);
        long total = 0;
        for (int run = 0; run < runs; run++) {
            Set<String> active = new HashSet<>(seeds);
            List<String> frontier = new ArrayList<>(seeds);
            while (!frontier.isEmpty()) {
                List<String> next = new ArrayList<>();
                for (String u : frontier) {
                    for (Map.Entry<String, Double> e : heardBy.getOrDefault(u, Map.of()).entrySet()) {
                        if (!active.contains(e.getKey()) && random.nextDouble() < e.getValue()) {
                            active.add(e.getKey());
                            next.add(e.getKey());
                        }
                    }
                }
                frontier = next;
            }
            total += active.size();
        }
        return total / (double) runs;
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, 0.3})
    void shouldPickACascadeSetAsGoodAsTheExhaustiveChoiceWithinItsGuaranteeAndEstimateItsSpread(double uniform) {
        List<Tie> ties = ReferenceReach.randomTies(12, 20, 5);
        PeopleGraph g = graph(12, ties);
        List<String> base = List.of("p0");
        List<String> candidates = IntStream.range(1, 12).mapToObj(i -> "p" + i).toList();
        Recruitment.Result r = new InfluenceMaximization(g, uniform, 0.1, 1, 42, 50_000_000).select(numbers(g, base),
                numbers(g, candidates), 2, Instant.now().plusSeconds(60));
        assertFalse(r.truncated());
        assertEquals(true, r.details().get("guaranteeHolds"));
        int runs = 40_000;
        double baseSpread = simulate(ties, uniform, Set.of("p0"), runs, 1);
        assertEquals(baseSpread, r.baseValue(), 0.05 * 12, "the base's estimated spread");
        Set<String> picked = new HashSet<>(base);
        r.picks().forEach(p -> picked.add(g.id(p.person())));
        double pickedGain = simulate(ties, uniform, picked, runs, 2) - baseSpread;
        assertEquals(pickedGain, r.picks().get(1).cumulative(), 0.05 * 12, "IMM's estimate against simulation");
        double best = 0;
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                best = Math.max(best, simulate(ties, uniform, Set.of("p0", candidates.get(i), candidates.get(j)), 4_000,
                        3) - baseSpread);
            }
        }
        assertTrue(pickedGain >= (ONE_MINUS_1_E - 0.1) * best - 0.2, "picked " + pickedGain + " vs best " + best);
    }

    @Test
    void shouldSayTheGuaranteeDoesNotHoldWhenItsMemoryBoundStopsSampling() {
        List<Tie> ties = ReferenceReach.randomTies(60, 150, 9);
        PeopleGraph g = graph(60, ties);
        int[] candidates = IntStream.range(0, 60).toArray();
        Recruitment.Result r = new InfluenceMaximization(g, Double.NaN, 0.1, 1, 42, 50).select(new int[0], candidates,
                3, Instant.now().plusSeconds(60));
        assertTrue(r.truncated());
        assertEquals("maxEntries", r.details().get("stoppedBy"));
        assertEquals(false, r.details().get("guaranteeHolds"));
        assertTrue((double) r.details().get("epsilonAchieved") > 0.1);
        assertEquals(3, r.picks().size());
    }
}
