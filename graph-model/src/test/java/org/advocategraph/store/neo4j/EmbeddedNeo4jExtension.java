package org.advocategraph.store.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.advocategraph.store.Folders;

/**
 * One real embedded Neo4j for a test class, in a folder of its own that is deleted afterwards; each test takes a
 * wiped store from it. Register it on a static field with {@code @RegisterExtension}. The database's Bolt threads
 * keep a JVM alive, so it is always stopped, even when a test fails.
 */
public final class EmbeddedNeo4jExtension implements BeforeAllCallback, AfterAllCallback {
    private Path home;
    private EmbeddedNeo4j database;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("neo4j-test");
        database = EmbeddedNeo4j.start(home, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            Folders.deleteTree(home);
        }
    }

    /** @return the running database, for tests that write or read below the store */
    public EmbeddedNeo4j database() {
        return database;
    }

    /** @return a store over the database, reached through the driver, its schema ensured and every element deleted */
    public Neo4jGraphStore emptyStore() {
        return wiped(Neo4jGraphStore.connect(database.settings()));
    }

    /** @return a store that writes in-process (the import path), its schema ensured and every element deleted */
    public Neo4jGraphStore emptyStoreWritingInProcess() {
        return wiped(Neo4jGraphStore.connectWritingInProcess(database));
    }

    /** @return a store that scans in-process (the service's embedded default), its schema ensured and every element deleted */
    public Neo4jGraphStore emptyStoreReadingInProcess() {
        return wiped(Neo4jGraphStore.connectReadingInProcess(database));
    }

    private static Neo4jGraphStore wiped(Neo4jGraphStore store) {
        store.ensureSchema();
        store.deleteAll();
        return store;
    }
}
