package org.advocategraph.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.Topic;
import org.advocategraph.store.tinkerpop.GremlinSettings;
import org.advocategraph.store.tinkerpop.LocalGremlinServer;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.cli.Cli;

/**
 * {@code advocates bench backends} end to end on a small generated graph: every backend it starts itself measured
 * after embedded Neo4j, with the same graph and the same answers, and its refusals.
 */
class BenchBackendsIT {
    private static final Pattern ROW = Pattern.compile(
            "(?m)^(.+?) +[\\d.]+ +[\\d,]+ +([\\d.]+)x +[\\d.]+ +[\\d.]+ +[\\d.]+ +([\\d.]+)x +[\\d.]+ +([\\d.]+)x +(same|DIFF) +(\\d+)/(\\d+) *$");

    @Test
    void shouldMeasureEveryBackendAgainstEmbeddedNeo4jWithTheSameGraphAndAnswers() {
        // When the benchmark runs on 300 generated people, a second a phase, on the two servers it starts in this process
        Cli cli = Cli.run("bench", "backends", "--people", "300", "--seconds", "1", "--rate", "20", "--workers", "2",
                "--compare", "30", "--backends", "gremlin-server,janusgraph-server");

        // Then it succeeds and prints one row per backend, Neo4j's first with ratios of 1,
        assertEquals(0, cli.code(), cli.err());
        Matcher row = ROW.matcher(cli.out());
        List<String> names = new java.util.ArrayList<>();
        while (row.find()) {
            names.add(row.group(1).trim());
            // every backend with the reference's graph and the same answers to the 30 compared requests
            assertEquals("same", row.group(5), row.group());
            assertEquals("30", row.group(6), row.group());
            assertEquals("30", row.group(7), row.group());
            if (names.size() == 1) {
                assertEquals("1.00", row.group(2), row.group());
                assertEquals("1.00", row.group(3), row.group());
                assertEquals("1.00", row.group(4), row.group());
            }
        }
        assertEquals(List.of("embedded Neo4j", "Gremlin Server (TinkerGraph)",
                "JanusGraph Server (inmemory)"), names, cli.out());
        // and every backend's load answered without an error
        assertTrue(Pattern.compile("advocates +open-loop 20/s +20 req +0 err +0 timed out").matcher(cli.out()).results()
                .count() >= 3, cli.out());
    }

    @Test
    void shouldRefuseAnUnknownBackendNamingIt() {
        Cli cli = Cli.run("bench", "backends", "--people", "50", "--backends", "neo4j,orientdb");
        assertEquals(2, cli.code(), cli.err());
        assertTrue(cli.err().contains("--backends: unknown backend 'orientdb'"), cli.err());
    }

    @Test
    void shouldRefuseAStoreThatHoldsDataBeforeMeasuringAnything() {
        // Given a Gremlin Server whose graph holds a topic
        try (LocalGremlinServer server = LocalGremlinServer.start(false, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH, null, null);
             TinkerPopGraphStore store = TinkerPopGraphStore.remote(server.settings())) {
            store.upsert(List.of(new Topic("t1", "Kept")));

            // When the benchmark is asked to measure it
            Cli cli = Cli.run("bench", "backends", "--people", "50", "--store", server.uri());

            // Then it refuses at once, naming the store, and the topic is still there
            assertEquals(1, cli.code(), cli.err());
            assertTrue(cli.err().contains(server.uri() + " is not empty (1 nodes and relationships)"), cli.err());
            assertTrue(!cli.out().contains("== embedded Neo4j =="), cli.out());
            assertEquals(1L, store.counts().get("Topic"));
        }
    }
}
