package org.advocategraph.store.tinkerpop;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/** The store contract against a fresh in-memory TinkerGraph per test. */
class TinkerGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore newEmptyStore() {
        return TinkerPopGraphStore.inMemory();
    }
}
