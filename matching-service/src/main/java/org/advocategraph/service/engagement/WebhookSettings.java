package org.advocategraph.service.engagement;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how assignment events are delivered.
 *
 * @param url            the receiver, an absolute http or https URL
 * @param secret         the key of the HMAC-SHA256 signature of each body, at least {@link #MIN_SECRET_LENGTH}
 *                       characters; never logged nor shown
 * @param maxAttempts    attempts per event, first one included, 1..{@link #MAX_ATTEMPTS}
 * @param initialBackoff the wait before the first retry; each further retry waits twice as long as the one
 *                       before (with jitter), at most {@link #MAX_BACKOFF}
 * @param timeout        how long one attempt may take to connect, and then to get the answer's status
 */
public record WebhookSettings(URI url, String secret, int maxAttempts, Duration initialBackoff, Duration timeout) {
    /** Shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 16;
    /** Most attempts per event. */
    public static final int MAX_ATTEMPTS = 20;
    /** Longest wait between two attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Attempts per event unless configured. */
    public static final int DEFAULT_ATTEMPTS = 6;
    /** Wait before the first retry unless configured. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    /** Time allowed for one attempt unless configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public WebhookSettings {
        Objects.requireNonNull(url, "webhook.url is required");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("webhook.url must be an absolute http:// or https:// URL, was "
                    + redact(url));
        }
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("webhook.secret must have at least " + MIN_SECRET_LENGTH
                    + " characters when webhook.url is set");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("webhook.maxAttempts must be in 1.." + MAX_ATTEMPTS + ", was " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.compareTo(MAX_BACKOFF) > 0) {
            throw new IllegalArgumentException("webhook.backoffMillis must be in 0.." + MAX_BACKOFF.toMillis()
                    + ", was " + (initialBackoff == null ? null : initialBackoff.toMillis()));
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the webhook timeout must be positive");
        }
    }

    /**
     * @param url    the receiver
     * @param secret the signing key
     * @return settings with the default attempts, backoff and timeout
     */
    public static WebhookSettings of(URI url, String secret) {
        return new WebhookSettings(url, secret, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_TIMEOUT);
    }

    /** @return the receiver without user info, query or fragment, which may hold credentials: for logs and answers */
    public String safeUrl() {
        return redact(url);
    }

    /** Never shows the secret, nor what the URL may carry in its user info or query. */
    @Override
    public String toString() {
        return "WebhookSettings[url=" + safeUrl() + ", secret=***, maxAttempts=" + maxAttempts + ", initialBackoff="
                + initialBackoff + ", timeout=" + timeout + "]";
    }

    private static String redact(URI url) {
        if (url == null) {
            return "null";
        }
        String host = url.getHost() == null ? "" : url.getHost();
        return (url.getScheme() == null ? "" : url.getScheme() + "://") + host
                + (url.getPort() < 0 ? "" : ":" + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
