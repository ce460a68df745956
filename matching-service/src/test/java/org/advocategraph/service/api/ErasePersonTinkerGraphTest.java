package org.advocategraph.service.api;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** Erasing a person through the API, over an in-memory TinkerGraph. */
class ErasePersonTinkerGraphTest extends ErasePersonContract {
    @Override
    protected GraphStore newEmptyStore() {
        return TinkerPopGraphStore.inMemory();
    }
}
