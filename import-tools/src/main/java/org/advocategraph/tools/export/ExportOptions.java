package org.advocategraph.tools.export;

/**
 * What a network export ({@link GraphExporter#toGraphMl}, {@link GraphExporter#toGexf}) writes besides people and
 * their ties.
 *
 * @param includeTopics also write topics as nodes, with the {@code EXPERT_IN} edges of employees and the
 *                      {@code INTERESTED_IN} edges of customers into them
 */
public record ExportOptions(boolean includeTopics) {
    /** People and their ties only. */
    public static final ExportOptions DEFAULT = new ExportOptions(false);
}
