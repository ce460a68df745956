package org.advocategraph.store.tinkerpop;

import static org.apache.tinkerpop.gremlin.process.traversal.AnonymousTraversalSource.traversal;

import java.time.Duration;

import org.apache.tinkerpop.gremlin.driver.Cluster;
import org.apache.tinkerpop.gremlin.driver.remote.DriverRemoteConnection;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/**
 * The store contract against the official JanusGraph Server image ({@code janusgraph/janusgraph:1.1.0}, in-memory
 * backend, its own configuration), the schema created on the server. Needs Docker: skipped where there is none; the
 * same path always runs against the in-process server of {@link RemoteJanusGraphStoreIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class JanusGraphServerContainerIT extends GraphStoreContract {
    private static final int PORT = 8182;

    @Container
    static final GenericContainer<?> JANUSGRAPH = new GenericContainer<>(DockerImageName.parse("janusgraph/janusgraph:1.1.0"))
            .withEnv("JANUS_PROPS_TEMPLATE", "inmemory")
            .withExposedPorts(PORT)
            .waitingFor(Wait.forLogMessage(".*Channel started at port " + PORT + ".*", 1))
            .withStartupTimeout(Duration.ofMinutes(3));

    private static String uri() {
        return "gremlin://" + JANUSGRAPH.getHost() + ":" + JANUSGRAPH.getMappedPort(PORT) + "/g?schema=janusgraph";
    }

    @Override
    protected GraphStore newEmptyStore() {
        // Wipe the server's graph (the schema stays), through a connection of its own.
        Cluster cluster = Cluster.build(JANUSGRAPH.getHost()).port(JANUSGRAPH.getMappedPort(PORT))
                .serializer(RemoteGremlin.serializer()).create();
        try {
            traversal().withRemote(DriverRemoteConnection.using(cluster, "g")).V().drop().iterate();
        } finally {
            cluster.close();
        }
        TinkerPopGraphStore store = TinkerPopGraphStore.remote(GremlinSettings.parse(uri(), null, null));
        store.ensureSchema();
        return store;
    }
}
