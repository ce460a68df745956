package org.advocategraph.model;

import java.time.Instant;

/**
 * {@code (Employee)-[:ASSIGNED_TO {id, assignedAt, status, respondedAt, outcome, sentimentAfter, decidedAt,
 * resolvedAt}]->(Conversation)}: one request to an advocate to answer a conversation, through its lifecycle
 * {@code proposed -> accepted | declined}, {@code accepted -> responded -> resolved}, and {@code cancelled} for a
 * proposed or accepted one that is withdrawn.
 *
 * <p>Every time is optional but {@code assignedAt}, since imported histories seldom record each step; those
 * given must follow the lifecycle's order: nothing before {@code assignedAt}, a response not before the decision,
 * a resolution not before the response.
 *
 * @param id             external id of the assignment
 * @param employeeId     the advocate
 * @param conversationId the conversation
 * @param assignedAt     when it was proposed
 * @param status         lifecycle status
 * @param respondedAt    when the advocate responded, or null
 * @param outcome        free-text outcome key, for example {@code resolved}, may be empty
 * @param sentimentAfter the conversation's sentiment after the response (-1..1), or null when not measured
 * @param decidedAt      when the advocate accepted or declined, or null
 * @param resolvedAt     when it was resolved or cancelled, or null
 */
public record Assignment(String id, String employeeId, String conversationId, Instant assignedAt,
                         AssignmentStatus status, Instant respondedAt, String outcome, Double sentimentAfter,
                         Instant decidedAt, Instant resolvedAt)
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
        notBefore("decidedAt", decidedAt, "assignedAt", assignedAt);
        notBefore("respondedAt", respondedAt, "assignedAt", assignedAt);
        notBefore("respondedAt", respondedAt, "decidedAt", decidedAt);
        notBefore("resolvedAt", resolvedAt, "assignedAt", assignedAt);
        notBefore("resolvedAt", resolvedAt, "respondedAt", respondedAt);
    }

    /**
     * An assignment without decision and resolution times, as most imported histories give it.
     *
     * @param id             external id of the assignment
     * @param employeeId     the advocate
     * @param conversationId the conversation
     * @param assignedAt     when it was proposed
     * @param status         lifecycle status
     * @param respondedAt    when the advocate responded, or null
     * @param outcome        free-text outcome key, may be empty
     * @param sentimentAfter the conversation's sentiment after the response (-1..1), or null
     */
    public Assignment(String id, String employeeId, String conversationId, Instant assignedAt,
                      AssignmentStatus status, Instant respondedAt, String outcome, Double sentimentAfter) {
        this(id, employeeId, conversationId, assignedAt, status, respondedAt, outcome, sentimentAfter, null, null);
    }

    private static void notBefore(String field, Instant value, String earlierField, Instant earlier) {
        if (value != null && earlier != null && value.isBefore(earlier)) {
            throw new InvalidFieldException(field, "must not be before " + earlierField + " (" + earlier + "), was " + value);
        }
    }
}
