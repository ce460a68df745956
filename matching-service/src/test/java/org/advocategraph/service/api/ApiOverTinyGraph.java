package org.advocategraph.service.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * An HTTP test over the tiny graph: for each test a fresh store holding {@link TinyGraph} and a server over it that
 * accepts {@link ApiCalls#KEYS}. Start it with {@code JavalinTest.test(server.javalin(), ...)}.
 */
abstract class ApiOverTinyGraph {
    /** The store under the server, holding the tiny graph. */
    protected GraphStore store;
    /** The server, not started. */
    protected ApiServer server;

    /** @return a store over an empty graph: an in-memory TinkerGraph unless a subclass says otherwise */
    protected GraphStore newEmptyStore() {
        return TinkerPopGraphStore.inMemory();
    }

    /** @return the largest body the server takes */
    protected long maxBodyBytes() {
        return ApiSettings.DEFAULT_MAX_BODY;
    }

    @BeforeEach
    void openServer() {
        store = newEmptyStore();
        store.upsert(TinyGraph.elements());
        server = ApiCalls.server(store, maxBodyBytes());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
