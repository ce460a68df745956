package org.advocategraph.store.tinkerpop;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/**
 * The store contract against a fresh embedded JanusGraph in memory per test, with a strict schema (every key and
 * label must be declared), so that the schema this store creates is proven complete.
 */
class JanusGraphStoreTest extends GraphStoreContract {

    @Override
    protected GraphStore newEmptyStore() {
        TinkerPopGraphStore store = TinkerPopGraphStore.janusGraphInMemory();
        store.ensureSchema();
        return store;
    }
}
