package org.advocategraph.service.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;
import org.advocategraph.store.select.StoreSettings;

class ServiceConfigTest {
    @Test
    void shouldDefaultToTheEmbeddedStoreOnPort7070() {
        ServiceConfig c = ServiceConfig.load(null, Map.of(), Map.of());
        assertEquals(StoreSettings.Kind.EMBEDDED_NEO4J, c.store().kind());
        assertEquals(Path.of("data"), c.store().dataDir());
        assertEquals(7070, c.api().port());
        assertTrue(c.keys().isEmpty());
    }

    @Test
    void shouldLetTheCommandLineBeatTheEnvironmentAndTheEnvironmentBeatTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.properties");
        Files.writeString(file, "http.port=8000\nstore.uri=bolt://db:7687\nstore.boltPort=1234\n");
        ServiceConfig c = ServiceConfig.load(file, Map.of("ADVOCATES_HTTP_PORT", "8100", "ADVOCATES_STORE_BOLT_PORT", "2345"),
                Map.of("http.port", "8200"));
        assertEquals(8200, c.api().port());
        assertEquals(2345, c.store().boltPort());
        assertEquals(StoreSettings.Kind.NEO4J, c.store().kind());
    }

    @Test
    void shouldNameTheSettingAndItsSourceOnABadValue(@TempDir Path dir) throws Exception {
        ConfigException port = assertThrows(ConfigException.class,
                () -> ServiceConfig.load(null, Map.of("ADVOCATES_HTTP_PORT", "seventy"), Map.of()));
        assertTrue(port.getMessage().contains("ADVOCATES_HTTP_PORT") && port.getMessage().contains("http.port"), port.getMessage());
        Path file = dir.resolve("b.properties");
        Files.writeString(file, "http.prot=1\n");
        ConfigException typo = assertThrows(ConfigException.class, () -> ServiceConfig.load(file, Map.of(), Map.of()));
        assertTrue(typo.getMessage().contains("http.prot"), typo.getMessage());
        ConfigException uri = assertThrows(ConfigException.class,
                () -> ServiceConfig.load(null, Map.of(), Map.of("store.uri", "http://neo4j:7474")));
        assertTrue(uri.getMessage().contains("http://neo4j:7474"), uri.getMessage());
    }

    @Test
    void shouldNeverPrintThePassword() {
        ServiceConfig c = ServiceConfig.load(null, Map.of("ADVOCATES_STORE_PASSWORD", "s3cret"),
                Map.of("store.uri", "neo4j://user:pw@db:7687"));
        assertFalse(c.store().toString().contains("s3cret"));
        assertFalse(c.store().toString().contains("pw@"));
    }

    @Test
    void shouldAcceptKeysOnlyByTheirHash() {
        String key = ApiKeys.newKey();
        ServiceConfig c = ServiceConfig.load(null, Map.of("ADVOCATES_API_KEYS", ApiKeys.entryFor(Role.MANAGER, key)), Map.of());
        assertEquals(Role.MANAGER, c.keys().roleOf(key).orElseThrow());
        assertTrue(c.keys().roleOf(key + "x").isEmpty());
        assertThrows(ConfigException.class, () -> ServiceConfig.load(null, Map.of("ADVOCATES_API_KEYS", "manager:" + key), Map.of()));
        assertThrows(ConfigException.class, () -> ServiceConfig.load(null, Map.of("ADVOCATES_API_KEYS", "boss:" + "a".repeat(64)), Map.of()));
    }

    @Test
    void shouldConfigureTheWebhookFromTheEnvironmentWithoutEverShowingItsSecret() {
        // Given no webhook settings, Then there is no webhook
        assertNull(ServiceConfig.load(null, Map.of(), Map.of()).webhook());

        // Given the URL, secret and attempts in the environment
        ServiceConfig c = ServiceConfig.load(null, Map.of("ADVOCATES_WEBHOOK_URL", "https://crm.example.com/hooks?t=1",
                "ADVOCATES_WEBHOOK_SECRET", "0123456789abcdef-secret", "ADVOCATES_WEBHOOK_MAX_ATTEMPTS", "3"), Map.of());

        // Then the webhook is configured, with the default backoff, and the secret shows nowhere
        assertEquals(URI.create("https://crm.example.com/hooks?t=1"), c.webhook().url());
        assertEquals(3, c.webhook().maxAttempts());
        assertEquals(Duration.ofSeconds(1), c.webhook().initialBackoff());
        assertFalse(c.toString().contains("0123456789abcdef-secret"), c.toString());
    }

    @Test
    void shouldRefuseAWebhookWithoutAUsableSecretOrUrl() {
        // Given a URL with a short secret, or a URL that is not http(s), When loaded, Then the key and source are named
        ConfigException secret = assertThrows(ConfigException.class, () -> ServiceConfig.load(null,
                Map.of("ADVOCATES_WEBHOOK_URL", "https://crm.example.com/hooks", "ADVOCATES_WEBHOOK_SECRET", "short!"),
                Map.of()));
        assertTrue(secret.getMessage().contains("webhook.secret"), secret.getMessage());
        assertFalse(secret.getMessage().contains("short!"), secret.getMessage());
        ConfigException url = assertThrows(ConfigException.class, () -> ServiceConfig.load(null,
                Map.of("ADVOCATES_WEBHOOK_URL", "mailto:ops@example.com", "ADVOCATES_WEBHOOK_SECRET", "x".repeat(20)),
                Map.of()));
        assertTrue(url.getMessage().contains("ADVOCATES_WEBHOOK_URL"), url.getMessage());
        ConfigException attempts = assertThrows(ConfigException.class, () -> ServiceConfig.load(null,
                Map.of("ADVOCATES_WEBHOOK_URL", "https://crm.example.com/hooks", "ADVOCATES_WEBHOOK_SECRET", "x".repeat(20),
                        "ADVOCATES_WEBHOOK_MAX_ATTEMPTS", "0"), Map.of()));
        assertTrue(attempts.getMessage().contains("webhook.maxAttempts"), attempts.getMessage());
    }
}
