package org.advocategraph.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An employee who may act as an advocate ({@code Person:Employee}).
 *
 * @param id             external id, unique among all people
 * @param name           display name
 * @param title          job title
 * @param department     department, for example {@code engineering}
 * @param region         region, for example {@code emea}
 * @param languages      languages spoken, lower-case codes such as {@code en}
 * @param certifications certifications held, lower-case keys such as {@code social-care}
 * @param purposes       purposes the employee may speak for
 * @param capacity       how many open assignments the employee accepts at once (0 = none)
 * @param active         still employed and reachable
 * @param optedIn        agreed to take part in the advocacy program
 * @param managerId      id of the employee this one reports to, or null
 */
public record Employee(String id, String name, String title, String department, String region,
                       List<String> languages, Set<String> certifications, Set<Purpose> purposes,
                       int capacity, boolean active, boolean optedIn, String managerId) implements GraphNode {

    /** Upper bound on capacity: more open assignments than this is a data error, not a busy person. */
    public static final int MAX_CAPACITY = 10_000;

    public Employee {
        id = Checks.id("id", id);
        name = Checks.required("name", name);
        title = Checks.text("title", title);
        department = Checks.text("department", department);
        region = Checks.text("region", region);
        languages = Checks.tags("languages", languages);
        certifications = Checks.sortedSet(Checks.tags("certifications", certifications));
        purposes = Checks.sortedSet(purposes == null ? Set.of() : purposes);
        Checks.range("capacity", capacity, 0, MAX_CAPACITY);
        managerId = Checks.optionalId("managerId", managerId);
        if (id.equals(managerId)) {
            throw new InvalidFieldException("managerId", "an employee cannot report to themselves: " + id);
        }
    }

    /** @return true when the employee may be matched at all (active, opted in, with capacity) */
    public boolean eligible() {
        return eligible(active, optedIn, capacity);
    }

    /**
     * The one rule for who may be matched, for readers that see the fields without building the record.
     *
     * @return true when active, opted in and with capacity
     */
    public static boolean eligible(boolean active, boolean optedIn, int capacity) {
        return active && optedIn && capacity > 0;
    }

    /** @return true when the employee speaks the given language (null or blank means no requirement) */
    public boolean speaks(String language) {
        return language == null || language.isBlank() || languages.contains(language.trim().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return true when the employee holds every given certification */
    public boolean holdsAll(Collection<String> required) {
        return certifications.containsAll(required);
    }
}
