package org.advocategraph.store.tinkerpop;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.store.StoreException;
import org.apache.tinkerpop.gremlin.driver.Client;
import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.exception.NoHostAvailableException;
import org.apache.tinkerpop.gremlin.driver.exception.ResponseException;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.apache.tinkerpop.gremlin.process.traversal.GraphOp;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.structure.io.binary.TypeSerializerRegistry;
import org.apache.tinkerpop.gremlin.util.message.ResponseStatusCode;
import org.apache.tinkerpop.gremlin.util.ser.GraphBinaryMessageSerializerV1;
import org.janusgraph.graphdb.tinkerpop.JanusGraphIoRegistry;

/**
 * Opens a {@link TinkerPopGraphStore} on a Gremlin Server: GraphBinary with JanusGraph's types registered (its edge
 * ids come back from JanusGraph Server; other servers never send them, so the registry is harmless there), one
 * connection pool, bytecode traversals only.
 */
final class RemoteGremlin {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteGremlin.class);

    /** How long opening a connection may take: long enough for TLS over a slow link, short enough to fail fast. */
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;

    private RemoteGremlin() {
    }

    static TinkerPopGraphStore open(GremlinSettings settings) {
        String where = settings.safeUri();
        Cluster cluster;
        try {
            Cluster.Builder builder = Cluster.build(settings.host()).port(settings.port()).serializer(serializer())
                    .enableSsl(settings.ssl()).connectionSetupTimeoutMillis(CONNECT_TIMEOUT_MILLIS)
                    .maxWaitForConnection((int) CONNECT_TIMEOUT_MILLIS);
            if (settings.user() != null) {
                builder.credentials(settings.user(), settings.password() == null ? "" : settings.password());
            }
            cluster = builder.create();
        } catch (RuntimeException e) {
            throw new StoreException("cannot set up a connection to " + where + ": " + oneLine(e), false, e);
        }
        DriverRemoteConnection connection = null;
        try {
            connection = DriverRemoteConnection.using(cluster, settings.source());
            GraphTraversalSource g = traversal().withRemote(connection);
            // One round trip now, so that a wrong address, credentials or source fails here, naming the server.
            g.inject(1).toList();
            boolean transactional = takesTransactions(cluster, settings.source());
            String description = "gremlin " + where + (transactional ? " (transactions)" : " (no transactions)");
            Runnable schema = settings.janusGraph()
                    ? () -> JanusGraphSchema.ensure(new RemoteManagement(cluster, settings.source()), where)
                    : () -> {
                    };
            DriverRemoteConnection opened = connection;
            AutoCloseable owned = () -> {
                try {
                    opened.close();
                } finally {
                    cluster.close();
                }
            };
            LOG.info("Connected to {}", description);
            return new TinkerPopGraphStore(g, description,
                    transactional ? TinkerPopGraphStore.Transactions.REMOTE : TinkerPopGraphStore.Transactions.NONE,
                    Batching.remote(settings.maxContentLength()), schema, owned, settings.janusGraph());
        } catch (RuntimeException e) {
            closeQuietly(connection, cluster);
            throw failure(settings, e);
        }
    }

    /**
     * Asks the server, in a session of its own, to commit an empty transaction: a graph without transactions refuses
     * with "does not support transactions" (Gremlin Server's message for TinkerGraph).
     */
    private static boolean takesTransactions(Cluster cluster, String source) {
        Client session = cluster.connect(UUID.randomUUID().toString());
        try {
            DriverRemoteConnection probe = DriverRemoteConnection.using(session, source);
            probe.submitAsync(GraphOp.TX_COMMIT.getBytecode()).get(CONNECT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .hasNext();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            String message = StoreException.rootMessage(e);
            if (message.toLowerCase(java.util.Locale.ROOT).contains("not support transactions")) {
                return false;
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(message, e);
        } finally {
            session.close();
        }
    }

    static GraphBinaryMessageSerializerV1 serializer() {
        return new GraphBinaryMessageSerializerV1(
                TypeSerializerRegistry.build().addRegistry(JanusGraphIoRegistry.instance()).create());
    }

    private static StoreException failure(GremlinSettings settings, RuntimeException e) {
        String where = settings.safeUri();
        if (has(e, NoHostAvailableException.class) || has(e, java.net.ConnectException.class)
                || has(e, java.util.concurrent.TimeoutException.class)) {
            return StoreException.unreachable(where, e);
        }
        ResponseException refused = find(e, ResponseException.class);
        if (refused != null) {
            ResponseStatusCode code = refused.getResponseStatusCode();
            if (code == ResponseStatusCode.UNAUTHORIZED || code == ResponseStatusCode.FORBIDDEN
                    || code == ResponseStatusCode.AUTHENTICATE) {
                return new StoreException("the Gremlin Server at " + where + " refused the credentials"
                        + (settings.user() == null ? " (none given: set store.user and store.password)"
                        : " of user " + settings.user()), false, e);
            }
            return new StoreException("the Gremlin Server at " + where + " refused: " + oneLine(refused), false, e);
        }
        return new StoreException("cannot use the Gremlin Server at " + where + ": " + oneLine(e), true, e);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static String oneLine(Throwable t) {
        String line = StoreException.rootMessage(t).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        // A server's message may quote the whole request (every id of a batch): keep the start, which says what.
        return line.length() <= MAX_MESSAGE ? line
                : line.substring(0, MAX_MESSAGE) + "... (" + (line.length() - MAX_MESSAGE) + " more characters)";
    }

    /** The longest message of the store's own that an error passes on, in characters. */
    static final int MAX_MESSAGE = 500;

    private static void closeQuietly(DriverRemoteConnection connection, Cluster cluster) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            LOG.debug("closing the remote connection failed", e);
        } finally {
            cluster.close();
        }
    }
}
