package org.advocategraph.service.analytics;

import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;

/**
 * Reads the people and ties of a store into a {@link PeopleGraph}, the one place projections are built: one pass
 * over the people and one over the ties ({@link GraphStore#forEachPersonAndTie}), with what the projection needs
 * (ids, kinds, eligibility; ends, kinds, strengths) and no records, the ties naming people by number, so memory
 * holds the projection and no copy of the store's records. People are renumbered by id, whatever order the store
 * hands them over in. O(V log V + E log(max degree)).
 */
public final class ProjectionLoader {
    /** Records per scanned batch, for the analytics that scan records beside the projection. */
    static final int BATCH = 10_000;

    private ProjectionLoader() {
    }

    /** @return the projection of the store's people and ties as they are now */
    public static PeopleGraph load(GraphStore store) {
        PeopleGraph.Builder builder = new PeopleGraph.Builder();
        store.forEachPersonAndTie(builder::person,
                (from, to, kind, strength) -> builder.tie(from, to, kind != TieKind.FOLLOWS, strength));
        return builder.build();
    }
}
