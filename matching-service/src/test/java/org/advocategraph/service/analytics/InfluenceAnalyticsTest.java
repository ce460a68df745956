package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** What analysts get from a graph with nothing in it: well-defined empty answers, never an error. */
class InfluenceAnalyticsTest {
    private static InfluenceAnalytics over(GraphStore store) {
        return new InfluenceAnalytics(store, new ProjectionCache(store, Duration.ofSeconds(60), Clock.systemUTC()));
    }

    @Test
    void shouldAnswerAnEmptyGraphWithEmptyResults() {
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            InfluenceAnalytics analytics = over(store);
            for (String algorithm : List.of("pagerank", "degree", "betweenness", "kcore")) {
                InfluenceAnalytics.Influencers r = analytics.influencers(algorithm, 10, false, Set.of());
                assertEquals(0, r.people(), algorithm);
                assertTrue(r.influencers().isEmpty(), algorithm);
            }
            InfluenceAnalytics.CommunityList c = analytics.communities(1.0, 20, 5);
            assertEquals(0, c.count());
            assertTrue(c.communities().isEmpty());
            assertEquals(0.0, c.modularity());
        }
    }

    @Test
    void shouldNameTheAlgorithmItDoesNotKnowAndListTheOnesItDoes() {
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> over(store).influencers("fame", 10, false, Set.of()));
            assertEquals("algorithm", e.field());
            assertTrue(e.getMessage().contains("fame") && e.getMessage().contains("betweenness"), e.getMessage());
        }
    }
}
