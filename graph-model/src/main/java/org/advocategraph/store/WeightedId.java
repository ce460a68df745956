package org.advocategraph.store;

/**
 * An id with a weight in 0..1, for example a topic a conversation is about.
 *
 * @param id     the id
 * @param weight the weight
 */
public record WeightedId(String id, double weight) {
    public WeightedId {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in 0..1, was " + weight);
        }
    }
}
