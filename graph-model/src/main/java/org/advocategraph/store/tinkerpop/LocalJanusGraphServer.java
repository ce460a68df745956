package org.advocategraph.store.tinkerpop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.tinkerpop.gremlin.structure.Graph;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.graphdb.server.JanusGraphServer;

import org.advocategraph.store.Folders;

/**
 * A real JanusGraph Server (JanusGraph 1.1's own server classes) in this process, configured as the distribution
 * configures it: a YAML file, the {@code gremlin-groovy} script engine with JanusGraph's plugin and a start-up script
 * binding the traversal sources, GraphBinary with {@code JanusGraphIoRegistry}, and JanusGraph Server's default
 * 64 KB {@code maxContentLength}. It hosts one or more in-memory graphs with a strict schema
 * ({@code schema.default=none}), each bound to a traversal source of its own: {@code g} over {@code graph}, and
 * {@code g_NAME} over each further graph. Tests and {@code advocates bench backends} use it to run the service's
 * JanusGraph Server path without a server installed. (Gremlin Server's default graph manager, as in the
 * distribution: JanusGraph's own, for ConfiguredGraphFactory, allows one per JVM.)
 */
public final class LocalJanusGraphServer implements AutoCloseable {
    private final Path home;
    private final JanusGraphServer server;
    private final int port;

    private LocalJanusGraphServer(Path home, JanusGraphServer server, int port) {
        this.home = home;
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param extraGraphs names of graphs besides {@code graph}, each bound to traversal source {@code g_NAME}
     * @return the running server
     */
    public static LocalJanusGraphServer start(String... extraGraphs) {
        Path home = null;
        try {
            home = Files.createTempDirectory("janusgraph-server");
            int port = LocalGremlinServer.freePort();
            List<String> graphs = new ArrayList<>(List.of("graph"));
            graphs.addAll(List.of(extraGraphs));
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
            JanusGraphServer server = new JanusGraphServer(yaml.toString());
            server.start().join();
            return new LocalJanusGraphServer(home, server, port);
        } catch (IOException e) {
            Folders.deleteTree(home);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Folders.deleteTree(home);
            throw e;
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

    /** Stops the server (and its graphs) and deletes its configuration folder. */
    @Override
    public void close() {
        try {
            server.stop().join();
        } finally {
            Folders.deleteTree(home);
        }
    }
}
