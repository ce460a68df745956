package org.advocategraph.store.neo4j;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Where and how to reach a Neo4j server or cluster.
 *
 * @param uri      a {@code bolt://}, {@code bolt+s://}, {@code neo4j://} or {@code neo4j+s://} URI
 * @param user     user name, or null for no authentication
 * @param password password, or null; never printed by {@link #toString()}
 * @param database database name, or null for the server's default
 */
public record Neo4jSettings(String uri, String user, String password, String database) {
    private static final Set<String> SCHEMES = Set.of("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc");

    public Neo4jSettings {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("neo4j uri is required");
        }
        String scheme;
        try {
            scheme = URI.create(uri.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("neo4j uri is not a valid URI: " + redact(uri), e);
        }
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("neo4j uri must start with one of " + SCHEMES + ", was " + redact(uri));
        }
        uri = uri.trim();
        database = database == null || database.isBlank() ? null : database.trim();
    }

    /** @return the URI with any user info removed, safe to print */
    public String safeUri() {
        return redact(uri);
    }

    @Override
    public String toString() {
        return "Neo4jSettings[uri=" + safeUri() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", database=" + database + "]";
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^/@]*@", "//");
    }
}
