package org.advocategraph.service.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.ProposeOutcome;

/**
 * Assignments as a lifecycle: proposes an advocate for a conversation and takes each later step (see
 * {@link Transition}), safely under concurrency, and publishes an event for every step once it is committed.
 *
 * <p>Concurrency: a conversation has at most one open assignment (proposed, accepted or responded), which the
 * store enforces atomically ({@link GraphStore#proposeAssignment}); each step is a compare-and-set on the status
 * ({@link GraphStore#updateAssignment}), so of two concurrent steps on one assignment only one that is still
 * allowed after the other succeeds; the other gets a conflict naming the status it found.
 *
 * <p>Events: published after the store has committed, and a failure to publish is logged, never thrown: the
 * step stands whatever becomes of its event.
 *
 * <p>Thread-safe.
 */
public final class AssignmentService {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentService.class);
    /** Attempts of one step when concurrent steps keep changing the status under it. */
    private static final int MAX_TRIES = 3;

    private final GraphStore store;
    private final AssignmentEvents events;
    private final Clock clock;

    /**
     * @param store  the graph
     * @param events where the events of committed steps go
     * @param clock  the time of each step
     */
    public AssignmentService(GraphStore store, AssignmentEvents events, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Proposes an advocate for a conversation.
     *
     * @param conversationId the conversation
     * @param employeeId     the advocate
     * @return the new assignment, in status {@code proposed}
     * @throws InvalidFieldException        naming a missing or malformed id
     * @throws NotFoundException            naming an unknown conversation or employee
     * @throws AssignmentConflictException  when the conversation already has an open assignment
     */
    public Assignment propose(String conversationId, String employeeId) {
        requireId("conversationId", conversationId);
        requireId("employeeId", employeeId);
        for (int attempt = 0; ; attempt++) {
            Instant now = now();
            Assignment proposal = new Assignment(UUID.randomUUID().toString(), employeeId, conversationId, now,
                    AssignmentStatus.PROPOSED, null, "", null);
            ProposeOutcome outcome = store.proposeAssignment(proposal);
            switch (outcome) {
                case CREATED -> {
                    publish(proposal, now);
                    return proposal;
                }
                case UNKNOWN_CONVERSATION ->
                        throw new NotFoundException("conversationId", "conversation", List.of(conversationId));
                case UNKNOWN_EMPLOYEE -> throw new NotFoundException("employeeId", "employee", List.of(employeeId));
                case CONVERSATION_BUSY -> throw busy(conversationId);
                case ID_TAKEN -> {
                    // A random id collided: draw another, a bounded number of times.
                    if (attempt >= MAX_TRIES) {
                        throw new IllegalStateException("could not draw an unused assignment id");
                    }
                }
                default -> throw new IllegalStateException("unknown outcome " + outcome);
            }
        }
    }

    /**
     * Takes one step of an assignment's lifecycle.
     *
     * @param id             the assignment
     * @param step           the step
     * @param outcome        for {@link Transition#RESOLVE} the outcome (required); for {@link Transition#DECLINE} and
     *                       {@link Transition#CANCEL} an optional reason; must be null for the others
     * @param sentimentAfter for {@link Transition#RESOLVE} the sentiment after (-1..1), optional; must be null for
     *                       the others
     * @return the assignment after the step
     * @throws InvalidFieldException       naming a field that is missing, not allowed for this step, or out of range
     * @throws NotFoundException           when there is no such assignment
     * @throws AssignmentConflictException when the step is not allowed from the assignment's status
     */
    public Assignment take(String id, Transition step, String outcome, Double sentimentAfter) {
        Objects.requireNonNull(step, "step");
        checkArguments(step, outcome, sentimentAfter);
        for (int attempt = 1; ; attempt++) {
            Assignment current = get(id);
            if (!step.allowedFrom(current.status())) {
                throw AssignmentConflictException.illegalStep(id, current.status().key(), step);
            }
            Instant at = notBefore(now(), current);
            Assignment next = step.apply(current, at, outcome, sentimentAfter);
            if (store.updateAssignment(next, current.status())) {
                publish(next, at);
                return next;
            }
            if (attempt == MAX_TRIES) {
                Assignment now = get(id);
                throw AssignmentConflictException.illegalStep(id, now.status().key(), step);
            }
        }
    }

    /**
     * @param id an assignment id
     * @return the assignment
     * @throws NotFoundException when there is none with this id
     */
    public Assignment get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("id", "assignment", List.of(String.valueOf(id))));
    }

    /**
     * @param id an assignment id
     * @return the assignment, if there is one with this id
     */
    public Optional<Assignment> find(String id) {
        return id == null || id.isBlank() ? Optional.empty() : store.assignment(id);
    }

    /**
     * @param query filters and bound
     * @return the assignments that pass the filters, most recently proposed first
     */
    public List<Assignment> list(AssignmentQuery query) {
        return store.assignments(query);
    }

    private static void checkArguments(Transition step, String outcome, Double sentimentAfter) {
        if (step == Transition.RESOLVE && (outcome == null || outcome.isBlank())) {
            throw new InvalidFieldException("outcome", "is required to resolve an assignment, for example \"resolved\"");
        }
        if (outcome != null && (step == Transition.ACCEPT || step == Transition.RESPOND)) {
            throw new InvalidFieldException("outcome", "is not taken by " + step.verb()
                    + "; give it with resolve (or as a reason with decline or cancel)");
        }
        if (sentimentAfter != null && step != Transition.RESOLVE) {
            throw new InvalidFieldException("sentimentAfter", "is only taken by resolve");
        }
        if (sentimentAfter != null && !(sentimentAfter >= -1 && sentimentAfter <= 1)) {
            throw new InvalidFieldException("sentimentAfter", "must be in -1..1, was " + sentimentAfter);
        }
    }

    private AssignmentConflictException busy(String conversationId) {
        // Name the assignment in the way, when it is still there.
        for (AssignmentStatus status : AssignmentStatus.values()) {
            if (status.open()) {
                for (Assignment open : store.assignments(new AssignmentQuery(conversationId, null, status, 1))) {
                    return AssignmentConflictException.conversationBusy(conversationId, open.id(), status.key());
                }
            }
        }
        return AssignmentConflictException.conversationBusy(conversationId, null, null);
    }

    private void publish(Assignment assignment, Instant at) {
        try {
            events.publish(AssignmentEvent.of(UUID.randomUUID().toString(), at, assignment));
        } catch (RuntimeException e) {
            LOG.warn("Assignment {} is {} but its event could not be handed over: {}", assignment.id(),
                    assignment.status().key(), e.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Keeps the steps in order even if this clock is behind the one that recorded the earlier steps. */
    private static Instant notBefore(Instant now, Assignment a) {
        return Stream.of(a.assignedAt(), a.decidedAt(), a.respondedAt(), a.resolvedAt())
                .filter(Objects::nonNull).reduce(now, (x, y) -> x.isAfter(y) ? x : y);
    }

    private static void requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
    }
}
