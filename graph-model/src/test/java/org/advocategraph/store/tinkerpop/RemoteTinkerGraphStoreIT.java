package org.advocategraph.store.tinkerpop;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/** The store contract against a real Gremlin Server hosting a TinkerGraph (no transactions), reached over GraphBinary. */
class RemoteTinkerGraphStoreIT extends GraphStoreContract {
    @RegisterExtension
    static final GremlinServerExtension SERVER = GremlinServerExtension.tinkerGraph();

    @Override
    protected GraphStore newEmptyStore() {
        return SERVER.emptyStore();
    }
}
