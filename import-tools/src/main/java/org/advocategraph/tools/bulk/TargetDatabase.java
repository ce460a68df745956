package org.advocategraph.tools.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;

import org.advocategraph.store.StoreException;

/**
 * The default database ({@code neo4j}) of an embedded Neo4j home folder, where {@code EmbeddedNeo4j} keeps it:
 * the folders come from Neo4j's own {@link Neo4jLayout} for that home, so they are the ones both the embedded
 * database and the importer use.
 */
final class TargetDatabase {
    private final Path home;
    private final DatabaseLayout layout;

    TargetDatabase(Path home) {
        this.home = home.toAbsolutePath();
        this.layout = Neo4jLayout.of(this.home).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** @return the folder holding the store files */
    Path databaseDirectory() {
        return layout.databaseDirectory();
    }

    /** @return the folder holding the transaction logs */
    Path transactionsDirectory() {
        return layout.getTransactionLogsDirectory();
    }

    /**
     * Counts the nodes of the database already in the folder, starting it for a moment (without Bolt) when there
     * is one: only the database itself can tell an empty store (say one that only holds the schema) from one
     * with data.
     *
     * @return 0 when there is no database or it holds no node
     * @throws StoreException when the database cannot be opened, for example because a running service holds it
     */
    long nodes() {
        if (isEmptyFolder(databaseDirectory())) {
            return 0;
        }
        DatabaseManagementService management = null;
        try {
            management = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, false)
                    .build();
            return management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                    .executeTransactionally("MATCH (n) RETURN count(n) AS n", Map.of(),
                            result -> (Long) result.next().get("n"));
        } catch (RuntimeException | LinkageError e) {
            throw new StoreException("cannot open the database in " + home + " to check that it is empty (is a service "
                    + "running on it? stop it first): " + StoreException.rootMessage(e), false, e);
        } finally {
            if (management != null) {
                management.shutdown();
            }
        }
    }

    /** Deletes the database's store and transaction logs: after a failed import, so that no half graph remains. */
    void delete() {
        for (Path dir : List.of(databaseDirectory(), transactionsDirectory())) {
            deleteRecursively(dir);
        }
    }

    static boolean isEmptyFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
