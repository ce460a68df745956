package org.advocategraph.store.tinkerpop;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where and how to reach a Gremlin Server, parsed from one URI:
 * {@code gremlin://HOST[:PORT][/SOURCE][?ssl=true&schema=janusgraph&maxContentLength=BYTES]}.
 *
 * <ul>
 *   <li>{@code PORT}: default 8182;</li>
 *   <li>{@code SOURCE}: the traversal source the server binds, default {@code g};</li>
 *   <li>{@code ssl}: {@code true} for TLS, trusting the JVM's certificate authorities; default {@code false};</li>
 *   <li>{@code schema}: {@code janusgraph} when the server hosts JanusGraph and this service should create (or
 *       check) its schema there through JanusGraph's management API, which runs as a Groovy script on the server;
 *       {@code none} (the default) for any other server;</li>
 *   <li>{@code maxContentLength}: the largest request the server accepts, in bytes, the server setting of the same
 *       name; writes are cut into requests below it; default 65536, JanusGraph Server's default (Gremlin Server's is
 *       10 MB: saying so makes imports use fewer, larger requests).</li>
 * </ul>
 *
 * <p>Credentials come from the store's user and password settings, never from the URI, so that a URI can be logged.
 *
 * @param host             the server's host name or address
 * @param port             its port
 * @param source           the traversal source to bind to
 * @param ssl              true for TLS
 * @param janusGraph       true when the server hosts JanusGraph and the schema is managed there
 * @param maxContentLength the largest request the server accepts, in bytes
 * @param user             user name for the server's authentication (SASL PLAIN), or null for none
 * @param password         password, or null; never printed
 */
public record GremlinSettings(String host, int port, String source, boolean ssl, boolean janusGraph,
                              int maxContentLength, String user, String password) {
    /** The scheme of the URI. */
    public static final String SCHEME = "gremlin";
    /** Gremlin Server's default port. */
    public static final int DEFAULT_PORT = 8182;
    /** The traversal source servers bind by default. */
    public static final String DEFAULT_SOURCE = "g";
    /** JanusGraph Server's default {@code maxContentLength}, the smallest in common use. */
    public static final int DEFAULT_MAX_CONTENT_LENGTH = 65_536;

    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> PARAMETERS = Set.of("ssl", "schema", "maxContentLength");
    /** Below this a request cannot hold even a small batch. */
    private static final int MIN_CONTENT_LENGTH = 4_096;

    public GremlinSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("gremlin host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("gremlin port must be in 1..65535, was " + port);
        }
        if (source == null || !SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("gremlin traversal source must be a name like g, was " + source);
        }
        if (maxContentLength < MIN_CONTENT_LENGTH) {
            throw new IllegalArgumentException("maxContentLength must be at least " + MIN_CONTENT_LENGTH + ", was "
                    + maxContentLength);
        }
        user = user == null || user.isBlank() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        if (password != null && user == null) {
            throw new IllegalArgumentException("a gremlin password needs a user (store.user)");
        }
    }

    /**
     * Parses a {@code gremlin://} URI.
     *
     * @param uri      the URI
     * @param user     user name, or null
     * @param password password, or null
     * @return the settings
     * @throws IllegalArgumentException naming the URI (without credentials) and what is wrong with it
     */
    public static GremlinSettings parse(String uri, String user, String password) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("gremlin uri is required");
        }
        String text = uri.trim();
        // Messages show the URI without user info or query: a mistaken parameter might hold a secret.
        String shown = redact(text);
        URI u;
        try {
            u = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("store uri " + shown + " is not a valid URI: " + e.getReason(), e);
        }
        if (u.getScheme() == null || !SCHEME.equals(u.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("store uri " + shown + " must start with gremlin://");
        }
        if (u.getRawUserInfo() != null) {
            throw new IllegalArgumentException("store uri " + shown
                    + " must not hold credentials: set store.user and store.password instead");
        }
        if (u.getHost() == null || u.getHost().isBlank()) {
            throw new IllegalArgumentException("store uri " + shown + " has no host; expected gremlin://HOST[:PORT][/SOURCE]");
        }
        if (u.getRawFragment() != null) {
            throw new IllegalArgumentException("store uri " + shown + " must not have a #fragment");
        }
        String path = u.getPath() == null ? "" : u.getPath();
        String source = path.isEmpty() || "/".equals(path) ? DEFAULT_SOURCE : path.substring(1);
        if (!SOURCE_NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("store uri " + shown + ": the traversal source '" + source
                    + "' must be one name like g (letters, digits, _)");
        }
        Map<String, String> query = query(shown, u.getRawQuery());
        boolean ssl = bool(shown, "ssl", query.getOrDefault("ssl", "false"));
        String schema = query.getOrDefault("schema", "none").toLowerCase(Locale.ROOT);
        if (!"none".equals(schema) && !"janusgraph".equals(schema)) {
            throw new IllegalArgumentException("store uri " + shown + ": schema must be none or janusgraph, was " + schema);
        }
        int maxContentLength = DEFAULT_MAX_CONTENT_LENGTH;
        if (query.containsKey("maxContentLength")) {
            try {
                maxContentLength = Integer.parseInt(query.get("maxContentLength"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("store uri " + shown + ": maxContentLength must be a number of bytes, was "
                        + query.get("maxContentLength"), e);
            }
        }
        try {
            return new GremlinSettings(u.getHost(), u.getPort() == -1 ? DEFAULT_PORT : u.getPort(), source, ssl,
                    "janusgraph".equals(schema), maxContentLength, user, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store uri " + shown + ": " + e.getMessage(), e);
        }
    }

    /** @return the URI these settings were read from, in its canonical form; never holds credentials */
    public String safeUri() {
        StringBuilder s = new StringBuilder(SCHEME).append("://")
                .append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(source);
        String sep = "?";
        if (ssl) {
            s.append(sep).append("ssl=true");
            sep = "&";
        }
        if (janusGraph) {
            s.append(sep).append("schema=janusgraph");
            sep = "&";
        }
        if (maxContentLength != DEFAULT_MAX_CONTENT_LENGTH) {
            s.append(sep).append("maxContentLength=").append(maxContentLength);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "GremlinSettings[uri=" + safeUri() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + "]";
    }

    private static Map<String, String> query(String uri, String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!PARAMETERS.contains(key)) {
                throw new IllegalArgumentException("store uri " + uri + ": unknown parameter '" + key + "'; known: "
                        + new java.util.TreeSet<>(PARAMETERS));
            }
            if (out.put(key, value) != null) {
                throw new IllegalArgumentException("store uri " + uri + ": parameter '" + key + "' is given twice");
            }
        }
        return out;
    }

    private static boolean bool(String uri, String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("store uri " + uri + ": " + key + " must be true or false, was " + value);
        }
    }

    /** @return the URI without user info, query or fragment */
    private static String redact(String uri) {
        return uri.replaceAll("//[^/@]*@", "//").replaceAll("[?#].*$", "");
    }
}
