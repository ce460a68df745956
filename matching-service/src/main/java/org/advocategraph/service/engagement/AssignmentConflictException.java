package org.advocategraph.service.engagement;

/**
 * A request that the current state of an assignment or conversation does not allow: a step from a status it
 * cannot be taken from, or a proposal for a conversation that already has an open assignment. Maps to HTTP 409.
 */
public final class AssignmentConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    private AssignmentConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    static AssignmentConflictException illegalStep(String assignmentId, String currentStatus, Transition step) {
        return new AssignmentConflictException("status", "assignment " + assignmentId + " cannot move from "
                + currentStatus + " to " + step.target().key() + ": " + step.verb() + " is allowed only from "
                + String.join(" or ", step.from().stream().map(s -> s.key()).toList()));
    }

    /** @param openId the open assignment, or null when it closed before it could be read */
    static AssignmentConflictException conversationBusy(String conversationId, String openId, String openStatus) {
        return new AssignmentConflictException("conversationId", openId == null
                ? "conversation " + conversationId + " had an open assignment a moment ago; try again"
                : "conversation " + conversationId + " already has an open assignment " + openId + " (" + openStatus
                        + "); it must be declined, cancelled or resolved first");
    }

    /** @return the request field or parameter the conflict concerns */
    public String field() {
        return field;
    }
}
