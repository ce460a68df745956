package org.advocategraph.store.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
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
        return start(home, boltPort, List.of());
    }

    /**
     * Starts a database like {@link #start(Path, int)} that also lets the named procedures run unrestricted (for
     * example {@code gds.*}, whose procedures reach into the kernel); they must then be registered
     * ({@link #registerProcedures}): an embedded database does not discover procedures on the class path.
     *
     * @param home                   the folder for data and logs
     * @param boltPort               the loopback port for Bolt, or 0 for any free port
     * @param unrestrictedProcedures procedure name patterns, as Neo4j's {@code dbms.security.procedures.unrestricted}
     * @return the running database
     * @throws StoreException when the database cannot start
     */
    public static EmbeddedNeo4j start(Path home, int boltPort, List<String> unrestrictedProcedures) {
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
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.copyOf(unrestrictedProcedures))
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

    /**
     * @return the default database, for in-process reads and writes ({@link Neo4jGraphStore#connectWritingInProcess},
     *         {@link Neo4jGraphStore#connectReadingInProcess}) and for tools that run in this JVM (benchmarks);
     *         the service reaches it through the store port
     */
    public GraphDatabaseService database() {
        return management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /**
     * Registers procedures and functions with the database (an embedded database does not discover them on the
     * class path): every class listed in the class path's {@code META-INF/services/org.neo4j.procedure.Procedure}
     * and {@code ...UserFunction} files whose name starts with {@code prefix}.
     *
     * @param prefix the package prefix of the classes to register, for example {@code org.neo4j.gds}
     * @return how many classes were registered
     * @throws StoreException when a class cannot be loaded or registered
     */
    public int registerProcedures(String prefix) {
        GlobalProcedures procedures = ((GraphDatabaseAPI) database()).getDependencyResolver()
                .resolveDependency(GlobalProcedures.class);
        int registered = 0;
        try {
            for (String kind : List.of("Procedure", "UserFunction")) {
                for (String name : listed("META-INF/services/org.neo4j.procedure." + kind)) {
                    if (!name.startsWith(prefix)) {
                        continue;
                    }
                    Class<?> type = Class.forName(name);
                    if (kind.equals("Procedure")) {
                        procedures.registerProcedure(type);
                    } else {
                        procedures.registerFunction(type);
                        procedures.registerAggregationFunction(type);
                    }
                    registered++;
                }
            }
        } catch (Exception | LinkageError e) {
            throw new StoreException("cannot register the procedures of " + prefix + ": " + StoreException.rootMessage(e),
                    false, e);
        }
        LOG.info("Registered {} procedure and function classes of {}", registered, prefix);
        return registered;
    }

    /** @return the class names listed in every such service file on the class path */
    private static Set<String> listed(String resource) throws java.io.IOException {
        Set<String> names = new LinkedHashSet<>();
        var urls = EmbeddedNeo4j.class.getClassLoader().getResources(resource);
        while (urls.hasMoreElements()) {
            try (var in = urls.nextElement().openStream()) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
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
