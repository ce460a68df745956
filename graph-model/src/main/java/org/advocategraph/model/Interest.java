package org.advocategraph.model;

/**
 * {@code (Customer)-[:INTERESTED_IN {weight}]->(Topic)}.
 *
 * @param customerId the customer
 * @param topicId    the topic
 * @param weight     0 .. 1
 */
public record Interest(String customerId, String topicId, double weight) implements GraphRelationship {
    public Interest {
        customerId = Checks.id("customerId", customerId);
        topicId = Checks.id("topicId", topicId);
        Checks.range("weight", weight, 0, 1);
    }
}
