package org.advocategraph.model;

import java.time.Instant;

/**
 * {@code (Employee)-[:ASSIGNED_TO {id, assignedAt, status, respondedAt, outcome, sentimentAfter}]->(Conversation)}.
 *
 * @param id             external id of the assignment
 * @param employeeId     the advocate
 * @param conversationId the conversation
 * @param assignedAt     when it was made
 * @param status         lifecycle status
 * @param respondedAt    when the advocate responded, or null
 * @param outcome        free-text outcome key, for example {@code resolved}, may be empty
 * @param sentimentAfter the conversation's sentiment after the response (-1..1), or null when not measured
 */
public record Assignment(String id, String employeeId, String conversationId, Instant assignedAt,
                         AssignmentStatus status, Instant respondedAt, String outcome, Double sentimentAfter)
        implements GraphRelationship {
    public Assignment {
        id = Checks.id("id", id);
        employeeId = Checks.id("employeeId", employeeId);
        conversationId = Checks.id("conversationId", conversationId);
        Checks.notNull("assignedAt", assignedAt);
        Checks.notNull("status", status);
        outcome = Checks.text("outcome", outcome);
        if (sentimentAfter != null) {
            Checks.range("sentimentAfter", sentimentAfter, -1, 1);
        }
        if (respondedAt != null && respondedAt.isBefore(assignedAt)) {
            throw new InvalidFieldException("respondedAt", "must not be before assignedAt (" + assignedAt + "), was " + respondedAt);
        }
    }
}
