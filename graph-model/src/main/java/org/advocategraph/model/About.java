package org.advocategraph.model;

/**
 * {@code (Conversation)-[:ABOUT {weight}]->(Topic)}.
 *
 * @param conversationId the conversation
 * @param topicId        the topic
 * @param weight         0 .. 1, how central the topic is to the conversation
 */
public record About(String conversationId, String topicId, double weight) implements GraphRelationship {
    public About {
        conversationId = Checks.id("conversationId", conversationId);
        topicId = Checks.id("topicId", topicId);
        Checks.range("weight", weight, 0, 1);
    }
}
