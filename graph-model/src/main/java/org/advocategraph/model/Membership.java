package org.advocategraph.model;

import java.time.Instant;

/**
 * {@code (Employee)-[:MEMBER_OF {since}]->(Program)}.
 *
 * @param employeeId the member
 * @param programId  the program
 * @param since      when the employee joined, or null when unknown
 */
public record Membership(String employeeId, String programId, Instant since) implements GraphRelationship {
    public Membership {
        employeeId = Checks.id("employeeId", employeeId);
        programId = Checks.id("programId", programId);
    }
}
