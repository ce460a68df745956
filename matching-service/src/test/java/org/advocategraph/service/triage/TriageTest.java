package org.advocategraph.service.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.About;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class TriageTest {
    private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void shouldPutTheAngryFarReachingRecentConversationFirstWithItsBestAdvocate() {
        // Given v1 (sentiment -0.8, reach 1200, a day old), v0 (-0.5, reach 1), a happy new one and a resolved one
        List<GraphElement> g = new ArrayList<>(TinyGraph.elements());
        g.add(new Conversation("v2", "email", "", "love it", "en", 0.9, NOW, ConversationStatus.OPEN, null, 10, null));
        g.add(new About("v2", "billing", 1.0));
        g.add(new Conversation("v3", "email", "", "angry but done", "en", -1.0, NOW, ConversationStatus.RESOLVED, null, 5000, "c2"));
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(g);
            Triage triage = new Triage(store, new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT), Clock.fixed(NOW, ZoneOffset.UTC));

            // When the open conversations are ranked
            Triage.Result r = triage.rank(10, false);

            // Then v1 leads, the resolved one is absent, and every part is explained
            assertEquals(List.of("v1", "v0", "v2"), r.conversations().stream().map(Triage.Item::conversationId).toList());
            Triage.Item v1 = r.conversations().get(0);
            assertEquals(0.8, v1.parts().get("negativity"), 1e-9);
            assertEquals(1.0, v1.parts().get("reach"), 1e-9);
            assertEquals(Math.exp(-1), v1.parts().get("recency"), 1e-6);
            assertEquals(1.0, v1.parts().get("topicHeat"), 1e-9);
            assertEquals(0.4 * 0.8 + 0.25 + 0.2 * Math.exp(-1) + 0.15, v1.urgency(), 1e-6);
            assertNotNull(v1.bestMatch());
            assertEquals(3, r.considered());
            // And v2, anonymous and on a topic nobody knows, says why it has no advocate
            Triage.Item v2 = r.conversations().get(2);
            assertTrue(v2.bestMatch() == null && v2.noMatch() != null, v2.toString());
            assertThrows(InvalidFieldException.class, () -> triage.rank(0, false));
        }
    }
}
