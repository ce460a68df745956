package org.advocategraph.model;

/**
 * A subject people are expert in, interested in, or talk about.
 *
 * @param id   external id, for example {@code kubernetes}
 * @param name display name
 */
public record Topic(String id, String name) implements GraphNode {
    public Topic {
        id = Checks.id("id", id);
        name = Checks.required("name", name);
    }
}
