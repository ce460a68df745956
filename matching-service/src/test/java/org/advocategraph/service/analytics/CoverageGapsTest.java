package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.analytics.CoverageGaps.CommunityGap;
import org.advocategraph.service.analytics.CoverageGaps.TopicGap;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * Coverage gaps on the tiny graph, with three more interests: c2 (who follows the kubernetes expert e2) and c3 (who
 * knows nobody) in kubernetes, c3 in billing, which no advocate knows. Free capacity: e1, e2, e9 have 5 each for
 * kubernetes; e5 is at capacity; e6 has 5 for cloud. The open conversation v1 is about kubernetes.
 */
class CoverageGapsTest {
    private GraphStore store;
    private CoverageGaps gaps;

    @BeforeEach
    void open() {
        store = new CachedGraphStore(TinkerPopGraphStore.inMemory());
        List<GraphElement> g = new ArrayList<>(TinyGraph.elements());
        g.add(new Interest("c2", "kubernetes", 0.4));
        g.add(new Interest("c3", "kubernetes", 0.7));
        g.add(new Interest("c3", "billing", 0.5));
        store.upsert(g);
        InfluenceAnalytics analytics = new InfluenceAnalytics(store,
                new ProjectionCache(store, Duration.ofSeconds(60), Clock.systemUTC()));
        gaps = new CoverageGaps(store, analytics);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldRankATopicNoAdvocateKnowsAboveOneWithCapacity() {
        CoverageGaps.Gaps r = gaps.gaps("topic", 10, 1.0);
        assertEquals("topic", r.by());
        assertEquals(2, r.count(), "cloud has experts but no demand: " + r);
        TopicGap billing = (TopicGap) r.gaps().get(0);
        assertEquals("billing", billing.id());
        assertEquals("Billing", billing.name());
        assertEquals(1, billing.rank());
        assertEquals(0.5, billing.score(), 1e-9, "0.5 uncovered interest over 1 + no capacity");
        assertTrue(billing.noAdvocate());
        assertEquals(1, billing.uncoveredCustomers());

        TopicGap kubernetes = (TopicGap) r.gaps().get(1);
        assertEquals("kubernetes", kubernetes.id());
        assertEquals(3, kubernetes.customers());
        assertEquals(1, kubernetes.uncoveredCustomers(), "c1 knows e1 and c2 follows e2; c3 knows nobody");
        assertEquals(0.7, kubernetes.uncoveredInterest(), 1e-9);
        assertEquals(1, kubernetes.openConversations());
        assertEquals(4, kubernetes.advocates(), "e1, e2, e5 and e9; e3 and e4 may not be matched");
        assertEquals(15.0, kubernetes.freeCapacity(), 1e-9, "e5 is at capacity");
        assertEquals((0.7 + 1.0) / 16, kubernetes.score(), 1e-9);
        assertFalse(kubernetes.overCapacity());
        assertFalse(kubernetes.noAdvocate());
        assertEquals(4L, r.totals().get("interests"));
        assertEquals(2L, r.totals().get("uncoveredInterests"));
        assertTrue(r.projection().containsKey("builtAt"));
    }

    @Test
    void shouldShareAnAdvocatesCapacityAmongTheirTopicsByLevel() {
        store.upsert(List.of(new org.advocategraph.model.Expertise("e6", "billing", 0.3, "self")));
        TopicGap billing = (TopicGap) gaps.gaps("topic", 10, 1.0).gaps().stream()
                .filter(x -> ((TopicGap) x).id().equals("billing")).findFirst().orElseThrow();
        assertEquals(5 * 0.3 / (0.9 + 0.3), billing.freeCapacity(), 1e-9, "e6's 5 split 0.9 : 0.3 with cloud");
        assertFalse(billing.noAdvocate());
        assertEquals(1, billing.uncoveredCustomers(), "c3 does not know e6");
    }

    @Test
    void shouldFindTheCommunityWhoseCustomersKnowNoAdvocate() {
        CoverageGaps.Gaps r = gaps.gaps("community", 100, 1.0);
        assertEquals("community", r.by());
        assertEquals(3, r.totals().get("customers"));
        assertEquals(1, r.totals().get("uncoveredCustomers"), "only c3");
        CommunityGap first = (CommunityGap) r.gaps().get(0);
        assertEquals(1, first.size(), "c3 alone: " + r);
        assertEquals(1, first.uncoveredCustomers());
        assertTrue(first.noAdvocate());
        assertEquals(1.0, first.score(), 1e-9);
        assertEquals(List.of("kubernetes", "billing"), first.topTopics().stream().map(InfluenceAnalytics.TopicWeight::id).toList());
        int open = r.gaps().stream().mapToInt(x -> ((CommunityGap) x).openConversations()).sum();
        assertEquals(2, open, "v0 and v1, both started by c1");
    }

    @Test
    void shouldNameTheParameterThatIsWrong() {
        assertEquals("by", assertThrows(InvalidFieldException.class, () -> gaps.gaps("region", 10, 1.0)).field());
        assertEquals("limit", assertThrows(InvalidFieldException.class, () -> gaps.gaps("topic", 0, 1.0)).field());
        assertEquals("resolution", assertThrows(InvalidFieldException.class,
                () -> gaps.gaps("community", 10, 0)).field());
    }

    @Test
    void shouldAnswerAnEmptyGraphWithNoGaps() {
        try (GraphStore empty = TinkerPopGraphStore.inMemory()) {
            CoverageGaps none = new CoverageGaps(empty, new InfluenceAnalytics(empty,
                    new ProjectionCache(empty, Duration.ofSeconds(60), Clock.systemUTC())));
            for (String by : List.of("topic", "community")) {
                CoverageGaps.Gaps r = none.gaps(by, 10, 1.0);
                assertEquals(0, r.count(), by);
                assertTrue(r.gaps().isEmpty(), by);
            }
        }
    }
}
