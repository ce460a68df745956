package org.advocategraph.service.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** The assignment lifecycle over a real in-memory graph (the {@link TinyGraph}: v1 has no assignment yet). */
class AssignmentServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private volatile Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private GraphStore store;
    private TestClock clock;
    private final List<AssignmentEvent> events = Collections.synchronizedList(new ArrayList<>());
    private AssignmentService service;

    @BeforeEach
    void setUp() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        clock = new TestClock();
        service = new AssignmentService(store, events::add, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void shouldWalkAnAssignmentThroughItsLifecycleRecordingTheTimeOfEachStep() {
        // Given a proposal for v1
        Assignment proposed = service.propose("v1", "e1");
        assertEquals(AssignmentStatus.PROPOSED, proposed.status());
        assertEquals(T0, proposed.assignedAt());

        // When it is accepted, responded to and resolved, a minute apart
        clock.advance(Duration.ofMinutes(1));
        service.take(proposed.id(), Transition.ACCEPT, null, null);
        clock.advance(Duration.ofMinutes(1));
        service.take(proposed.id(), Transition.RESPOND, null, null);
        clock.advance(Duration.ofMinutes(1));
        Assignment resolved = service.take(proposed.id(), Transition.RESOLVE, "resolved", 0.4);

        // Then each step's time is recorded, the outcome and sentiment are kept, and the store holds the same
        assertEquals(new Assignment(proposed.id(), "e1", "v1", T0, AssignmentStatus.RESOLVED, T0.plusSeconds(120),
                "resolved", 0.4, T0.plusSeconds(60), T0.plusSeconds(180)), resolved);
        assertEquals(resolved, service.get(proposed.id()));

        // And one event per step was published, after the step, with the assignment as committed
        assertEquals(List.of("assignment.proposed", "assignment.accepted", "assignment.responded", "assignment.resolved"),
                events.stream().map(AssignmentEvent::type).toList());
        assertEquals(resolved, events.get(3).assignment());
        assertEquals(T0.plusSeconds(180), events.get(3).occurredAt());
        assertEquals(4, events.stream().map(AssignmentEvent::id).distinct().count());
    }

    @Test
    void shouldRefuseAStepFromAStatusItIsNotAllowedFromNamingBothStatuses() {
        // Given a proposed assignment
        Assignment a = service.propose("v1", "e1");

        // When it is resolved or responded to before being accepted
        AssignmentConflictException resolve = assertThrows(AssignmentConflictException.class,
                () -> service.take(a.id(), Transition.RESOLVE, "resolved", null));
        AssignmentConflictException respond = assertThrows(AssignmentConflictException.class,
                () -> service.take(a.id(), Transition.RESPOND, null, null));

        // Then each conflict says from which status to which, and nothing changed
        assertTrue(resolve.getMessage().contains("from proposed to resolved"), resolve.getMessage());
        assertTrue(respond.getMessage().contains("from proposed to responded"), respond.getMessage());
        assertEquals("status", resolve.field());
        assertEquals(AssignmentStatus.PROPOSED, service.get(a.id()).status());
        assertEquals(1, events.size());

        // When it is declined, Then it can neither be accepted nor cancelled any more
        service.take(a.id(), Transition.DECLINE, "on leave", null);
        assertTrue(assertThrows(AssignmentConflictException.class, () -> service.take(a.id(), Transition.ACCEPT, null,
                null)).getMessage().contains("from declined to accepted"));
        assertThrows(AssignmentConflictException.class, () -> service.take(a.id(), Transition.CANCEL, null, null));
        assertEquals("on leave", service.get(a.id()).outcome());
    }

    @Test
    void shouldRefuseASecondProposalWhileTheConversationHasAnOpenOne() {
        // Given an accepted assignment for v1
        Assignment first = service.propose("v1", "e1");
        service.take(first.id(), Transition.ACCEPT, null, null);

        // When another advocate is proposed for v1, Then the conflict names the open assignment
        AssignmentConflictException busy = assertThrows(AssignmentConflictException.class,
                () -> service.propose("v1", "e2"));
        assertTrue(busy.getMessage().contains(first.id() + " (accepted)"), busy.getMessage());
        assertEquals("conversationId", busy.field());

        // When the first is cancelled, Then a new proposal is taken
        clock.advance(Duration.ofMinutes(5));
        Assignment cancelled = service.take(first.id(), Transition.CANCEL, "customer answered themselves", null);
        assertEquals(T0.plusSeconds(300), cancelled.resolvedAt());
        assertEquals(AssignmentStatus.PROPOSED, service.propose("v1", "e2").status());
    }

    @Test
    void shouldNameUnknownIdsAndMissingFields() {
        // Given the tiny graph, When a request names what does not exist or leaves a field out, Then it is named
        NotFoundException conversation = assertThrows(NotFoundException.class, () -> service.propose("ghost", "e1"));
        assertEquals("conversationId", conversation.field());
        assertEquals(List.of("ghost"), conversation.ids());
        assertEquals("employeeId", assertThrows(NotFoundException.class, () -> service.propose("v1", "c1")).field());
        assertEquals("id", assertThrows(NotFoundException.class, () -> service.take("nope", Transition.ACCEPT, null,
                null)).field());
        assertEquals("conversationId", assertThrows(InvalidFieldException.class, () -> service.propose(" ", "e1")).field());
        assertEquals("employeeId", assertThrows(InvalidFieldException.class, () -> service.propose("v1", null)).field());
        assertEquals(List.of(), events);
    }

    @Test
    void shouldCheckWhatEachStepTakes() {
        // Given an assignment that has been responded to
        Assignment a = service.propose("v1", "e1");
        service.take(a.id(), Transition.ACCEPT, null, null);
        service.take(a.id(), Transition.RESPOND, null, null);

        // When it is resolved without an outcome, with a sentiment out of range, or a step gets what it does not take
        // Then the field is named and nothing changes
        assertEquals("outcome", assertThrows(InvalidFieldException.class,
                () -> service.take(a.id(), Transition.RESOLVE, " ", 0.1)).field());
        assertEquals("sentimentAfter", assertThrows(InvalidFieldException.class,
                () -> service.take(a.id(), Transition.RESOLVE, "resolved", 1.5)).field());
        assertEquals("sentimentAfter", assertThrows(InvalidFieldException.class,
                () -> service.take(a.id(), Transition.RESOLVE, "resolved", Double.NaN)).field());
        assertEquals("sentimentAfter", assertThrows(InvalidFieldException.class,
                () -> service.take(a.id(), Transition.CANCEL, null, 0.5)).field());
        assertEquals("outcome", assertThrows(InvalidFieldException.class,
                () -> service.take(a.id(), Transition.ACCEPT, "yes", null)).field());
        assertEquals(AssignmentStatus.RESPONDED, service.get(a.id()).status());

        // When it is resolved without a measured sentiment, Then that is kept as unknown
        assertNull(service.take(a.id(), Transition.RESOLVE, "thanked", null).sentimentAfter());
    }

    @Test
    void shouldKeepTheStepsInOrderWhenTheClockGoesBack() {
        // Given a proposal made by a clock that then goes back an hour (another server, a clock correction)
        Assignment a = service.propose("v1", "e1");
        clock.advance(Duration.ofHours(-1));

        // When it is accepted, Then the decision is not recorded before the proposal
        assertEquals(a.assignedAt(), service.take(a.id(), Transition.ACCEPT, null, null).decidedAt());
    }

    @Test
    void shouldStandByACommittedStepWhenItsEventCannotBeHandedOver() {
        // Given a service whose events go nowhere but fail
        AssignmentService failing = new AssignmentService(store, e -> {
            throw new IllegalStateException("queue full");
        }, clock);

        // When an assignment is proposed and accepted, Then both steps stand
        Assignment a = failing.propose("v1", "e1");
        assertEquals(AssignmentStatus.ACCEPTED, failing.take(a.id(), Transition.ACCEPT, null, null).status());
        assertEquals(AssignmentStatus.ACCEPTED, store.assignment(a.id()).orElseThrow().status());
    }

    @Test
    void shouldLetOneOfConcurrentStepsWinAndTellTheOthersWhatItFound() throws Exception {
        // Given a proposed assignment
        Assignment a = service.propose("v1", "e1");

        // When 8 threads accept or decline it at once
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Transition step = i % 2 == 0 ? Transition.ACCEPT : Transition.DECLINE;
            Callable<String> task = () -> {
                start.await();
                try {
                    return service.take(a.id(), step, null, null).status().key();
                } catch (AssignmentConflictException e) {
                    return "conflict";
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdownNow();

        // Then exactly one step was taken, and one event published for it besides the proposal's
        assertEquals(7, Collections.frequency(outcomes, "conflict"), outcomes.toString());
        String winner = service.get(a.id()).status().key();
        assertTrue(outcomes.contains(winner), outcomes + " / " + winner);
        assertEquals(2, events.size());
    }

    @Test
    void shouldListByFiltersLatestFirst() {
        // Given two assignments for v1 a minute apart, the first declined (the tiny graph also has e5's s1 for v0)
        Assignment first = service.propose("v1", "e1");
        service.take(first.id(), Transition.DECLINE, null, null);
        clock.advance(Duration.ofMinutes(1));
        Assignment second = service.propose("v1", "e2");

        // When listed by conversation, by status, and by employee
        // Then the latest comes first and the filters hold
        assertEquals(List.of(second.id(), first.id()), ids(new AssignmentQuery("v1", null, null, 10)));
        assertEquals(List.of(first.id()), ids(new AssignmentQuery(null, null, AssignmentStatus.DECLINED, 10)));
        assertEquals(List.of("s1"), ids(new AssignmentQuery(null, "e5", null, 10)));
    }

    private List<String> ids(AssignmentQuery query) {
        return service.list(query).stream().map(Assignment::id).toList();
    }
}
