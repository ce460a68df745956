package org.advocategraph.service.engagement;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;

/**
 * One step of an assignment's lifecycle: from which statuses it may be taken, the status it leads to, and which
 * time it records.
 *
 * <pre>
 * proposed --accept--> accepted --respond--> responded --resolve--> resolved
 * proposed --decline-> declined
 * proposed, accepted --cancel--> cancelled
 * </pre>
 */
public enum Transition {
    /** The advocate takes it on; records {@code decidedAt}. */
    ACCEPT(AssignmentStatus.ACCEPTED, EnumSet.of(AssignmentStatus.PROPOSED)),
    /** The advocate turns it down; records {@code decidedAt} and an optional reason as the outcome. */
    DECLINE(AssignmentStatus.DECLINED, EnumSet.of(AssignmentStatus.PROPOSED)),
    /** The advocate answered the conversation; records {@code respondedAt}. */
    RESPOND(AssignmentStatus.RESPONDED, EnumSet.of(AssignmentStatus.ACCEPTED)),
    /** The conversation is settled; records {@code resolvedAt}, the outcome and the sentiment after. */
    RESOLVE(AssignmentStatus.RESOLVED, EnumSet.of(AssignmentStatus.RESPONDED)),
    /** Withdrawn before an answer (by a manager, or because it is no longer needed); records {@code resolvedAt}. */
    CANCEL(AssignmentStatus.CANCELLED, EnumSet.of(AssignmentStatus.PROPOSED, AssignmentStatus.ACCEPTED));

    private final AssignmentStatus target;
    private final Set<AssignmentStatus> from;

    Transition(AssignmentStatus target, Set<AssignmentStatus> from) {
        this.target = target;
        this.from = from;
    }

    /** @return the status this step leads to */
    public AssignmentStatus target() {
        return target;
    }

    /**
     * @param status a current status
     * @return true when this step may be taken from it
     */
    public boolean allowedFrom(AssignmentStatus status) {
        return from.contains(status);
    }

    /** @return the statuses this step may be taken from, in lifecycle order */
    public Set<AssignmentStatus> from() {
        return EnumSet.copyOf(from);
    }

    /** @return the lower-case verb used in paths, for example {@code accept} */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param current        the assignment, in a status this step is allowed from
     * @param at             the time of the step, not before any time already recorded
     * @param outcome        the outcome or reason to record, or null to keep the current one
     * @param sentimentAfter the sentiment after (only for {@link #RESOLVE}), or null
     * @return the assignment after the step
     */
    Assignment apply(Assignment current, Instant at, String outcome, Double sentimentAfter) {
        String newOutcome = outcome == null ? current.outcome() : outcome;
        Instant decidedAt = this == ACCEPT || this == DECLINE ? at : current.decidedAt();
        Instant respondedAt = this == RESPOND ? at : current.respondedAt();
        Instant resolvedAt = this == RESOLVE || this == CANCEL ? at : current.resolvedAt();
        Double sentiment = this == RESOLVE ? sentimentAfter : current.sentimentAfter();
        return new Assignment(current.id(), current.employeeId(), current.conversationId(), current.assignedAt(), target,
                respondedAt, newOutcome, sentiment, decidedAt, resolvedAt);
    }
}
