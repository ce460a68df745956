package org.advocategraph.store.tinkerpop;

import org.janusgraph.core.JanusGraph;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LocalJanusGraphServer} for a test class: a real JanusGraph Server in this process hosting in-memory graphs
 * with a strict schema, {@code g} over {@code graph} and {@code g_NAME} over each further graph named at
 * construction. Register it on a static field with {@code @RegisterExtension}.
 */
public final class JanusGraphServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final String[] extraGraphs;
    private LocalJanusGraphServer server;

    /**
     * @param extraGraphs names of graphs besides {@code graph}, each bound to traversal source {@code g_NAME}
     */
    public JanusGraphServerExtension(String... extraGraphs) {
        this.extraGraphs = extraGraphs.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = LocalJanusGraphServer.start(extraGraphs);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** @return the store URI of one graph, with the JanusGraph schema managed on the server */
    public String uri(String graph) {
        return server.uri(graph);
    }

    /** @return the settings of one graph, with the JanusGraph schema managed on the server */
    public GremlinSettings settings(String graph) {
        return server.settings(graph);
    }

    /** @return the JanusGraph instance the server hosts under that name, to look at it from the server's side */
    public JanusGraph graph(String name) {
        return server.graph(name);
    }

    /**
     * @return a store connected to {@code graph} over the server, every vertex dropped (the schema stays), its schema
     *         ensured
     */
    public TinkerPopGraphStore emptyStore() {
        JanusGraph graph = graph("graph");
        graph.traversal().V().drop().iterate();
        graph.tx().commit();
        TinkerPopGraphStore store = TinkerPopGraphStore.remote(settings("graph"));
        store.ensureSchema();
        return store;
    }
}
