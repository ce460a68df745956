package org.advocategraph.store.tinkerpop;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/**
 * The store contract against a real Gremlin Server hosting a {@code TinkerTransactionGraph}: every write goes through
 * a remote transaction.
 */
class RemoteTransactionalTinkerGraphStoreIT extends GraphStoreContract {
    @RegisterExtension
    static final GremlinServerExtension SERVER = GremlinServerExtension.transactional();

    @Override
    protected GraphStore newEmptyStore() {
        return SERVER.emptyStore();
    }
}
