package org.advocategraph.store.tinkerpop;

import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LocalGremlinServer} for a test class: a real Gremlin Server in this process hosting a TinkerGraph, plain
 * ({@link #tinkerGraph()}, no transactions) or {@link TinkerTransactionGraph} ({@link #transactional()}, remote
 * transactions), accepting requests up to 64 KB. Register it on a static field with {@code @RegisterExtension};
 * each test takes a store over a fresh graph from {@link #emptyStore()}.
 */
public final class GremlinServerExtension implements BeforeAllCallback, AfterAllCallback {
    /** The traversal source the graph is bound to. */
    public static final String SOURCE = LocalGremlinServer.SOURCE;

    private final boolean transactional;
    /** User and password the server requires, or null for none. */
    private final String[] login;
    private LocalGremlinServer server;

    private GremlinServerExtension(boolean transactional, String[] login) {
        this.transactional = transactional;
        this.login = login;
    }

    /**
     * @param user     the one user the server knows
     * @param password that user's password
     * @return a server like this one that refuses anyone else (Gremlin Server's SimpleAuthenticator, SASL PLAIN)
     */
    public GremlinServerExtension requiringLogin(String user, String password) {
        return new GremlinServerExtension(transactional, new String[] {user, password});
    }

    /** @return a server hosting a plain TinkerGraph (no transactions) */
    public static GremlinServerExtension tinkerGraph() {
        return new GremlinServerExtension(false, null);
    }

    /** @return a server hosting a {@link TinkerTransactionGraph} */
    public static GremlinServerExtension transactional() {
        return new GremlinServerExtension(true, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = LocalGremlinServer.start(transactional, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH,
                login == null ? null : login[0], login == null ? null : login[1]);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** @return where the server is, as the store's settings, with the server's user and password if it has one */
    public GremlinSettings settings() {
        return server.settings();
    }

    /** @return the store URI of the server */
    public String uri() {
        return server.uri();
    }

    /** @return the server's port */
    public int port() {
        return server.port();
    }

    /** @return a store connected to the server over a new, empty graph, its schema ensured */
    public TinkerPopGraphStore emptyStore() {
        server.freshGraph();
        TinkerPopGraphStore store = TinkerPopGraphStore.remote(settings());
        store.ensureSchema();
        return store;
    }

    /** @return the graph the server hosts now, to look at it from the server's side */
    public Graph graph() {
        return server.graph();
    }
}
