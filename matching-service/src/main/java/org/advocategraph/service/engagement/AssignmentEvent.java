package org.advocategraph.service.engagement;

import java.time.Instant;

import org.advocategraph.model.Assignment;

/**
 * Something that happened to an assignment, after it was committed: it was proposed, or reached the status it
 * is now in.
 *
 * @param id         a unique id, the same on every delivery attempt, for receivers to drop duplicates
 * @param type       {@code assignment.} plus the status reached, for example {@code assignment.accepted}
 * @param occurredAt when the step was taken
 * @param assignment the assignment after the step
 */
public record AssignmentEvent(String id, String type, Instant occurredAt, Assignment assignment) {
    /**
     * @param id         the event id
     * @param occurredAt when the step was taken
     * @param assignment the assignment as committed
     * @return the event of the assignment reaching its current status
     */
    public static AssignmentEvent of(String id, Instant occurredAt, Assignment assignment) {
        return new AssignmentEvent(id, "assignment." + assignment.status().key(), occurredAt, assignment);
    }
}
