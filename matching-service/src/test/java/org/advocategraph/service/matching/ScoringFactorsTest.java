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
    void shouldRankWhoRespondedLatelyAsMoreActiveThanWhoDidLongAgo() {
        // Given e2 responded one, two and three days ago, and e6 (expert in the broader cloud) once, 28 days ago
        store.upsert(List.of(
                resolved("r1", "e2", 1), resolved("r2", "e2", 2), resolved("r3", "e2", 3), resolved("r4", "e6", 28)));

        // When ranked on kubernetes
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then activity is ln(1 + A) / ln(1 + A_max), A the sum of exp(-days / 14) over the responses: e2 is the
        // most active (1), e6 has e^-2, e1 none; each explained
        double e2 = Math.exp(-1 / 14.0) + Math.exp(-2 / 14.0) + Math.exp(-3 / 14.0);
        assertEquals(1.0, find(r, "e2").factors().get("activity"), 1e-6);
        assertEquals(Math.log1p(Math.exp(-2)) / Math.log1p(e2), find(r, "e6").factors().get("activity"), 1e-6);
        assertEquals(0.0, find(r, "e1").factors().get("activity"), 1e-9);
        assertTrue(find(r, "e2").reasons().contains("Responded 3 times in the last 14 days"), find(r, "e2").reasons().toString());
        assertTrue(find(r, "e6").reasons().contains("Last responded 28 days ago"), find(r, "e6").reasons().toString());
        assertEquals(ScoringWeights.DEFAULT.activity(), r.weights().get("activity"));
    }

    @Test
    void shouldNotCountTheLeastIdleAsFullyActiveWhenNobodyRespondedLately() {
        // Given the only response anyone considered gave was e2's, 60 days ago
        store.upsert(List.of(resolved("r1", "e2", 60)));

        // When ranked
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then e2's activity is scaled to one response just now, not to itself: ln(1 + e^(-60/14)) / ln 2
        assertEquals(Math.log1p(Math.exp(-60 / 14.0)) / Math.log(2), find(r, "e2").factors().get("activity"), 1e-6);
        assertTrue(find(r, "e2").factors().get("activity") < 0.02);
        assertTrue(find(r, "e2").reasons().contains("Last responded 60 days ago"), find(r, "e2").reasons().toString());
    }

    @Test
    void shouldLeaveActivityOutWhenNobodyConsideredHasResponded() {
        // Given the tiny graph, where no assignment was ever responded to
        // When ranked
        MatchResult r = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));

        // Then activity does not count, so scores are what they were without it
        assertEquals(0.0, r.weights().get("activity"));
        assertEquals(0.0, find(r, "e2").factors().get("activity"), 1e-9);
        ScoringWeights w = ScoringWeights.DEFAULT;
        double used = w.expertise() + w.credibility() + w.availability() + w.fairness();
        assertEquals((w.expertise() * 0.9 + w.credibility() * 0.3 + w.availability() + w.fairness()) / used,
                find(r, "e2").score(), 1e-6);
    }

    @Test
    void shouldConsiderAnActiveAdvocateWithoutRecordedExpertiseForTopicsButNotForACustomerAlone() {
        // Given e7, with no expertise and no ties, who resolved two assignments yesterday
        store.upsert(List.of(new org.advocategraph.model.Employee("e7", "Ivy Seven", "", "", "", List.of("en"), Set.of(),
                        Set.of(Purpose.CARE, Purpose.PRODUCT), 5, true, true, null),
                resolved("r1", "e7", 1), resolved("r2", "e7", 1)));

        // When ranked on a topic, and for customer c2 (no interests) alone
        MatchResult onTopic = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE).match(topics("kubernetes"));
        MatchResult forCustomer = matcher(PurposeWeights.DEFAULT, RoutingPolicy.NONE)
                .match(new MatchRequest("c2", null, List.of(), null, null, null, 10));

        // Then on the topic e7 is a candidate, said to have no expertise, below every expert; for the customer
        // alone only who is close to them is
        Match e7 = find(onTopic, "e7");
        assertEquals(1.0, e7.factors().get("activity"), 1e-9);
        assertTrue(e7.reasons().contains("No recorded expertise on the requested topics"), e7.reasons().toString());
        assertEquals("e7", onTopic.matches().get(onTopic.matches().size() - 1).advocateId(), onTopic.matches().toString());
        assertTrue(forCustomer.matches().stream().noneMatch(m -> m.advocateId().equals("e7")), forCustomer.matches().toString());
    }

    private static Assignment resolved(String id, String employee, int daysAgo) {
        Instant at = NOW.minusSeconds(86_400L * daysAgo);
        return new Assignment(id, employee, "v0", at, AssignmentStatus.RESOLVED, at, "ok", null);
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
                Map.of(Purpose.CRISIS, new ScoringWeights(1, 0, 0, 0, 0, 0, 0)));
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
        assertEquals(0.0, ScoringWeights.parse("w", "activity=0", ScoringWeights.DEFAULT).activity());
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> ScoringWeights.parse("matching.weights.crisis", "speed=1", ScoringWeights.DEFAULT));
        assertEquals("matching.weights.crisis", e.field());
        assertThrows(InvalidFieldException.class, () -> ScoringWeights.parse("w", "expertise=2", ScoringWeights.DEFAULT));
    }
}
