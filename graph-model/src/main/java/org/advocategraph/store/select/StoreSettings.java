package org.advocategraph.store.select;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.advocategraph.store.neo4j.Neo4jSettings;
import org.advocategraph.store.tinkerpop.GremlinSettings;

/**
 * Which graph store to use, from one setting:
 * <ul>
 *   <li>no URI: the embedded Neo4j;</li>
 *   <li>{@code bolt://} or {@code neo4j://} (and their {@code +s}, {@code +ssc} forms): an external Neo4j server or
 *       cluster;</li>
 *   <li>{@code tinkergraph:memory}: an in-memory TinkerGraph (nothing kept after exit);</li>
 *   <li>{@code gremlin://HOST[:PORT][/SOURCE][?ssl=true&schema=janusgraph&maxContentLength=BYTES]}: a Gremlin Server,
 *       JanusGraph Server included (see {@link GremlinSettings});</li>
 *   <li>{@code janusgraph:PATH}: an embedded JanusGraph opened from its properties file (cql, hbase, berkeleyje, ...),
 *       and {@code janusgraph:inmemory} a throwaway one in memory.</li>
 * </ul>
 * The user and password are those of the Neo4j or Gremlin server.
 *
 * @param uri      the store URI, or null/blank for the embedded default
 * @param user     the server's user, or null
 * @param password the server's password, or null; never printed
 * @param database Neo4j database name, or null for the default
 * @param dataDir  where the embedded database keeps its files
 * @param boltPort the embedded database's loopback Bolt port, 0 for any free port
 */
public record StoreSettings(String uri, String user, String password, String database, Path dataDir, int boltPort) {
    /** The URI that selects an in-memory TinkerGraph. */
    public static final String TINKERGRAPH_MEMORY = "tinkergraph:memory";
    /** The URI that selects a throwaway JanusGraph in memory. */
    public static final String JANUSGRAPH_INMEMORY = "janusgraph:inmemory";

    /** The kinds of store. */
    public enum Kind { EMBEDDED_NEO4J, NEO4J, TINKERGRAPH, GREMLIN, JANUSGRAPH }

    public StoreSettings {
        uri = uri == null || uri.isBlank() ? null : uri.trim();
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        if (boltPort < 0 || boltPort > 65_535) {
            throw new IllegalArgumentException("store.boltPort must be in 0..65535, was " + boltPort);
        }
        if (uri != null) {
            // Fails early, naming the setting, on a URI of an unknown scheme or a malformed one.
            switch (kindOf(uri)) {
                case NEO4J -> new Neo4jSettings(uri, user, password, database);
                case GREMLIN -> GremlinSettings.parse(uri, user, password);
                case TINKERGRAPH -> {
                    if (!TINKERGRAPH_MEMORY.equalsIgnoreCase(uri)) {
                        throw new IllegalArgumentException("store uri " + uri + ": the only TinkerGraph is "
                                + TINKERGRAPH_MEMORY);
                    }
                }
                case JANUSGRAPH -> {
                    if (uri.substring(JANUSGRAPH.length()).isBlank()) {
                        throw new IllegalArgumentException("store uri " + uri
                                + ": name a properties file (janusgraph:/path/janusgraph.properties) or janusgraph:inmemory");
                    }
                }
                default -> throw new IllegalStateException(uri);
            }
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

    /** @return the Gremlin Server settings of a {@code gremlin://} URI */
    public GremlinSettings gremlin() {
        return GremlinSettings.parse(uri, user, password);
    }

    /** @return the properties file of a {@code janusgraph:} URI, or empty for {@code janusgraph:inmemory} */
    public Optional<Path> janusGraphProperties() {
        String location = uri.substring(JANUSGRAPH.length()).trim();
        return "inmemory".equalsIgnoreCase(location) ? Optional.empty() : Optional.of(Path.of(location));
    }

    private static final String JANUSGRAPH = "janusgraph:";

    private static Kind kindOf(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tinkergraph:")) {
            return Kind.TINKERGRAPH;
        }
        if (lower.startsWith(GremlinSettings.SCHEME + ":")) {
            return Kind.GREMLIN;
        }
        if (lower.startsWith(JANUSGRAPH)) {
            return Kind.JANUSGRAPH;
        }
        return Kind.NEO4J;
    }

    @Override
    public String toString() {
        return "StoreSettings[kind=" + kind() + ", uri=" + (uri == null ? "embedded" : uri.replaceAll("//[^/@]*@", "//"))
                + ", user=" + user + ", password=" + (password == null ? "none" : "***") + ", database=" + database
                + ", dataDir=" + dataDir + ", boltPort=" + boltPort + "]";
    }
}
