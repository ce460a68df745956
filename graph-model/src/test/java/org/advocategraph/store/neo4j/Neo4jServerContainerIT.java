package org.advocategraph.store.neo4j;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/**
 * The store contract against the official Neo4j server image ({@code neo4j:5.26}, community edition), reached over
 * Bolt exactly as a production {@code bolt://} setting reaches it. Needs Docker: skipped where there is none; the
 * same code path always runs against the embedded database's Bolt port in {@link Neo4jGraphStoreIT}.
 */
@Testcontainers(disabledWithoutDocker = true)
class Neo4jServerContainerIT extends GraphStoreContract {
    private static final int BOLT = 7687;
    /** A throwaway password of the container's own database, never a real secret. */
    private static final String PASSWORD = "contract-test-password";

    @Container
    static final GenericContainer<?> NEO4J = new GenericContainer<>(DockerImageName.parse("neo4j:5.26-community"))
            .withEnv("NEO4J_AUTH", "neo4j/" + PASSWORD)
            .withExposedPorts(BOLT)
            .waitingFor(Wait.forLogMessage(".*Started\\..*", 1))
            .withStartupTimeout(Duration.ofMinutes(3));

    @Override
    protected GraphStore newEmptyStore() {
        Neo4jGraphStore store = Neo4jGraphStore.connect(new Neo4jSettings(
                "bolt://" + NEO4J.getHost() + ":" + NEO4J.getMappedPort(BOLT), "neo4j", PASSWORD, null));
        store.ensureSchema();
        store.deleteAll();
        return store;
    }
}
