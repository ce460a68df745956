package org.advocategraph.model;

/**
 * {@code (Employee)-[:EXPERT_IN {level, source}]->(Topic)}.
 *
 * @param employeeId the expert
 * @param topicId    the topic
 * @param level      0 (none) .. 1 (authority)
 * @param source     where the evidence comes from, for example {@code self}, {@code manager}, {@code answers}
 */
public record Expertise(String employeeId, String topicId, double level, String source) implements GraphRelationship {
    public Expertise {
        employeeId = Checks.id("employeeId", employeeId);
        topicId = Checks.id("topicId", topicId);
        Checks.range("level", level, 0, 1);
        source = Checks.text("source", source);
    }
}
