package org.advocategraph.store.tinkerpop;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/**
 * The store contract against a real JanusGraph Server hosting an in-memory JanusGraph with a strict schema, reached
 * over GraphBinary with JanusGraph's types; the schema is created on the server through its management API.
 */
class RemoteJanusGraphStoreIT extends GraphStoreContract {
    @RegisterExtension
    static final JanusGraphServerExtension SERVER = new JanusGraphServerExtension();

    @Override
    protected GraphStore newEmptyStore() {
        return SERVER.emptyStore();
    }
}
