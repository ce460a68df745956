package org.advocategraph.service.analytics;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;

/**
 * Reads the people and ties of a store into a {@link PeopleGraph}: two unordered scans (employees, customers) in
 * batches and one pass over the ties ({@link GraphStore#forEachTie}), so memory holds the projection and one batch,
 * not the store's records. People are numbered in
 * the order the store hands them over. O(V + E log(max degree)).
 */
public final class ProjectionLoader {
    /** Records per scanned batch. */
    static final int BATCH = 10_000;

    private ProjectionLoader() {
    }

    /** @return the projection of the store's people and ties as they are now */
    public static PeopleGraph load(GraphStore store) {
        PeopleGraph.Builder builder = new PeopleGraph.Builder();
        store.scanUnordered(Employee.class, BATCH, batch -> {
            for (Employee e : batch) {
                builder.person(e.id(), true, e.eligible());
            }
        });
        store.scanUnordered(Customer.class, BATCH, batch -> {
            for (Customer c : batch) {
                builder.person(c.id(), false, false);
            }
        });
        store.forEachTie((from, to, kind, strength) -> builder.tie(from, to, kind != TieKind.FOLLOWS, strength));
        return builder.build();
    }
}
