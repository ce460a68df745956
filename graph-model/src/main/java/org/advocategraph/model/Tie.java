package org.advocategraph.model;

import java.time.Instant;

/**
 * {@code (Person)-[:CONNECTED_TO {kind, strength, since}]->(Person)}. At most one tie of each kind links
 * two people in one direction.
 *
 * @param fromId   the person the tie starts at (the follower, for {@link TieKind#FOLLOWS})
 * @param toId     the person the tie ends at
 * @param kind     colleague, follows, knows or interacted
 * @param strength 0 (weak) .. 1 (strong)
 * @param since    when the tie began, or null when unknown
 */
public record Tie(String fromId, String toId, TieKind kind, double strength, Instant since) implements GraphRelationship {
    public Tie {
        fromId = Checks.id("fromId", fromId);
        toId = Checks.id("toId", toId);
        if (fromId.equals(toId)) {
            throw new InvalidFieldException("toId", "a person cannot be tied to themselves: " + fromId);
        }
        Checks.notNull("kind", kind);
        Checks.range("strength", strength, 0, 1);
    }

    /** @return the endpoint that is not {@code personId} */
    public String other(String personId) {
        return fromId.equals(personId) ? toId : fromId;
    }
}
