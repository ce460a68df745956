package org.advocategraph.model;

/**
 * A customer organization, as in a CRM.
 *
 * @param id       external id
 * @param name     display name
 * @param industry industry, for example {@code retail}
 */
public record Account(String id, String name, String industry) implements GraphNode {
    public Account {
        id = Checks.id("id", id);
        name = Checks.required("name", name);
        industry = Checks.text("industry", industry);
    }
}
