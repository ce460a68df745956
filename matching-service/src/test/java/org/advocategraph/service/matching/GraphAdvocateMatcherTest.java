package org.advocategraph.service.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.About;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class GraphAdvocateMatcherTest {
    static final ScoringWeights WEIGHTS = new ScoringWeights(0.55, 0.30, 0, 0, 0.15, 0, 0);
    private GraphStore store;
    private AdvocateMatcher matcher;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        // Expertise, proximity and availability only, so that scores can be checked by hand
        matcher = new GraphAdvocateMatcher(store, WEIGHTS);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static MatchRequest request(String customer, String conversation, List<String> topics) {
        return new MatchRequest(customer, conversation, topics, null, null, null, 10);
    }

    private static List<String> ids(MatchResult r) {
        return r.matches().stream().map(Match::advocateId).toList();
    }

    @Test
    void shouldRankDirectContactFirst() {
        // Given a customer who knows a moderate expert, and a stronger expert they do not know
        // When we ask for advocates on the topic for that customer
        MatchResult result = matcher.match(request("c1", null, List.of("kubernetes")));
        // Then the expert the customer knows comes first, with the tie as a reason and the path to them
        Match first = result.matches().get(0);
        assertEquals("e1", first.advocateId());
        assertEquals(List.of("c1", "e1"), first.path());
        assertTrue(first.reasons().stream().anyMatch(r -> r.contains("Directly connected to the customer Ana Ruiz")),
                first.reasons().toString());
        assertTrue(first.reasons().stream().anyMatch(r -> r.contains("Expert in Kubernetes")), first.reasons().toString());
        assertEquals(0.9, first.factors().get("proximity"), 1e-9);
        assertEquals(0.6, first.factors().get("expertise"), 1e-9);
        // score = (0.55 * 0.6 + 0.30 * 0.9 + 0.15 * 1.0) / 1.0
        assertEquals(0.75, first.score(), 1e-6);
        assertEquals("e2", result.matches().get(1).advocateId());
    }

    @Test
    void shouldNeverRankInactiveOptedOutOrFullAdvocates() {
        // Given stronger experts who are inactive, opted out or at capacity
        MatchResult result = matcher.match(request("c1", null, List.of("kubernetes")));
        // Then none of them is ranked, and the exclusions are counted by filter
        assertFalse(ids(result).contains("e3"));
        assertFalse(ids(result).contains("e4"));
        assertFalse(ids(result).contains("e5"));
        assertEquals(1, result.excluded().get("inactive"));
        assertEquals(1, result.excluded().get("optedOut"));
        assertEquals(1, result.excluded().get("atCapacity"));
    }

    @Test
    void shouldCreditBroaderTopicExpertiseAtADiscount() {
        // Given e6 is an expert in cloud, the parent of kubernetes
        MatchResult result = matcher.match(request(null, null, List.of("kubernetes")));
        Match e6 = result.matches().stream().filter(m -> m.advocateId().equals("e6")).findFirst().orElseThrow();
        // Then e6's expertise counts at half its level, and the reason says which topic it covers
        assertEquals(0.45, e6.factors().get("expertise"), 1e-9);
        assertTrue(e6.reasons().stream().anyMatch(r -> r.contains("Expert in Cloud, which covers Kubernetes")), e6.reasons().toString());
    }

    @Test
    void shouldRankByExpertiseWhenNoCustomerIsGiven() {
        MatchResult result = matcher.match(request(null, null, List.of("kubernetes")));
        // Then the strongest eligible expert leads, and proximity is not weighted
        assertEquals("e2", result.matches().get(0).advocateId());
        assertEquals(0.0, result.weights().get("proximity"));
        assertTrue(result.matches().get(0).path().isEmpty());
    }

    @Test
    void shouldUseTheCustomersInterestsWhenNoTopicsAreGiven() {
        MatchResult result = matcher.match(request("c1", null, List.of()));
        assertEquals(List.of("kubernetes"), result.resolved().get("topics"));
        assertEquals("e1", result.matches().get(0).advocateId());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("interests")));
    }

    @Test
    void shouldResolveAConversationToItsAuthorTopicsAndPurpose() {
        MatchResult result = matcher.match(request(null, "v1", List.of()));
        assertEquals("c1", result.resolved().get("customerId"));
        assertEquals("care", result.resolved().get("purpose"));
        assertEquals("en", result.resolved().get("language"));
        assertEquals("e1", result.matches().get(0).advocateId());
    }

    @Test
    void shouldRankTheAccountOwnerAndExplainOwnership() {
        MatchResult result = matcher.match(request("c1", null, List.of("kubernetes")));
        Match owner = result.matches().stream().filter(m -> m.advocateId().equals("e8")).findFirst().orElseThrow();
        assertTrue(owner.reasons().get(0).contains("Owns the customer's account a1"), owner.reasons().toString());
        assertEquals(0.6, owner.factors().get("proximity"), 1e-9);
    }

    @Test
    void shouldFindTheAccountOwnersPathThoughTheOwnerIsNoExpert() {
        // Given the account owner e8, no expert, three hops from the customer: c1 -0.8- c2 -0.5- e2 -1.0- e8
        store.upsert(List.of(new Tie("e2", "e8", TieKind.COLLEAGUE, 1.0, null)));

        // When we ask for advocates on a topic for that customer
        MatchResult result = matcher.match(request("c1", null, List.of("kubernetes")));

        // Then the owner comes with that path: 0.8 * 0.5 * 1.0 halved twice = 0.1, with ownership's 0.6:
        // 1 - (1 - 0.1)(1 - 0.6) = 0.64
        Match owner = result.matches().stream().filter(m -> m.advocateId().equals("e8")).findFirst().orElseThrow();
        assertEquals(List.of("c1", "c2", "e2", "e8"), owner.path());
        assertEquals(0.64, owner.factors().get("proximity"), 1e-9);
    }

    @Test
    void shouldFilterByLanguageAndPurpose() {
        MatchResult german = matcher.match(new MatchRequest(null, null, List.of("kubernetes"), null, null, "de", 10));
        assertEquals(List.of("e9"), ids(german));
        MatchResult sales = matcher.match(new MatchRequest(null, null, List.of("kubernetes"), Purpose.SALES, null, null, 10));
        assertTrue(sales.matches().isEmpty());
        assertTrue(sales.excluded().get("purpose") > 0);
        assertTrue(sales.notes().stream().anyMatch(n -> n.contains("hard filter")), sales.notes().toString());
    }

    @Test
    void shouldHonourTheLimit() {
        MatchResult result = matcher.match(new MatchRequest(null, null, List.of("kubernetes"), null, null, null, 2));
        assertEquals(2, result.matches().size());
    }

    @Test
    void shouldExplainAnEmptyListForACustomerWithNoTiesAndNoInterests() {
        MatchResult result = matcher.match(request("c3", null, List.of()));
        assertTrue(result.matches().isEmpty());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("no ties and no topic interests")), result.notes().toString());
    }

    @Test
    void shouldNameUnknownIds() {
        NotFoundException customer = assertThrows(NotFoundException.class, () -> matcher.match(request("nobody", null, List.of())));
        assertEquals("customerId", customer.field());
        assertEquals(List.of("nobody"), customer.ids());
        NotFoundException topics = assertThrows(NotFoundException.class,
                () -> matcher.match(request(null, null, List.of("kubernetes", "cobol", "fortran"))));
        assertEquals("topics", topics.field());
        assertEquals(List.of("cobol", "fortran"), topics.ids());
        NotFoundException conversation = assertThrows(NotFoundException.class, () -> matcher.match(request(null, "v404", List.of())));
        assertEquals("conversationId", conversation.field());
    }

    @Test
    void shouldRejectARequestWithNothingToMatchOn() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> request(null, null, List.of()));
        assertEquals("customerId", e.field());
        InvalidFieldException limit = assertThrows(InvalidFieldException.class,
                () -> new MatchRequest("c1", null, List.of(), null, null, null, 101));
        assertEquals("limit", limit.field());
    }

    private static MatchRequest asking(String person, List<String> topics) {
        return new MatchRequest(null, null, topics, null, null, null, 10, null, person);
    }

    @Test
    void shouldMatchAnEmployeeWithColleaguesTheyKnowAndNeverWithThemselves() {
        // Given e6, an expert in the broader topic cloud, who works closely with e2
        store.upsert(List.of(new Tie("e6", "e2", TieKind.COLLEAGUE, 1.0, null)));

        // When e6 asks about kubernetes as the person seeking help
        MatchResult result = matcher.match(asking("e6", List.of("kubernetes")));

        // Then e6 is not among the matches, the colleague comes first with the path from e6, and the answer says so
        assertFalse(ids(result).contains("e6"), ids(result).toString());
        Match first = result.matches().get(0);
        assertEquals("e2", first.advocateId());
        assertEquals(List.of("e6", "e2"), first.path());
        assertTrue(first.reasons().stream().anyMatch(r -> r.contains("Directly connected to the colleague Sam Six")),
                first.reasons().toString());
        assertEquals("e6", result.resolved().get("personId"));
        assertEquals(null, result.resolved().get("customerId"));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("left out e6")), result.notes().toString());
        // and without the seeker, e6 is a candidate (broader-topic expertise), so leaving them out was the seeker rule
        assertTrue(ids(matcher.match(request(null, null, List.of("kubernetes")))).contains("e6"));
    }

    @Test
    void shouldTreatAPersonWhoIsACustomerAsTheCustomer() {
        MatchResult byPerson = matcher.match(asking("c1", List.of("kubernetes")));
        MatchResult byCustomer = matcher.match(request("c1", null, List.of("kubernetes")));
        assertEquals(ids(byCustomer), ids(byPerson));
        assertEquals("c1", byPerson.resolved().get("customerId"));
        assertEquals("c1", byPerson.resolved().get("personId"));
        // the same id in both fields agrees
        MatchResult both = matcher.match(new MatchRequest("c1", null, List.of("kubernetes"), null, null, null, 10, null, "c1"));
        assertEquals(ids(byCustomer), ids(both));
    }

    @Test
    void shouldLeaveOutAnEmployeeWhoStartedTheConversation() {
        // Given a conversation about kubernetes started by e2, the strongest eligible expert
        store.upsert(List.of(new Conversation("v9", "slack", "", "pods restart", "en", 0.0,
                TinyGraph.T0, ConversationStatus.OPEN, null, 0, "e2"),
                new About("v9", "kubernetes", 1.0)));
        MatchResult result = matcher.match(request(null, "v9", List.of()));
        assertEquals("e2", result.resolved().get("personId"));
        assertFalse(ids(result).contains("e2"), ids(result).toString());
        assertFalse(result.matches().isEmpty());
    }

    @Test
    void shouldRejectConflictingOrUnknownPeople() {
        InvalidFieldException conflict = assertThrows(InvalidFieldException.class,
                () -> new MatchRequest("c1", null, List.of(), null, null, null, 10, null, "e1"));
        assertEquals("personId", conflict.field());
        assertTrue(conflict.getMessage().contains("c1") && conflict.getMessage().contains("e1"), conflict.getMessage());
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> matcher.match(asking("nobody", List.of())));
        assertEquals("personId", unknown.field());
        assertEquals(List.of("nobody"), unknown.ids());
        // customerId still means a customer: an employee's id there is unknown as a customer
        NotFoundException notACustomer = assertThrows(NotFoundException.class,
                () -> matcher.match(request("e1", null, List.of())));
        assertEquals("customerId", notACustomer.field());
    }

    @Test
    void shouldReturnTheSameRankingEveryTime() {
        List<String> first = ids(matcher.match(request("c1", null, List.of("kubernetes"))));
        for (int i = 0; i < 5; i++) {
            assertEquals(first, ids(matcher.match(request("c1", null, List.of("kubernetes")))));
        }
    }
}
