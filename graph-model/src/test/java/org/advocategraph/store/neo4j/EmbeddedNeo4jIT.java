package org.advocategraph.store.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.model.Topic;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;

/** The embedded default: persistence across restarts, the routing scheme, and clear start-up failures. */
class EmbeddedNeo4jIT {
    @TempDir
    Path home;

    @Test
    void shouldKeepDataAcrossARestart() {
        // Given data written through one embedded instance
        try (OpenStore store = OpenStore.open(StoreSettings.embedded(home, 0))) {
            store.store().upsert(List.of(new Topic("graphs", "Graphs")));
        }
        // When a new instance opens the same folder
        try (OpenStore store = OpenStore.open(StoreSettings.embedded(home, 0))) {
            // Then the data is there
            assertEquals("Graphs", store.store().topics(List.of("graphs")).get(0).name());
        }
    }

    @Test
    void shouldServeTheSameCodeOverTheNeo4jRoutingScheme() {
        // Given an embedded database
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0);
             // When the driver connects with neo4j://, the scheme used for clusters
             Neo4jGraphStore store = Neo4jGraphStore.connect(new Neo4jSettings("neo4j://127.0.0.1:" + db.boltPort(),
                     db.settings().user(), db.settings().password(), null))) {
            store.ensureSchema();
            store.upsert(List.of(new Topic("routing", "Routing")));
            // Then reads (routed to readers) and writes (routed to the leader) work
            assertEquals(1L, store.counts().get("Topic"));
            assertTrue(store.describe().startsWith("neo4j neo4j://"));
        }
    }

    @Test
    void shouldNameTheUriWhenNeo4jIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String uri = "bolt://127.0.0.1:" + port;
        StoreException e = assertThrows(StoreException.class,
                () -> OpenStore.open(new StoreSettings(uri, "neo4j", "secret-pw", null, home, 0)));
        assertTrue(e.getMessage().contains(uri), e.getMessage());
        assertFalse(e.getMessage().contains("secret-pw"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void shouldFailClearlyWhenTheBoltPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StoreException e = assertThrows(StoreException.class, () -> EmbeddedNeo4j.start(home, taken.getLocalPort()));
            assertTrue(e.getMessage().contains(home.toAbsolutePath().toString()), e.getMessage());
        }
    }

    @Test
    void shouldRefuseConnectionsWithoutThisRunsPassword() {
        // Given a running embedded database
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0)) {
            // When someone else on this machine connects without credentials, or with the default password
            StoreException none = assertThrows(StoreException.class,
                    () -> Neo4jGraphStore.connect(new Neo4jSettings(db.boltUri(), null, null, null)));
            StoreException guessed = assertThrows(StoreException.class,
                    () -> Neo4jGraphStore.connect(new Neo4jSettings(db.boltUri(), "neo4j", "neo4j", null)));
            // Then both are refused, and the password is never part of a message
            assertTrue(none.getMessage().contains(db.boltUri()), none.getMessage());
            assertFalse(guessed.getMessage().contains(db.settings().password()));
        }
    }
}
