package org.advocategraph.service.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.About;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class TeamBuilderTest {
    @Test
    void shouldCoverEveryTopicBeforeDoublingUpOnOne() {
        // Given conversation v1 about kubernetes and billing, kubernetes experts e1, e2, e6, and e10 for billing only
        List<GraphElement> g = new ArrayList<>(TinyGraph.elements());
        g.add(new About("v1", "billing", 1.0));
        g.add(new Employee("e10", "Bea Ten", "", "", "", List.of("en"), Set.of(), Set.of(Purpose.CARE), 5, true, true, null));
        g.add(new Expertise("e10", "billing", 0.95, "answers"));
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(g);
            TeamBuilder builder = new TeamBuilder(store, new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT));

            // When a team of two is mobilized
            TeamBuilder.Team team = builder.mobilize("v1", 2);

            // Then it holds the billing expert beside e1 (who knows the author and his contacts), not e2, whose
            // extra kubernetes depth and one more contact add less than billing does
            List<String> ids = team.members().stream().map(TeamBuilder.Member::advocateId).toList();
            assertEquals(2, ids.size());
            assertEquals(List.of("e1", "e10"), ids);
            assertEquals(0.95, team.topicCoverage().get("billing"), 1e-9);
            assertTrue(team.topicCoverage().get("kubernetes") > 0);
            // And gains shrink as the team grows (submodularity), and they add up to the objective
            assertTrue(team.members().get(0).gain() >= team.members().get(1).gain());
            assertEquals(team.objective(), team.members().stream().mapToDouble(TeamBuilder.Member::gain).sum(), 1e-6);
            assertTrue(team.guarantee().contains("1 - 1/e"));
        }
    }

    @Test
    void shouldStopWhenNobodyAddsAnythingAndRejectBadRequests() {
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(TinyGraph.elements());
            TeamBuilder builder = new TeamBuilder(store, new GraphAdvocateMatcher(store, ScoringWeights.DEFAULT));
            // Given v1 on one topic: once its best expert is in, only community reach can add
            TeamBuilder.Team team = builder.mobilize("v1", 25);
            assertTrue(team.members().size() < 25);
            assertTrue(team.notes().stream().anyMatch(n -> n.startsWith("stopped at")), team.notes().toString());
            assertThrows(InvalidFieldException.class, () -> builder.mobilize("v1", 0));
            assertThrows(InvalidFieldException.class, () -> builder.mobilize("v1", 26));
            assertEquals(List.of("nope"), assertThrows(NotFoundException.class, () -> builder.mobilize("nope", 2)).ids());
        }
    }
}
