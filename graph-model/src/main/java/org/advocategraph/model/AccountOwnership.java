package org.advocategraph.model;

/**
 * {@code (Employee)-[:OWNS_ACCOUNT]->(Account)}: the employee responsible for a customer organization.
 *
 * @param employeeId the owner
 * @param accountId  the account
 */
public record AccountOwnership(String employeeId, String accountId) implements GraphRelationship {
    public AccountOwnership {
        employeeId = Checks.id("employeeId", employeeId);
        accountId = Checks.id("accountId", accountId);
    }
}
