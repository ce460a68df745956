package org.advocategraph.store.select;

import java.nio.file.Path;
import java.util.Locale;

import org.advocategraph.store.neo4j.Neo4jSettings;

/**
 * Which graph store to use, from one setting: no URI means the embedded Neo4j; a {@code bolt://} or
 * {@code neo4j://} URI means an external Neo4j server or cluster; {@code tinkergraph:memory} means an
 * in-memory TinkerGraph (nothing kept after exit).
 *
 * @param uri      the store URI, or null/blank for the embedded default
 * @param user     Neo4j user, or null
 * @param password Neo4j password, or null; never printed
 * @param database Neo4j database name, or null for the default
 * @param dataDir  where the embedded database keeps its files
 * @param boltPort the embedded database's loopback Bolt port, 0 for any free port
 */
public record StoreSettings(String uri, String user, String password, String database, Path dataDir, int boltPort) {
    /** The URI that selects an in-memory TinkerGraph. */
    public static final String TINKERGRAPH_MEMORY = "tinkergraph:memory";

    /** The kinds of store. */
    public enum Kind { EMBEDDED_NEO4J, NEO4J, TINKERGRAPH }

    public StoreSettings {
        uri = uri == null || uri.isBlank() ? null : uri.trim();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        if (boltPort < 0 || boltPort > 65_535) {
            throw new IllegalArgumentException("store.boltPort must be in 0..65535, was " + boltPort);
        }
        if (uri != null && kindOf(uri) == Kind.NEO4J) {
            // Fails early, naming the setting, on a URI of an unknown scheme.
            new Neo4jSettings(uri, user, password, database);
        }
    }

    /** @return settings for the embedded default in {@code dataDir} */
    public static StoreSettings embedded(Path dataDir, int boltPort) {
        return new StoreSettings(null, null, null, null, dataDir, boltPort);
    }

    /** @return which kind of store these settings select */
    public Kind kind() {
        return uri == null ? Kind.EMBEDDED_NEO4J : kindOf(uri);
    }

    /** @return the Neo4j connection settings for an external server */
    public Neo4jSettings neo4j() {
        return new Neo4jSettings(uri, user, password, database);
    }

    private static Kind kindOf(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("tinkergraph:") ? Kind.TINKERGRAPH : Kind.NEO4J;
    }

    @Override
    public String toString() {
        return "StoreSettings[kind=" + kind() + ", uri=" + (uri == null ? "embedded" : uri.replaceAll("//[^/@]*@", "//"))
                + ", user=" + user + ", password=" + (password == null ? "none" : "***") + ", database=" + database
                + ", dataDir=" + dataDir + ", boltPort=" + boltPort + "]";
    }
}
