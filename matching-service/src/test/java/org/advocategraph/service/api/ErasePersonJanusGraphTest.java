package org.advocategraph.service.api;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Erasing a person through the API, over an embedded JanusGraph in memory with a strict schema. */
class ErasePersonJanusGraphTest extends ErasePersonContract {
    @Override
    protected GraphStore newEmptyStore() {
        TinkerPopGraphStore store = TinkerPopGraphStore.janusGraphInMemory();
        store.ensureSchema();
        return store;
    }
}
