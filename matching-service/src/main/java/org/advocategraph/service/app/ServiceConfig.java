package org.advocategraph.service.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.ApiSettings;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.engagement.WebhookSettings;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.store.select.StoreSettings;

/**
 * The service's configuration, from (highest precedence first) command-line options, environment variables
 * ({@code ADVOCATES_STORE_URI} for {@code store.uri}, {@code ADVOCATES_HTTP_MAX_BODY_BYTES} for
 * {@code http.maxBodyBytes}), a properties file, and defaults. Unknown keys are rejected so that a typo does not
 * silently fall back to a default.
 *
 * @param store      which graph store
 * @param api        HTTP host, port and bounds
 * @param keys       accepted API keys
 * @param weights    matching factor weights per purpose
 * @param refreshSeconds how often the in-memory copy of the graph checks the store for writes by other processes
 *                   (0: never)
 * @param webhook    where assignment events are delivered, or null when {@code webhook.url} is not set
 */
public record ServiceConfig(StoreSettings store, ApiSettings api, ApiKeys keys, PurposeWeights weights,
                            int refreshSeconds, WebhookSettings webhook) {

    /** Every key with its default ("" for none), documented in the README. */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("store.uri", "");
        d.put("store.user", "");
        d.put("store.password", "");
        d.put("store.database", "");
        d.put("store.data", "data");
        d.put("store.boltPort", "0");
        d.put("store.refreshSeconds", "60");
        d.put("http.host", "0.0.0.0");
        d.put("http.port", "7070");
        d.put("http.maxBodyBytes", Long.toString(ApiSettings.DEFAULT_MAX_BODY));
        d.put("api.keys", "");
        d.put("matching.weights", "");
        for (Purpose p : Purpose.values()) {
            d.put("matching.weights." + p.key(), "");
        }
        d.put("webhook.url", "");
        d.put("webhook.secret", "");
        d.put("webhook.maxAttempts", Integer.toString(WebhookSettings.DEFAULT_ATTEMPTS));
        d.put("webhook.backoffMillis", Long.toString(WebhookSettings.DEFAULT_BACKOFF.toMillis()));
        return java.util.Collections.unmodifiableMap(d);
    }

    /**
     * Merges the sources and builds the configuration.
     *
     * @param file      a properties file, or null
     * @param env       the environment (usually {@code System.getenv()})
     * @param overrides settings from command-line options, by key
     * @return the configuration
     * @throws ConfigException naming the key and the source of a bad value
     */
    public static ServiceConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        Map<String, String> source = new TreeMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException(file + ": cannot read the configuration file: " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                requireKnown(key, file.toString());
                merged.put(key, p.getProperty(key).trim());
                source.put(key, file.toString());
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String value = env.get(envName(key));
            if (value != null) {
                merged.put(key, value.trim());
                source.put(key, "environment variable " + envName(key));
            }
        }
        for (var e : overrides.entrySet()) {
            requireKnown(e.getKey(), "command line");
            if (e.getValue() != null) {
                merged.put(e.getKey(), e.getValue().trim());
                source.put(e.getKey(), "command line");
            }
        }
        return build(merged, source);
    }

    /** @return the environment variable that sets a key, for example {@code ADVOCATES_STORE_BOLT_PORT} */
    public static String envName(String key) {
        return "ADVOCATES_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static void requireKnown(String key, String where) {
        if (!DEFAULTS.containsKey(key)) {
            throw new ConfigException(where + ": unknown setting '" + key + "'; known settings: " + DEFAULTS.keySet());
        }
    }

    private static ServiceConfig build(Map<String, String> m, Map<String, String> source) {
        Fn fn = new Fn(m, source);
        StoreSettings store = fn.get("store.uri", v -> new StoreSettings(v, blank(m.get("store.user")),
                blank(m.get("store.password")), blank(m.get("store.database")), Path.of(m.get("store.data")),
                fn.integer("store.boltPort")));
        ApiSettings api = fn.get("http.port", v -> new ApiSettings(m.get("http.host"), fn.integer("http.port"),
                fn.longValue("http.maxBodyBytes")));
        ApiKeys keys = fn.get("api.keys", ApiKeys::parse);
        ScoringWeights base = fn.get("matching.weights", v -> ScoringWeights.parse("matching.weights", v, ScoringWeights.DEFAULT));
        Map<Purpose, ScoringWeights> overrides = new java.util.EnumMap<>(Purpose.class);
        for (Purpose p : Purpose.values()) {
            String key = "matching.weights." + p.key();
            ScoringWeights start = PurposeWeights.DEFAULT.overrides().getOrDefault(p, base);
            overrides.put(p, fn.get(key, v -> ScoringWeights.parse(key, v, start)));
        }
        PurposeWeights weights = new PurposeWeights(base, overrides);
        int refresh = fn.integer("store.refreshSeconds");
        if (refresh < 0) {
            throw new ConfigException(fn.where("store.refreshSeconds") + "store.refreshSeconds must be 0 or more, was " + refresh);
        }
        WebhookSettings webhook = webhook(m, fn);
        return new ServiceConfig(store, api, keys, weights, refresh, webhook);
    }

    /** @return the webhook settings, or null without {@code webhook.url}; errors never show the secret */
    private static WebhookSettings webhook(Map<String, String> m, Fn fn) {
        String url = m.get("webhook.url");
        if (url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigException(fn.where("webhook.url") + "webhook.url is not a valid URL: " + e.getReason());
        }
        int attempts = fn.integer("webhook.maxAttempts");
        long backoff = fn.longValue("webhook.backoffMillis");
        String key = m.get("webhook.secret").length() < WebhookSettings.MIN_SECRET_LENGTH ? "webhook.secret"
                : attempts < 1 || attempts > WebhookSettings.MAX_ATTEMPTS ? "webhook.maxAttempts"
                : backoff < 0 || backoff > WebhookSettings.MAX_BACKOFF.toMillis() ? "webhook.backoffMillis"
                : "webhook.url";
        return fn.get(key, v -> new WebhookSettings(uri, m.get("webhook.secret"), attempts, Duration.ofMillis(backoff),
                WebhookSettings.DEFAULT_TIMEOUT));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private record Fn(Map<String, String> m, Map<String, String> source) {
        String where(String key) {
            String s = source.get(key);
            return s == null ? "" : s + ": ";
        }

        <T> T get(String key, java.util.function.Function<String, T> f) {
            try {
                return f.apply(m.get(key));
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where(key) + e.getMessage());
            }
        }

        int integer(String key) {
            try {
                return Integer.parseInt(m.get(key).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(where(key) + key + " must be a whole number, was '" + m.get(key) + "'");
            }
        }

        long longValue(String key) {
            try {
                return Long.parseLong(m.get(key).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(where(key) + key + " must be a whole number, was '" + m.get(key) + "'");
            }
        }

        double decimal(String key) {
            try {
                return Double.parseDouble(m.get(key).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(where(key) + key + " must be a number, was '" + m.get(key) + "'");
            }
        }
    }
}
