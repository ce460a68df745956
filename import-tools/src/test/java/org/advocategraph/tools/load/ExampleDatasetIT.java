package org.advocategraph.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.MatchResult;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * The hand-written example in {@code examples/import} loads without a single problem and gives the answers its
 * README promises, so the example and its story cannot drift from the code.
 */
class ExampleDatasetIT {
    private static TinkerPopGraphStore store;
    private static ImportSummary summary;

    /** The example folder, found from the module or the repository root, whichever the build runs in. */
    static Path exampleDir() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("examples").resolve("import");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/import not found above " + Path.of("").toAbsolutePath());
    }

    @BeforeAll
    static void load() {
        store = TinkerPopGraphStore.inMemory();
        summary = new GraphImporter(store, ImportOptions.DEFAULT, l -> { }).importDirectory(exampleDir());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static MatchResult match(String customerId, String topicId) {
        return new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT)
                .match(new MatchRequest(customerId, null, List.of(topicId), null, null, null, 5));
    }

    @Test
    void shouldLoadEveryFileOfTheExampleWithoutProblems() {
        assertEquals(List.of(), summary.errors());
        assertEquals(15, summary.rowsPerFile().size(), summary.rowsPerFile().toString());
        assertEquals(12L, summary.rowsPerFile().get("employees.jsonl"));
        assertEquals(20L, summary.rowsPerFile().get("ties.jsonl"));
        assertEquals(104L, summary.rows());
    }

    @Test
    void shouldHoldTheNodesAndRelationshipsTheReadmeDescribes() {
        // Given
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("Employee", 12L);
        expected.put("Customer", 6L);
        expected.put("Account", 3L);
        expected.put("Topic", 6L);
        expected.put("Conversation", 5L);
        expected.put("Program", 3L);
        expected.put("EXPERT_IN", 11L);
        expected.put("INTERESTED_IN", 8L);
        expected.put("SUBTOPIC_OF", 3L);
        expected.put("CONNECTED_TO", 20L);
        expected.put("PARTICIPATED_IN", 8L);
        expected.put("ABOUT", 7L);
        expected.put("OWNS_ACCOUNT", 3L);
        expected.put("MEMBER_OF", 7L);
        expected.put("ASSIGNED_TO", 2L);
        expected.put("BELONGS_TO", 6L); // one per customer: customers.accountId
        expected.put("AUTHORED", 5L); // one per conversation: conversations.authorId
        expected.put("REPORTS_TO", 8L); // everyone but the four heads: employees.managerId

        // When
        Map<String, Long> counts = store.counts();

        // Then
        assertEquals(expected, counts);
    }

    @Test
    void shouldLinkJonasToHisManagerHelena() {
        assertEquals("e-helena", store.employee("e-jonas").orElseThrow().managerId());
        assertEquals(null, store.employee("e-helena").orElseThrow().managerId());
    }

    @Test
    void shouldRankJonasFirstForMayaOnKubernetesBecauseHeKnowsHer() {
        // When Maya asks about Kubernetes
        MatchResult result = match("c-maya", "kubernetes");

        // Then Jonas, who knows her well, beats Priya, the stronger expert who has never met her
        List<String> ranked = result.matches().stream().map(Match::advocateId).toList();
        assertEquals("e-jonas", ranked.get(0), result.toString());
        assertEquals("e-priya", ranked.get(1), result.toString());
        assertEquals(List.of("c-maya", "e-jonas"), result.matches().get(0).path());
        // (Priya narrows the gap: she knows two of Maya's three contacts, which the audience factor counts)
        assertTrue(result.matches().get(0).score() > result.matches().get(1).score(), result.toString());
        assertTrue(result.matches().get(1).factors().get("audience") > result.matches().get(0).factors().get("audience"));
        // And Lars, the best Kubernetes expert on paper, is never proposed: he has left
        assertTrue(!ranked.contains("e-lars"), ranked.toString());
        assertEquals(1, result.excluded().get("inactive"), result.toString());
    }

    @Test
    void shouldRankPriyaFirstOnKubernetesWhenNoCustomerIsGiven() {
        // When the same question comes without a customer, expertise decides
        MatchResult result = new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT)
                .match(new MatchRequest(null, null, List.of("kubernetes"), null, null, null, 5));

        // Then
        assertEquals(List.of("e-priya", "e-jonas", "e-kwame"),
                result.matches().stream().map(Match::advocateId).limit(3).toList(), result.toString());
    }

    @Test
    void shouldChangeNothingWhenTheExampleIsImportedAgain() {
        // Given
        Map<String, Long> before = store.counts();

        // When
        ImportSummary again = new GraphImporter(store, ImportOptions.DEFAULT, l -> { }).importDirectory(exampleDir());

        // Then
        assertEquals(List.of(), again.errors());
        assertEquals(before, store.counts());
    }
}
