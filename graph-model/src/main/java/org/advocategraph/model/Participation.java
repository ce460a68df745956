package org.advocategraph.model;

/**
 * {@code (Person)-[:PARTICIPATED_IN]->(Conversation)}.
 *
 * @param personId       the participant (employee or customer)
 * @param conversationId the conversation
 */
public record Participation(String personId, String conversationId) implements GraphRelationship {
    public Participation {
        personId = Checks.id("personId", personId);
        conversationId = Checks.id("conversationId", conversationId);
    }
}
