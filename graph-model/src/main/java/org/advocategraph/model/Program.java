package org.advocategraph.model;

/**
 * An advocacy program, such as a corps of certified social-care advocates.
 *
 * @param id      external id
 * @param name    display name
 * @param purpose what the program's members speak for
 */
public record Program(String id, String name, Purpose purpose) implements GraphNode {
    public Program {
        id = Checks.id("id", id);
        name = Checks.required("name", name);
        Checks.notNull("purpose", purpose);
    }
}
