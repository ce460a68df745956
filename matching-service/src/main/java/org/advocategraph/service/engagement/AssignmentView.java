package org.advocategraph.service.engagement;

import java.time.Instant;

import org.advocategraph.model.Assignment;

/**
 * An assignment as it leaves the service, in API answers and webhook events: statuses as their lower-case keys,
 * times in ISO 8601, absent times as null.
 *
 * @param id             the assignment's id
 * @param conversationId the conversation
 * @param employeeId     the advocate
 * @param status         {@code proposed}, {@code accepted}, {@code declined}, {@code responded}, {@code resolved}
 *                       or {@code cancelled}
 * @param assignedAt     when it was proposed
 * @param decidedAt      when it was accepted or declined
 * @param respondedAt    when the advocate responded
 * @param resolvedAt     when it was resolved or cancelled
 * @param outcome        the outcome (or the reason of a decline or cancellation), may be empty
 * @param sentimentAfter the conversation's sentiment after the response, -1..1
 */
public record AssignmentView(String id, String conversationId, String employeeId, String status, Instant assignedAt,
                             Instant decidedAt, Instant respondedAt, Instant resolvedAt, String outcome,
                             Double sentimentAfter) {
    /**
     * @param a an assignment
     * @return its view
     */
    public static AssignmentView of(Assignment a) {
        return new AssignmentView(a.id(), a.conversationId(), a.employeeId(), a.status().key(), a.assignedAt(),
                a.decidedAt(), a.respondedAt(), a.resolvedAt(), a.outcome(), a.sentimentAfter());
    }
}
