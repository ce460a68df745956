package org.advocategraph.service.api;

/**
 * Settings of the HTTP edge.
 *
 * @param host         interface to bind, for example {@code 0.0.0.0}
 * @param port         port to bind, 0 for any free port
 * @param maxBodyBytes largest request body accepted (larger: 413)
 */
public record ApiSettings(String host, int port, long maxBodyBytes) {
    /** Default request body bound: 1 MiB. */
    public static final long DEFAULT_MAX_BODY = 1 << 20;

    public ApiSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("http.host is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("http.port must be in 0..65535, was " + port);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > (64L << 20)) {
            throw new IllegalArgumentException("http.maxBodyBytes must be in 1024..67108864, was " + maxBodyBytes);
        }
    }
}
