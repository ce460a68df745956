package org.advocategraph.service.api;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;

/** Erasing a person through the API, over a real embedded Neo4j reached through the driver (the default store). */
class ErasePersonNeo4jIT extends ErasePersonContract {
    @TempDir
    static Path home;
    private static EmbeddedNeo4j database;

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
