package org.advocategraph.store.tinkerpop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.tinkerpop.gremlin.groovy.jsr223.dsl.credential.CredentialTraversalSource;
import org.apache.tinkerpop.gremlin.server.GremlinServer;
import org.apache.tinkerpop.gremlin.server.Settings;
import org.apache.tinkerpop.gremlin.server.auth.SimpleAuthenticator;
import org.apache.tinkerpop.gremlin.server.util.ServerGremlinExecutor;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.util.GraphFactory;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;

import org.advocategraph.store.Folders;

/**
 * A real Gremlin Server (TinkerPop 3.7) in this process, on a free loopback port, speaking GraphBinary, hosting a
 * TinkerGraph: plain (no transactions) or {@link TinkerTransactionGraph} (remote transactions). Tests and
 * {@code advocates bench backends} use it to run the service's remote path without a server installed.
 *
 * <p>The graph is put in the server's graph manager after start, under traversal source {@value #SOURCE}, with
 * indexes on {@code uid} for vertices and edges, as a server's start-up script would create them. No script engine
 * runs: clients send bytecode only.
 */
public final class LocalGremlinServer implements AutoCloseable {
    /** The traversal source the graph is bound to. */
    public static final String SOURCE = "g";

    private final Supplier<Graph> graphs;
    private final int maxContentLength;
    private final String user;
    private final String password;
    private final Path credentials;
    private final GremlinServer server;
    private final ServerGremlinExecutor executor;
    private final int port;
    private Graph graph;

    private LocalGremlinServer(Supplier<Graph> graphs, int maxContentLength, String user, String password) throws Exception {
        this.graphs = graphs;
        this.maxContentLength = maxContentLength;
        this.user = user;
        this.password = password;
        Settings settings = new Settings();
        settings.host = "127.0.0.1";
        settings.port = freePort();
        settings.maxContentLength = maxContentLength;
        Settings.SerializerSettings binary = new Settings.SerializerSettings();
        binary.className = GraphBinaryMessageSerializerV1.class.getName();
        settings.serializers = List.of(binary);
        settings.scriptEngines = new HashMap<>();
        credentials = user == null ? null : credentialsGraph(user, password);
        if (credentials != null) {
            settings.authentication.authenticator = SimpleAuthenticator.class.getName();
            settings.authentication.config = Map.of(SimpleAuthenticator.CONFIG_CREDENTIALS_DB,
                    credentials.resolve("credentials.properties").toString());
        }
        try {
            server = new GremlinServer(settings);
            executor = server.start().join();
        } catch (Exception e) {
            Folders.deleteTree(credentials);
            throw e;
        }
        port = settings.port;
        freshGraph();
    }

    /**
     * Starts a server.
     *
     * @param transactional    host a {@link TinkerTransactionGraph} rather than a plain TinkerGraph
     * @param maxContentLength the largest request the server accepts, in bytes
     * @param user             the one user the server knows (SASL PLAIN), or null to let anyone in
     * @param password         that user's password, or null
     * @return the running server, hosting an empty graph
     */
    public static LocalGremlinServer start(boolean transactional, int maxContentLength, String user, String password) {
        Supplier<Graph> graphs = transactional ? () -> indexed(TinkerTransactionGraph.open()) : () -> indexed(TinkerGraph.open());
        try {
            return new LocalGremlinServer(graphs, maxContentLength, user, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the Gremlin Server did not start: " + e.getMessage(), e);
        }
    }

    private static Graph indexed(TinkerGraph graph) {
        graph.createIndex(Schema.UID, Vertex.class);
        graph.createIndex(Schema.UID, Edge.class);
        return graph;
    }

    private static Graph indexed(TinkerTransactionGraph graph) {
        graph.createIndex(Schema.UID, Vertex.class);
        graph.createIndex(Schema.UID, Edge.class);
        return graph;
    }

    /** Writes the credentials graph of the one user, as Gremlin Server keeps them: a TinkerGraph in a file. */
    private static Path credentialsGraph(String user, String password) throws IOException {
        Path folder = Files.createTempDirectory("gremlin-credentials");
        Path properties = folder.resolve("credentials.properties");
        Files.writeString(properties, "gremlin.graph=" + TinkerGraph.class.getName() + "\n"
                + "gremlin.tinkergraph.graphLocation=" + folder.resolve("credentials.json") + "\n"
                + "gremlin.tinkergraph.graphFormat=graphson\n");
        try (Graph users = GraphFactory.open(properties.toString())) {
            users.traversal(CredentialTraversalSource.class).user(user, password).iterate();
        } catch (Exception e) {
            Folders.deleteTree(folder);
            throw new IOException("cannot write the credentials graph: " + e.getMessage(), e);
        }
        return folder;
    }

    /** Replaces the hosted graph by a new, empty one with its indexes; the old one is closed. */
    public synchronized void freshGraph() {
        Graph old = graph;
        graph = graphs.get();
        executor.getGraphManager().putGraph("graph", graph);
        executor.getGraphManager().putTraversalSource(SOURCE, graph.traversal());
        if (old != null) {
            try {
                old.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** @return where the server is, as the store's settings, with the server's user and password if it has one */
    public GremlinSettings settings() {
        return new GremlinSettings("127.0.0.1", port, SOURCE, false, false, maxContentLength, user, password);
    }

    /** @return the store URI of the server (without the user and password, which are settings of their own) */
    public String uri() {
        return "gremlin://127.0.0.1:" + port + "/" + SOURCE;
    }

    /** @return the server's port */
    public int port() {
        return port;
    }

    /** @return the graph the server hosts now, to look at it from the server's side */
    public synchronized Graph graph() {
        return graph;
    }

    /** Stops the server and closes its graph. */
    @Override
    public synchronized void close() {
        try {
            server.stop().join();
        } finally {
            try {
                graph.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                Folders.deleteTree(credentials);
            }
        }
    }

    /** @return a TCP port on the loopback interface that was free a moment ago */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
