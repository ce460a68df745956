package org.advocategraph.model;

/**
 * {@code (Topic)-[:SUBTOPIC_OF]->(Topic)}: the topic hierarchy.
 *
 * @param childId  the narrower topic
 * @param parentId the broader topic
 */
public record SubtopicOf(String childId, String parentId) implements GraphRelationship {
    public SubtopicOf {
        childId = Checks.id("childId", childId);
        parentId = Checks.id("parentId", parentId);
        if (childId.equals(parentId)) {
            throw new InvalidFieldException("parentId", "a topic cannot be its own parent: " + childId);
        }
    }
}
