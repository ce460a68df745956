package org.advocategraph.service.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Credibility, audience, fairness, per-purpose weights and routing policy, on the tiny graph. */
class ScoringFactorsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private GraphStore store;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private AdvocateMatcher matcher(PurposeWeights weights, RoutingPolicy policy) {
        return new GraphAdvocateMatcher(store, weights, policy, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Match find(MatchResult r, String id) {
        return r.matches().stream().filter(m -> m.advocateId().equals(id)).findFirst().orElseThrow();
    }

    private static MatchRequest topics(String... topics) {
        return new MatchRequest(null, null, List.of(topics), null, null, null, 10);
    }

    @Test
    void shouldCreditCertificationAndGoodPastOutcomes() {
        // Given e2 resolved four assignments: two ended positive, one with no sentiment, one negative; e1 is
        // certified with no history
        store.upsert(List.of(
                new Assignment("h1", "e2", "v0", NOW.minusSeconds(86_400 * 30), AssignmentStatus.RESOLVED, null, "ok", 0.5),
                new Assignment("h2", "e2", "v0", NOW.minusSeconds(86_400 * 29), AssignmentStatus.RESOLVED, null, "ok", null),
                new Assignment("h3", "e2", "v0", NOW.minusSeconds(86_400 * 28), AssignmentStatus.RESOLVED, null, "ok", 0.1),
                new Assignment("h4", "e2", "v0", NOW.minusSeconds(86_400 * 27), AssignmentStatus.RESOLVED, null, "bad", -0.6)));

        // When advocates are ranked on the topic
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then credibility is 0.4 * certified + 0.6 * (positive + 1) / (rated + 2), each explained: h2, with no
        // sentiment recorded, counts neither way (rated: h1, h3 and h4)
        assertEquals(0.6 * 3 / 5.0, find(r, "e2").factors().get("credibility"), 1e-6);
        assertTrue(find(r, "e2").reasons().contains("Ended 2 of 3 past assignments with a recorded sentiment on a positive note"),
                find(r, "e2").reasons().toString());
        assertEquals(0.4 + 0.6 * 0.5, find(r, "e1").factors().get("credibility"), 1e-6);
        assertTrue(find(r, "e1").reasons().contains("Certified: social-care"));
    }

    @Test
    void shouldNotHoldUnratedOutcomesAgainstAnAdvocate() {
        // Given e2 resolved ten assignments, none with a recorded sentiment, and e6 one that ended positive
        List<Assignment> history = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(new Assignment("h" + i, "e2", "v0", NOW.minusSeconds(86_400L * (30 + i)), AssignmentStatus.RESOLVED,
                    null, "ok", null));
        }
        history.add(new Assignment("g1", "e6", "v0", NOW.minusSeconds(86_400 * 30), AssignmentStatus.RESOLVED, null, "ok", 0.4));
        store.upsert(history);

        // When ranked
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then e2 counts as even, as if without history, not as 1 positive in 12; e6's rated success lifts it
        assertEquals(0.6 * 0.5, find(r, "e2").factors().get("credibility"), 1e-6);
        assertTrue(find(r, "e2").reasons().contains("Resolved 10 past assignments, none with a recorded sentiment"),
                find(r, "e2").reasons().toString());
        assertEquals(0.6 * 2 / 3.0, find(r, "e6").factors().get("credibility"), 1e-6);
    }

    @Test
    void shouldPreferWhoeverWasAskedLongestAgo() {
        // Given e2 was asked a day ago and e6 never
        store.upsert(List.of(new Assignment("h1", "e2", "v0", NOW.minusSeconds(86_400), AssignmentStatus.RESOLVED, null, "ok", null)));

        // When ranked
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then fairness is 1 - exp(-1/7) for e2 and 1 for e6
        assertEquals(1 - Math.exp(-1 / 7.0), find(r, "e2").factors().get("fairness"), 1e-6);
        assertEquals(1.0, find(r, "e6").factors().get("fairness"), 1e-9);
        assertTrue(find(r, "e2").reasons().contains("Last asked 1.0 days ago"), find(r, "e2").reasons().toString());
    }

    @Test
    void shouldMeasureTheShareOfTheConversationsCommunityAnAdvocateKnows() {
        // Given conversation v1 (by c1, whose direct contacts are e1 and c2) with participants c2 and c3,
        // and e2 tied to c3 besides following-ties with c2
        store.upsert(List.of(new Participation("c2", "v1"), new Participation("c3", "v1"),
                new Tie("e2", "c3", TieKind.KNOWS, 0.5, null)));

        // When matched for the conversation
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE)
                .match(new MatchRequest(null, "v1", List.of(), null, null, null, 10));

        // Then e2 knows c2 and c3 of the community {e1, c2, c3}: 2 of 3; e1, in it, knows none of the other two
        assertEquals(2 / 3.0, find(r, "e2").factors().get("audience"), 1e-6);
        assertTrue(find(r, "e2").reasons().contains("Connected to 2 of the 3 people this conversation touches"));
        assertEquals(0.0, find(r, "e1").factors().get("audience"), 1e-9);
        assertTrue(r.weights().get("audience") > 0);
    }

    @Test
    void shouldUseThePurposesOwnWeights() {
        // Given crisis weights that count nothing but expertise
        PurposeWeights weights = new PurposeWeights(ScoringWeights.DEFAULT,
                Map.of(Purpose.CRISIS, new ScoringWeights(1, 0, 0, 0, 0, 0)));
        store.upsert(List.of(new org.advocategraph.model.Employee("e7", "Cri Sis", "", "", "", List.of("en"), Set.of(),
                Set.of(Purpose.CRISIS), 3, true, true, null),
                new org.advocategraph.model.Expertise("e7", "kubernetes", 0.5, "self")));

        // When a crisis request is ranked
        MatchResult r = matcher(weights, RoutingPolicy.NONE)
                .match(new MatchRequest(null, null, List.of("kubernetes"), Purpose.CRISIS, null, null, 10));

        // Then the score is the expertise alone, and the answer shows the weights used
        assertEquals(0.5, find(r, "e7").score(), 1e-9);
        assertEquals(1.0, r.weights().get("expertise"));
        assertEquals(0.0, r.weights().get("fairness"));
    }

    @Test
    void shouldLeaveOutWhomThePolicyExcludesAndCountIt() {
        // Given a policy that excludes e2
        RoutingPolicy policy = context -> advocate -> advocate.id().equals("e2") ? "program" : null;

        // When ranked
        MatchResult r = matcher(PurposeWeights.DEFAULT, policy).match(topics("kubernetes"));

        // Then e2 is not there and the exclusion is counted under the rule's name
        assertTrue(r.matches().stream().noneMatch(m -> m.advocateId().equals("e2")));
        assertEquals(1, r.excluded().get("program"));
    }

    @Test
    void shouldParseWeightsAndNameTheFactorInError() {
        ScoringWeights w = ScoringWeights.parse("matching.weights", "expertise=0.7, fairness=0", ScoringWeights.DEFAULT);
        assertEquals(0.7, w.expertise());
        assertEquals(0.0, w.fairness());
        assertEquals(ScoringWeights.DEFAULT.proximity(), w.proximity());
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> ScoringWeights.parse("matching.weights.crisis", "speed=1", ScoringWeights.DEFAULT));
        assertEquals("matching.weights.crisis", e.field());
        assertThrows(InvalidFieldException.class, () -> ScoringWeights.parse("w", "expertise=2", ScoringWeights.DEFAULT));
    }
}
