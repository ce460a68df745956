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
import org.apache.tinkerpop.gremlin.structure.util.GraphFactory;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Graph;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerTransactionGraph;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.advocategraph.store.TestFolders;

/**
 * A real Gremlin Server (TinkerPop 3.7) in this process for a test class, on a free loopback port, speaking
 * GraphBinary, hosting a TinkerGraph: plain ({@link #tinkerGraph()}, no transactions) or
 * {@link TinkerTransactionGraph} ({@link #transactional()}, remote transactions). Register it on a static field with
 * {@code @RegisterExtension}; each test takes a store over a fresh graph from {@link #emptyStore()}.
 *
 * <p>The graph is put in the server's graph manager after start, under traversal source {@code g}, with indexes on
 * {@code uid} for vertices and edges, as a server's start-up script would create them. Clients send bytecode only.
 */
public final class GremlinServerExtension implements BeforeAllCallback, AfterAllCallback {
    /** The traversal source the graph is bound to. */
    public static final String SOURCE = "g";

    /** Makes a new, empty graph with its indexes. */
    private final Supplier<Graph> graphs;
    private final int maxContentLength;
    /** User and password the server requires, or null for none. */
    private final String[] login;
    private Path credentials;
    private GremlinServer server;
    private ServerGremlinExecutor executor;
    private int port;
    private Graph graph;

    private GremlinServerExtension(Supplier<Graph> graphs, int maxContentLength, String[] login) {
        this.graphs = graphs;
        this.maxContentLength = maxContentLength;
        this.login = login;
    }

    /**
     * @param user     the one user the server knows
     * @param password that user's password
     * @return a server like this one that refuses anyone else (Gremlin Server's SimpleAuthenticator, SASL PLAIN)
     */
    public GremlinServerExtension requiringLogin(String user, String password) {
        return new GremlinServerExtension(graphs, maxContentLength, new String[] {user, password});
    }

    /** @return a server hosting a plain TinkerGraph (no transactions), accepting requests up to 64 KB */
    public static GremlinServerExtension tinkerGraph() {
        return new GremlinServerExtension(() -> {
            TinkerGraph graph = TinkerGraph.open();
            graph.createIndex(Schema.UID, Vertex.class);
            graph.createIndex(Schema.UID, Edge.class);
            return graph;
        }, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH, null);
    }

    /** @return a server hosting a {@link TinkerTransactionGraph}, accepting requests up to 64 KB */
    public static GremlinServerExtension transactional() {
        return new GremlinServerExtension(() -> {
            TinkerTransactionGraph graph = TinkerTransactionGraph.open();
            graph.createIndex(Schema.UID, Vertex.class);
            graph.createIndex(Schema.UID, Edge.class);
            return graph;
        }, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Settings settings = new Settings();
        settings.host = "127.0.0.1";
        settings.port = freePort();
        settings.maxContentLength = maxContentLength;
        Settings.SerializerSettings binary = new Settings.SerializerSettings();
        binary.className = GraphBinaryMessageSerializerV1.class.getName();
        settings.serializers = List.of(binary);
        // Bytecode only: no script engine to start.
        settings.scriptEngines = new HashMap<>();
        if (login != null) {
            settings.authentication.authenticator = SimpleAuthenticator.class.getName();
            settings.authentication.config = Map.of(SimpleAuthenticator.CONFIG_CREDENTIALS_DB, credentialsGraph().toString());
        }
        server = new GremlinServer(settings);
        executor = server.start().join();
        port = settings.port;
        freshGraph();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.stop().join();
        }
        if (graph != null) {
            graph.close();
        }
        TestFolders.deleteTree(credentials);
    }

    /** Writes the credentials graph of the one user, as Gremlin Server keeps them: a TinkerGraph in a file. */
    private Path credentialsGraph() throws IOException {
        credentials = Files.createTempDirectory("gremlin-credentials");
        Path data = credentials.resolve("credentials.json");
        Path properties = credentials.resolve("credentials.properties");
        Files.writeString(properties, "gremlin.graph=" + TinkerGraph.class.getName() + "\n"
                + "gremlin.tinkergraph.graphLocation=" + data + "\ngremlin.tinkergraph.graphFormat=graphson\n");
        Graph users = GraphFactory.open(properties.toString());
        try {
            users.traversal(CredentialTraversalSource.class).user(login[0], login[1]).iterate();
        } finally {
            try {
                users.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
        return properties;
    }

    /** @return where the server is, as the store's settings, with the server's user and password if it has one */
    public GremlinSettings settings() {
        return new GremlinSettings("127.0.0.1", port, SOURCE, false, false, maxContentLength,
                login == null ? null : login[0], login == null ? null : login[1]);
    }

    /** @return the store URI of the server */
    public String uri() {
        return "gremlin://127.0.0.1:" + port + "/" + SOURCE;
    }

    /** @return the server's port */
    public int port() {
        return port;
    }

    /** @return a store connected to the server over a new, empty graph, its schema ensured */
    public TinkerPopGraphStore emptyStore() {
        freshGraph();
        TinkerPopGraphStore store = TinkerPopGraphStore.remote(settings());
        store.ensureSchema();
        return store;
    }

    /** @return the graph the server hosts now, to look at it from the server's side */
    public Graph graph() {
        return graph;
    }

    private void freshGraph() {
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

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
