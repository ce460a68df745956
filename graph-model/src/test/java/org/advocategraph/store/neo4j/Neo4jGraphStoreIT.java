package org.advocategraph.store.neo4j;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/** The storage contract against a real embedded Neo4j, reached through the driver over Bolt. */
class Neo4jGraphStoreIT extends GraphStoreContract {
    @TempDir
    static Path home;
    protected static EmbeddedNeo4j database;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedNeo4j.start(home, 0);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Override
    protected GraphStore newEmptyStore() {
        Neo4jGraphStore store = Neo4jGraphStore.connect(database.settings());
        store.ensureSchema();
        store.deleteAll();
        return store;
    }
}
