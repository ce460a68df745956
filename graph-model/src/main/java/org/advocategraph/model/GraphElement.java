package org.advocategraph.model;

/**
 * Anything that can be written to the advocate graph: a node record or a relationship record.
 * Every element has a natural key (its id, or its endpoints and, for assignments, its id), so that writes
 * are idempotent upserts.
 */
public sealed interface GraphElement permits GraphNode, GraphRelationship {
}
