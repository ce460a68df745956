package org.advocategraph.service.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Customer;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class BreadthFirstReachTest {
    private GraphStore store;
    private final List<Tie> ties = new ArrayList<>();

    @BeforeEach
    void setUp() {
        // A random graph of 300 people and 900 ties of every kind, follows included.
        store = TinkerPopGraphStore.inMemory();
        SplittableRandom random = new SplittableRandom(7);
        List<GraphElement> elements = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            elements.add(new Customer("p" + i, "P " + i, null, "", "", List.of(), List.of(), 0));
        }
        Set<String> seen = new HashSet<>();
        while (ties.size() < 900) {
            int a = random.nextInt(300);
            int b = random.nextInt(300);
            TieKind kind = TieKind.values()[random.nextInt(TieKind.values().length)];
            if (a != b && seen.add(a + "-" + b + "-" + kind)) {
                ties.add(new Tie("p" + a, "p" + b, kind, 0.5, null));
            }
        }
        elements.addAll(ties);
        store.upsert(elements);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void shouldMatchAnIndependentBreadthFirstSearch() {
        ReachCalculator reach = new BreadthFirstReach(store, 1_000_000);
        for (Set<String> seeds : List.of(Set.of("p0"), Set.of("p1", "p2", "p3"), Set.of("p10", "p20", "p30", "p40", "p50"))) {
            for (int hops = 1; hops <= 3; hops++) {
                ReachResult r = reach.reach(seeds, hops);
                assertEquals(new ReferenceReach(ties).reached(seeds, hops).size(), r.reach(), "seeds " + seeds + " hops " + hops);
                assertEquals(r.reach(), r.byHop().stream().mapToLong(Long::longValue).sum());
                assertEquals(hops, r.byHop().size());
            }
        }
    }

    @Test
    void shouldCountOverlapsOnlyInTheNaiveSum() {
        ReachResult r = new BreadthFirstReach(store, 1_000_000).reach(Set.of("p1", "p2", "p3", "p4"), 1);
        assertTrue(r.sumOfDirect() >= r.byHop().get(0), r.toString());
    }

    @Test
    void shouldStopAtTheVisitBoundAndSaySo() {
        ReachResult r = new BreadthFirstReach(store, 20).reach(Set.of("p1"), 3);
        assertTrue(r.truncated());
        assertTrue(r.reach() <= 20);
    }

    @Test
    void shouldRejectHopsOutOfRange() {
        var reach = new BreadthFirstReach(store, 10);
        assertEquals("hops", assertThrows(InvalidFieldException.class, () -> reach.reach(Set.of("p1"), 0)).field());
        assertEquals("hops", assertThrows(InvalidFieldException.class, () -> reach.reach(Set.of("p1"), 4)).field());
    }

    @Test
    void shouldReachNobodyFromNoSeeds() {
        ReachResult r = new BreadthFirstReach(store, 10).reach(Set.of(), 2);
        assertEquals(0, r.reach());
        assertEquals(0, r.seeds());
    }
}
