package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.Customer;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Tie;
import org.advocategraph.service.reach.BreadthFirstReach;
import org.advocategraph.service.reach.ReferenceReach;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Reach over the projection against the store walk and a plain breadth-first search over the tie list. */
class ProjectedReachTest {
    private static GraphStore store(int people, List<Tie> ties) {
        GraphStore store = TinkerPopGraphStore.inMemory();
        List<GraphElement> elements = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            elements.add(new Customer("p" + i, "P " + i, null, "", "", List.of(), List.of(), 0));
        }
        elements.addAll(ties);
        store.upsert(elements);
        return store;
    }

    private static int[] numbers(PeopleGraph g, List<String> ids) {
        return ids.stream().mapToInt(g::indexOf).toArray();
    }

    @Test
    void shouldEqualTheStoreWalkAndAPlainSearchOnARandomGraphWithEveryKindOfTie() {
        List<Tie> ties = ReferenceReach.randomTies(300, 900, 7);
        try (GraphStore store = store(300, ties)) {
            PeopleGraph g = ProjectionLoader.load(store);
            ProjectedReach walker = new ProjectedReach(g);
            ReferenceReach reference = new ReferenceReach(ties);
            BreadthFirstReach storeWalk = new BreadthFirstReach(store, 1_000_000);
            for (List<String> seeds : List.of(List.of("p0"), List.of("p1", "p2", "p3"), List.of("p10", "p20", "p30",
                    "p40", "p50", "p10"))) {
                for (int hops = 1; hops <= 3; hops++) {
                    int reach = walker.walk(numbers(g, seeds), seeds.size(), hops);
                    assertEquals(reference.reached(seeds, hops).size(), reach, seeds + " hops " + hops);
                    assertEquals(storeWalk.reach(new HashSet<>(seeds), hops).reach(), reach, seeds + " hops " + hops);
                    assertEquals(storeWalk.reach(new HashSet<>(seeds), hops).byHop(),
                            java.util.Arrays.stream(walker.byHop(hops)).boxed().toList());
                }
            }
        }
    }

    @Test
    void shouldCarryAFollowOnlyFromTheFollowedToTheFollower() {
        // a follows b, b follows c, c and d are colleagues: b's voice reaches a; c's reaches b, then a; a reaches nobody.
        PeopleGraph g = new PeopleGraph.Builder().person("a", false, false).person("b", false, false)
                .person("c", false, false).person("d", false, false)
                .tie("a", "b", false, 0.5).tie("b", "c", false, 0.5).tie("c", "d", true, 0.5).build();
        ProjectedReach walker = new ProjectedReach(g);
        assertEquals(0, walker.walk(g.indexOf("a"), 3));
        assertEquals(1, walker.walk(g.indexOf("b"), 3));
        assertEquals(2, walker.walk(g.indexOf("c"), 1), "c is heard by b (who follows) and d (colleague)");
        assertEquals(3, walker.walk(g.indexOf("c"), 2));
        assertEquals(3, walker.walk(g.indexOf("d"), 3), "d reaches c, then b, then a");
        assertEquals(List.of(1L, 1L, 1L), java.util.Arrays.stream(walker.byHop(3)).boxed().toList());
        assertThrows(IllegalArgumentException.class, () -> walker.walk(g.indexOf("a"), 4));
    }

    @Test
    void shouldGiveEachSeedItsReachAloneItsMarginalReachAndTheSharedPeopleOfEachPair() {
        List<Tie> ties = ReferenceReach.randomTies(200, 500, 11);
        try (GraphStore store = store(200, ties)) {
            PeopleGraph g = ProjectionLoader.load(store);
            ReferenceReach reference = new ReferenceReach(ties);
            List<String> seeds = List.of("p1", "p5", "p9", "p13", "p17", "p21");
            for (int hops = 1; hops <= 2; hops++) {
                SeedOverlap.Result r = new SeedOverlap(100, 1 << 20).run(new ProjectedReach(g), numbers(g, seeds), hops,
                        Instant.now().plusSeconds(60));
                assertFalse(r.truncated());
                assertTrue(r.pairsComputed());
                for (int i = 0; i < seeds.size(); i++) {
                    String s = seeds.get(i);
                    Set<String> alone = reference.reached(List.of(s), hops);
                    Set<String> others = new HashSet<>();
                    for (String t : seeds) {
                        if (!t.equals(s)) {
                            others.addAll(reference.ball(List.of(t), hops));
                        }
                    }
                    Set<String> unique = new HashSet<>(alone);
                    unique.removeAll(others);
                    unique.removeAll(seeds);
                    assertEquals(alone.size(), r.seeds().get(i).alone(), s + " alone, hops " + hops);
                    assertEquals(unique.size(), r.seeds().get(i).unique(), s + " unique, hops " + hops);
                }
                int expectedPairs = 0;
                for (int i = 0; i < seeds.size(); i++) {
                    for (int j = i + 1; j < seeds.size(); j++) {
                        Set<String> a = reference.reached(List.of(seeds.get(i)), hops);
                        Set<String> b = reference.reached(List.of(seeds.get(j)), hops);
                        Set<String> both = new HashSet<>(a);
                        both.retainAll(b);
                        if (both.isEmpty()) {
                            continue;
                        }
                        expectedPairs++;
                        int ai = g.indexOf(seeds.get(i));
                        int bi = g.indexOf(seeds.get(j));
                        SeedOverlap.Pair p = r.pairs().stream().filter(x -> x.a() == ai && x.b() == bi).findFirst()
                                .orElseThrow();
                        assertEquals(both.size(), p.shared());
                        assertEquals(both.size() / (double) (a.size() + b.size() - both.size()), p.jaccard(), 1e-12);
                    }
                }
                assertEquals(expectedPairs, r.pairs().size());
                for (int i = 1; i < r.pairs().size(); i++) {
                    assertTrue(r.pairs().get(i - 1).shared() >= r.pairs().get(i).shared(), "most shared first");
                }
            }
        }
    }

    @Test
    void shouldSkipPairsThatWouldNotFitTheirMemoryBoundAndStopAtAPassedDeadline() {
        List<Tie> ties = ReferenceReach.randomTies(100, 300, 3);
        try (GraphStore store = store(100, ties)) {
            PeopleGraph g = ProjectionLoader.load(store);
            int[] seeds = numbers(g, List.of("p1", "p2", "p3"));
            SeedOverlap.Result small = new SeedOverlap(10, 8).run(new ProjectedReach(g), seeds, 2,
                    Instant.now().plusSeconds(60));
            assertFalse(small.pairsComputed());
            assertEquals(3, small.seeds().size());
            SeedOverlap.Result late = new SeedOverlap(10, 1 << 20).run(new ProjectedReach(g), seeds, 2,
                    Instant.now().minusSeconds(1));
            assertTrue(late.truncated());
            assertEquals(0, late.seeds().size());
        }
    }
}
