package org.advocategraph.store.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** One setting selects the store: each scheme, and clear errors for the rest. */
class StoreSettingsTest {

    private static StoreSettings of(String uri) {
        return new StoreSettings(uri, "app", "s3cret", null, null, 0);
    }

    @Test
    void shouldSelectEachKindOfStoreByItsScheme() {
        assertEquals(StoreSettings.Kind.EMBEDDED_NEO4J, of(null).kind());
        assertEquals(StoreSettings.Kind.NEO4J, of("bolt://db:7687").kind());
        assertEquals(StoreSettings.Kind.NEO4J, of("neo4j+s://cluster:7687").kind());
        assertEquals(StoreSettings.Kind.TINKERGRAPH, of("tinkergraph:memory").kind());
        assertEquals(StoreSettings.Kind.GREMLIN, of("gremlin://jg:8182/g?schema=janusgraph").kind());
        assertEquals(StoreSettings.Kind.JANUSGRAPH, of("janusgraph:inmemory").kind());
        assertEquals(StoreSettings.Kind.JANUSGRAPH, of("janusgraph:/etc/janusgraph/cql.properties").kind());
    }

    @Test
    void shouldReadTheGremlinServerAndTheJanusGraphFile() {
        assertEquals("app", of("gremlin://jg:8182/g").gremlin().user());
        assertEquals("s3cret", of("gremlin://jg:8182/g").gremlin().password());
        assertEquals(Optional.empty(), of("janusgraph:inmemory").janusGraphProperties());
        assertEquals(Optional.of(Path.of("/etc/janusgraph/cql.properties")),
                of("janusgraph:/etc/janusgraph/cql.properties").janusGraphProperties());
    }

    @Test
    void shouldRefuseAUriItCannotUseNamingIt() {
        for (String bad : new String[] {"tinkergraph:disk", "janusgraph:", "gremlin://jg:8182/g?tls=1", "http://db"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(bad), bad);
            assertTrue(e.getMessage().contains(bad.split("\\?")[0]), bad + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }
}
