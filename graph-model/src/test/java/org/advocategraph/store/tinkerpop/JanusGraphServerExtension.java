package org.advocategraph.store.tinkerpop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.tinkerpop.gremlin.structure.Graph;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.graphdb.server.JanusGraphServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.advocategraph.store.TestFolders;

/**
 * A real JanusGraph Server (JanusGraph 1.1's own server classes) in this process for a test class, configured as
 * the distribution configures it: a YAML file, the {@code gremlin-groovy} script engine
 * with JanusGraph's plugin and a start-up script binding the traversal sources, GraphBinary with
 * {@code JanusGraphIoRegistry}, and JanusGraph Server's default 64 KB {@code maxContentLength}. It hosts several
 * in-memory graphs with a strict schema ({@code schema.default=none}), each bound to a traversal source of its own:
 * {@code g} over {@code graph}, and {@code g_NAME} over each further graph named at construction. Register it on a
 * static field with {@code @RegisterExtension}. (Gremlin Server's default graph manager, as in the distribution:
 * JanusGraph's own, for ConfiguredGraphFactory, allows one per JVM, and test classes share one.)
 */
public final class JanusGraphServerExtension implements BeforeAllCallback, AfterAllCallback {
    private final List<String> extraGraphs;
    private Path home;
    private JanusGraphServer server;
    private int port;

    /**
     * @param extraGraphs names of graphs besides {@code graph}, each bound to traversal source {@code g_NAME}
     */
    public JanusGraphServerExtension(String... extraGraphs) {
        this.extraGraphs = List.of(extraGraphs);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        home = Files.createTempDirectory("janusgraph-server");
        port = GremlinServerExtension.freePort();
        List<String> graphs = new ArrayList<>(List.of("graph"));
        graphs.addAll(extraGraphs);
        StringBuilder graphEntries = new StringBuilder();
        StringBuilder bindings = new StringBuilder("def globals = [:]\n");
        for (String name : graphs) {
            Path properties = home.resolve(name + ".properties");
            Files.writeString(properties, "gremlin.graph=org.janusgraph.core.JanusGraphFactory\n"
                    + "storage.backend=inmemory\nschema.default=none\n");
            graphEntries.append(graphEntries.length() == 0 ? "" : ", ").append(name).append(": ").append(properties);
            bindings.append("globals << [").append(source(name)).append(" : ").append(name).append(".traversal()]\n");
        }
        Path init = home.resolve("init.groovy");
        Files.writeString(init, bindings.toString());
        Path yaml = home.resolve("janusgraph-server.yaml");
        Files.writeString(yaml, String.join("\n",
                "host: 127.0.0.1",
                "port: " + port,
                "evaluationTimeout: 60000",
                "graphs: { " + graphEntries + " }",
                "scriptEngines: {",
                "  gremlin-groovy: {",
                "    plugins: { org.janusgraph.graphdb.tinkerpop.plugin.JanusGraphGremlinPlugin: {},",
                "               org.apache.tinkerpop.gremlin.server.jsr223.GremlinServerGremlinPlugin: {},",
                "               org.apache.tinkerpop.gremlin.jsr223.ScriptFileGremlinPlugin: {files: [" + init + "]}}}}",
                "serializers:",
                "  - { className: org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1,",
                "      config: { ioRegistries: [org.janusgraph.graphdb.tinkerpop.JanusGraphIoRegistry] }}",
                "maxContentLength: " + GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH,
                ""));
        server = new JanusGraphServer(yaml.toString());
        server.start().join();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.stop().join();
            }
        } finally {
            TestFolders.deleteTree(home);
        }
    }

    /** @return the traversal source bound to a graph: {@code g} for {@code graph}, else {@code g_NAME} */
    public static String source(String graph) {
        return "graph".equals(graph) ? "g" : "g_" + graph;
    }

    /** @return the store URI of one graph, with the JanusGraph schema managed on the server */
    public String uri(String graph) {
        return "gremlin://127.0.0.1:" + port + "/" + source(graph) + "?schema=janusgraph";
    }

    /** @return the settings of one graph, with the JanusGraph schema managed on the server */
    public GremlinSettings settings(String graph) {
        return GremlinSettings.parse(uri(graph), null, null);
    }

    /** @return the JanusGraph instance the server hosts under that name, to look at it from the server's side */
    public JanusGraph graph(String name) {
        Graph graph = server.getGremlinServer().getServerGremlinExecutor().getGraphManager().getGraph(name);
        if (graph == null) {
            throw new IllegalArgumentException("no graph " + name);
        }
        return (JanusGraph) graph;
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
