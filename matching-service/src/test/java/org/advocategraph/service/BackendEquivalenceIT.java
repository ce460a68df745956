package org.advocategraph.service;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.model.GraphElement;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.neo4j.EmbeddedNeo4jExtension;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.tinkerpop.GremlinServerExtension;
import org.advocategraph.store.tinkerpop.JanusGraphServerExtension;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * Issue 6: the same imported dataset gives the same answers on every backend. One seeded dataset
 * ({@link SeededDataset}: a few hundred people and every record type, each type in a shuffled order) is imported
 * through {@link GraphStore#upsert} into each store; over each, the engines are wired as the service wires them and
 * asked the same questions ({@link BackendAnswers}: a few dozen match requests, influencers by every measure,
 * communities and the whole partition, coverage gaps, reach, recruits, engagement, triage, teams, and a scan of every
 * record type). Every backend must answer as the reference does, an embedded Neo4j written by the import path and read
 * through the driver (as a Neo4j server is read): the same matches in the same order with the same explanations,
 * computed doubles within {@value BackendAnswers#TOLERANCE}, the same partition into communities, and stored records
 * equal value for value. A failure names the backend, each question answered otherwise and where its answer first
 * differs.
 *
 * <p>The service's own default, the same embedded database read in-process, hands people to the analytics
 * projection in another order (its internal node order, which follows the order they were written); the projection
 * numbers people by id, so its seeded algorithms (Leiden's node order, IMM's random start nodes, tie-breaks) answer
 * alike there too.
 */
class BackendEquivalenceIT {
    private static final long SEED = 6;
    private static final Clock CLOCK = Clock.fixed(SeededDataset.NOW, ZoneOffset.UTC);
    /** Records per upsert call, as an import batches a file (below its default of 10,000, so that a type takes several). */
    private static final int IMPORT_BATCH = 1_000;
    /** Most differing questions listed in a failure. */
    private static final int SHOWN = 25;

    @RegisterExtension
    static final EmbeddedNeo4jExtension NEO4J = new EmbeddedNeo4jExtension();
    @RegisterExtension
    static final GremlinServerExtension GREMLIN_SERVER = GremlinServerExtension.tinkerGraph();
    @RegisterExtension
    static final JanusGraphServerExtension JANUSGRAPH_SERVER = new JanusGraphServerExtension();

    private static SeededDataset data;
    private static UpsertResult imported;
    private static BackendAnswers reference;

    @BeforeAll
    static void importIntoNeo4jAndAnswer() {
        data = new SeededDataset(SEED);
        // advocates import into the embedded default writes in-process
        try (Neo4jGraphStore importer = NEO4J.emptyStoreWritingInProcess()) {
            imported = importInto(importer);
        }
        try (GraphStore store = Neo4jGraphStore.connect(NEO4J.database().settings())) {
            reference = BackendAnswers.over(store, data, CLOCK);
        }
    }

    @AfterAll
    static void forget() {
        data = null;
        reference = null;
    }

    @Test
    void shouldAnswerOnTinkerGraphAsOnNeo4j() {
        assertNoDifference("tinkergraph (in memory)", answersAfterImport(TinkerPopGraphStore.inMemory()));
    }

    @Test
    void shouldAnswerOnGremlinServerAsOnNeo4j() {
        assertNoDifference("gremlin server (tinkergraph)", answersAfterImport(GREMLIN_SERVER.emptyStore()));
    }

    @Test
    void shouldAnswerOnEmbeddedJanusGraphAsOnNeo4j() {
        TinkerPopGraphStore store = TinkerPopGraphStore.janusGraphInMemory();
        store.ensureSchema();
        assertNoDifference("janusgraph (embedded, inmemory)", answersAfterImport(store));
    }

    @Test
    void shouldAnswerOnJanusGraphServerAsOnNeo4j() {
        assertNoDifference("janusgraph server", answersAfterImport(JANUSGRAPH_SERVER.emptyStore()));
    }

    @Test
    void shouldAnswerWhenReadInProcessAsThroughTheDriver() {
        // Given the reference's database, read as the service reads its embedded default: scans in-process, people
        // handed over in the database's own node order rather than by id
        String backend = "neo4j (embedded, read in-process)";
        try (GraphStore store = Neo4jGraphStore.connectReadingInProcess(NEO4J.database())) {
            // Then every answer is the reference's
            assertNoDifference(backend, differences(BackendAnswers.over(store, data, CLOCK), List.of()));
        }
    }

    /**
     * Imports the dataset into an empty store, then asks every question over it.
     *
     * @return the differences from the reference, what the import wrote first
     */
    private static List<String> answersAfterImport(GraphStore emptyStore) {
        try (emptyStore) {
            UpsertResult result = importInto(emptyStore);
            List<String> first = result.equals(imported) ? List.of()
                    : List.of("what the import wrote\n      at " + imported + " vs " + result);
            return differences(BackendAnswers.over(emptyStore, data, CLOCK), first);
        }
    }

    /** @return each question answered otherwise than by the reference, with where its answer first differs */
    private static List<String> differences(BackendAnswers answers, List<String> first) {
        List<String> differences = new ArrayList<>(first);
        for (String question : reference.questions()) {
            Optional<String> d = BackendAnswers.firstDifference(reference.get(question), answers.get(question),
                    BackendAnswers.exact(question));
            d.ifPresent(where -> differences.add(question + "\n      at " + where));
        }
        return differences;
    }

    private static void assertNoDifference(String backend, List<String> differences) {
        if (!differences.isEmpty()) {
            fail(backend + " answers " + differences.size() + " of " + reference.size() + " questions otherwise than"
                    + " neo4j (each: the question, then where its answer first differs, neo4j's value vs " + backend
                    + "'s):\n  - " + String.join("\n  - ", differences.subList(0, Math.min(SHOWN, differences.size())))
                    + (differences.size() > SHOWN ? "\n  ... and " + (differences.size() - SHOWN) + " more" : ""));
        }
    }

    /** Writes the dataset as an import does: type by type in import order, in batches, each one upsert call. */
    private static UpsertResult importInto(GraphStore store) {
        UpsertResult result = UpsertResult.empty();
        for (List<GraphElement> records : data.byType.values()) {
            for (int i = 0; i < records.size(); i += IMPORT_BATCH) {
                result = result.plus(store.upsert(records.subList(i, Math.min(records.size(), i + IMPORT_BATCH))));
            }
        }
        return result;
    }
}
