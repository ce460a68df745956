package org.advocategraph.store;

import java.util.Comparator;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;

/**
 * Which assignments {@link GraphStore#assignments} lists: every filter is optional (null), the ones given must all
 * hold; at most {@code limit} come back, the most recently proposed first.
 *
 * @param conversationId only assignments to this conversation, or null
 * @param employeeId     only assignments of this employee, or null
 * @param status         only assignments in this status, or null
 * @param limit          most assignments returned, 1..{@link #MAX_LIMIT}
 */
public record AssignmentQuery(String conversationId, String employeeId, AssignmentStatus status, int limit) {
    /** The most assignments one query returns. */
    public static final int MAX_LIMIT = 1_000;

    /** The order of the answer: latest {@code assignedAt} first, then by id. */
    public static final Comparator<Assignment> ORDER = Comparator.comparing(Assignment::assignedAt).reversed()
            .thenComparing(Assignment::id);

    public AssignmentQuery {
        conversationId = blankToNull(conversationId);
        employeeId = blankToNull(employeeId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /**
     * @param assignment an assignment
     * @return true when it passes every filter given
     */
    public boolean matches(Assignment assignment) {
        return (conversationId == null || conversationId.equals(assignment.conversationId()))
                && (employeeId == null || employeeId.equals(assignment.employeeId()))
                && (status == null || status == assignment.status());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
