package org.advocategraph.service.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class BatchAssignerTest {
    private static Match match(String advocate, double score, int free) {
        return new Match(advocate, advocate, "", "", score, Map.of(), List.of(), List.of(), List.of(), 0, free, Map.of());
    }

    @Test
    void shouldBeatGreedyWhereGreedyTakesTheBestPairFirst() {
        // Given two conversations and two advocates with one free slot each: greedy takes x-a (0.9), leaving y-b (0.1)
        Map<String, List<Match>> candidates = Map.of(
                "x", List.of(match("a", 0.9, 1), match("b", 0.8, 1)),
                "y", List.of(match("a", 0.7, 1), match("b", 0.1, 1)));
        Map<String, Integer> free = Map.of("a", 1, "b", 1);

        // When both assign
        var optimal = BatchAssigner.optimal(List.of("x", "y"), candidates, free);
        var greedy = BatchAssigner.greedy(List.of("x", "y"), candidates, free);

        // Then the optimum pairs x-b and y-a: 1.5 against greedy's 1.0
        assertEquals(List.of(new BatchAssigner.Pick("x", "b", 0.8), new BatchAssigner.Pick("y", "a", 0.7)), optimal);
        assertEquals(1.0, greedy.stream().mapToDouble(BatchAssigner.Pick::score).sum(), 1e-9);
    }

    @Test
    void shouldMatchABruteForceOptimumOnRandomSmallQueuesAndRespectCapacity() {
        Random random = new Random(7);
        for (int round = 0; round < 40; round++) {
            // Given 5 conversations, 3 advocates with 0..2 free slots, random scores
            List<String> conversations = List.of("c0", "c1", "c2", "c3", "c4");
            Map<String, Integer> free = new HashMap<>();
            for (String a : List.of("a0", "a1", "a2")) {
                free.put(a, random.nextInt(3));
            }
            Map<String, List<Match>> candidates = new HashMap<>();
            for (String c : conversations) {
                List<Match> ms = new ArrayList<>();
                for (String a : free.keySet()) {
                    if (random.nextDouble() < 0.8) {
                        ms.add(match(a, Math.round(random.nextDouble() * 1000) / 1000.0, free.get(a)));
                    }
                }
                candidates.put(c, ms);
            }
            // When assigned optimally
            var optimal = BatchAssigner.optimal(conversations, candidates, free);
            // Then no advocate is over capacity, no conversation has two, and the total is the brute-force best
            Map<String, Integer> used = new HashMap<>();
            optimal.forEach(p -> used.merge(p.advocateId(), 1, Integer::sum));
            used.forEach((a, n) -> assertTrue(n <= free.get(a), "over capacity: " + optimal));
            assertEquals(conversations.size(), optimal.stream().map(BatchAssigner.Pick::conversationId).distinct().count()
                    + (conversations.size() - optimal.size()));
            double best = brute(conversations, 0, candidates, new HashMap<>(free));
            assertEquals(best, optimal.stream().mapToDouble(BatchAssigner.Pick::score).sum(), 1e-9, "round " + round);
            double greedy = BatchAssigner.greedy(conversations, candidates, free).stream().mapToDouble(BatchAssigner.Pick::score).sum();
            assertTrue(greedy <= best + 1e-9);
        }
    }

    private static double brute(List<String> cs, int i, Map<String, List<Match>> candidates, Map<String, Integer> free) {
        if (i == cs.size()) {
            return 0;
        }
        double best = brute(cs, i + 1, candidates, free);
        for (Match m : candidates.get(cs.get(i))) {
            if (free.get(m.advocateId()) > 0) {
                free.merge(m.advocateId(), -1, Integer::sum);
                best = Math.max(best, m.score() + brute(cs, i + 1, candidates, free));
                free.merge(m.advocateId(), 1, Integer::sum);
            }
        }
        return best;
    }

    @Test
    void shouldPlanEveryOpenConversationOfAGraphAndNameUnknownOnes() {
        // Given the tiny graph's two open conversations
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(TinyGraph.elements());
            BatchAssigner batch = new BatchAssigner(store, new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT));

            // When the whole queue is planned
            BatchAssigner.Plan plan = batch.plan(List.of());

            // Then v1 gets an advocate, v0 (which has an accepted assignment) is left out, and optimal is at least greedy
            assertEquals(1, plan.conversations());
            assertEquals(1, plan.optimal().size());
            assertTrue(plan.notes().get(0).contains("v0"), plan.notes().toString());
            assertTrue(plan.optimalTotal() >= plan.greedyTotal() - 1e-9);
            NotFoundException e = assertThrows(NotFoundException.class, () -> batch.plan(List.of("v1", "nope")));
            assertEquals(List.of("nope"), e.ids());
        }
    }
}
