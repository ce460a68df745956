package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code gremlin://} URI: defaults, every parameter, and errors that name the URI but never a secret. */
class GremlinSettingsTest {

    @Test
    void shouldDefaultToPort8182TraversalSourceGAndNoTls() {
        // Given a URI with a host only, When it is parsed
        GremlinSettings s = GremlinSettings.parse("gremlin://graphs.example.com", null, null);

        // Then the defaults of Gremlin Server apply, and a 64 KB request bound
        assertEquals("graphs.example.com", s.host());
        assertEquals(8182, s.port());
        assertEquals("g", s.source());
        assertFalse(s.ssl());
        assertFalse(s.janusGraph());
        assertEquals(65_536, s.maxContentLength());
        assertEquals("gremlin://graphs.example.com:8182/g", s.safeUri());
    }

    @Test
    void shouldReadPortSourceAndEveryParameter() {
        // Given a URI with everything, When it is parsed with credentials from the settings
        GremlinSettings s = GremlinSettings.parse(
                "gremlin://10.0.0.5:9000/graph_a?ssl=true&schema=janusgraph&maxContentLength=10485760", "app", "pw");

        // Then each part is read, and the canonical URI says the same without the password
        assertEquals(9000, s.port());
        assertEquals("graph_a", s.source());
        assertTrue(s.ssl());
        assertTrue(s.janusGraph());
        assertEquals(10_485_760, s.maxContentLength());
        assertEquals("app", s.user());
        assertEquals("gremlin://10.0.0.5:9000/graph_a?ssl=true&schema=janusgraph&maxContentLength=10485760", s.safeUri());
        assertFalse(s.toString().contains("pw"), s.toString());
    }

    @Test
    void shouldRefuseMalformedUrisNamingThem() {
        for (String[] bad : new String[][] {
                {"gremlin://", "not a valid URI"},
                {"gremlin://:8182/g", "no host"},
                {"gremlin://h:8182/a/b", "one name"},
                {"gremlin://h:8182/g?tls=true", "unknown parameter 'tls'"},
                {"gremlin://h:8182/g?ssl=yes", "ssl must be true or false"},
                {"gremlin://h:8182/g?schema=neo4j", "schema must be none or janusgraph"},
                {"gremlin://h:8182/g?maxContentLength=1k", "maxContentLength must be a number"},
                {"gremlin://h:8182/g?maxContentLength=100", "at least 4096"},
                {"gremlin://h:0/g", "port"},
                {"gremlins://h:8182/g", "gremlin://"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GremlinSettings.parse(bad[0], null, null), bad[0]);
            assertTrue(e.getMessage().contains(bad[1]), bad[0] + ": " + e.getMessage());
        }
    }

    @Test
    void shouldKeepCredentialsOutOfTheUriAndOutOfMessages() {
        // Given credentials in the URI, or a password without a user
        IllegalArgumentException inUri = assertThrows(IllegalArgumentException.class,
                () -> GremlinSettings.parse("gremlin://admin:s3cret@h:8182/g", null, null));
        IllegalArgumentException inQuery = assertThrows(IllegalArgumentException.class,
                () -> GremlinSettings.parse("gremlin://h:8182/g?password=s3cret", null, null));
        IllegalArgumentException noUser = assertThrows(IllegalArgumentException.class,
                () -> GremlinSettings.parse("gremlin://h:8182/g", null, "s3cret"));

        // Then each is refused, saying where credentials go, and the secret is not repeated
        assertTrue(inUri.getMessage().contains("store.user and store.password"), inUri.getMessage());
        for (IllegalArgumentException e : new IllegalArgumentException[] {inUri, inQuery, noUser}) {
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }
}
