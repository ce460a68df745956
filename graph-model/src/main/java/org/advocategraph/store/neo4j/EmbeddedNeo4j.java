package org.advocategraph.store.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.store.StoreException;

/**
 * A Neo4j database running inside this JVM, reachable over Bolt on the loopback interface only, so that the
 * service talks to it through the Java driver exactly as it would to an external server or cluster.
 *
 * <p>Bolt threads are not daemons: whoever starts an embedded database must {@link #close()} it (the
 * composition root does so in a shutdown hook and on start-up errors), or the JVM never exits.
 *
 * <p>The Bolt port accepts connections from this machine only, and only with this run's credentials: at every
 * start the {@code neo4j} user gets a new random password, set in-process and kept only in memory
 * ({@link #settings()}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService management;
    private final int boltPort;
    private final String password;
    private volatile boolean closed;

    private EmbeddedNeo4j(DatabaseManagementService management, int boltPort, String password) {
        this.management = management;
        this.boltPort = boltPort;
        this.password = password;
    }

    /**
     * Starts a database whose files live in {@code home} (created if absent; an existing database there is
     * opened, so data survives restarts).
     *
     * @param home     the folder for data and logs
     * @param boltPort the loopback port for Bolt, or 0 for any free port
     * @return the running database
     * @throws StoreException when the database cannot start (folder not writable, port taken, locked by
     *                        another process)
     */
    public static EmbeddedNeo4j start(Path home, int boltPort) {
        Objects.requireNonNull(home, "home");
        if (boltPort < 0 || boltPort > 65_535) {
            throw new IllegalArgumentException("boltPort must be in 0..65535, was " + boltPort);
        }
        long started = System.nanoTime();
        DatabaseManagementService management = null;
        try {
            Files.createDirectories(home);
            management = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // Shutdown otherwise waits twice 5 s for Bolt connections to drain.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
            GraphDatabaseService db = management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            // A fresh random password on every start, set in-process: nothing else on this machine can log in.
            String password = randomPassword();
            management.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
            int port = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT).getPort();
            LOG.info("Embedded Neo4j started in {} ms, data in {}, Bolt on 127.0.0.1:{}",
                    (System.nanoTime() - started) / 1_000_000, home.toAbsolutePath(), port);
            return new EmbeddedNeo4j(management, port, password);
        } catch (Exception | LinkageError e) {
            if (management != null) {
                management.shutdown();
            }
            throw new StoreException("cannot start the embedded Neo4j database in " + home.toAbsolutePath()
                    + ": " + StoreException.rootMessage(e), false, e);
        }
    }

    /** @return the Bolt URI to give the driver, for example {@code bolt://127.0.0.1:7687} */
    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    /**
     * @return settings for the driver: the Bolt URI and this run's credentials (user {@code neo4j} with a random
     *         password set at start, never written anywhere)
     */
    public Neo4jSettings settings() {
        return new Neo4jSettings(boltUri(), "neo4j", password, null);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return the default database, for in-process writes ({@link Neo4jGraphStore#connectWritingInProcess}) */
    GraphDatabaseService database() {
        return management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** @return the bound Bolt port */
    public int boltPort() {
        return boltPort;
    }

    /** Stops the database; safe to call more than once and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        management.shutdown();
        LOG.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
