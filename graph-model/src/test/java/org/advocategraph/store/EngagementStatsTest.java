package org.advocategraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.AssignmentStatus;

/** The tally every adapter builds {@link EngagementStats} with, on hand-made histories. */
class EngagementStatsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldKeepOnlyTheLatestResponsesNewestFirst() {
        // Given 150 responses, one an hour, added oldest last, and a declined assignment, which is no response
        EngagementStats.Tally tally = new EngagementStats.Tally("e1");
        for (int i = 0; i < 150; i++) {
            tally.add(AssignmentStatus.RESOLVED, T0, T0.plusSeconds(3600L * (149 - i)), null);
        }
        tally.add(AssignmentStatus.DECLINED, T0.plusSeconds(3600L * 500), null, null);

        // When the figures are built
        EngagementStats stats = tally.build();

        // Then the 100 newest responses are kept, newest first
        List<Instant> expected = new ArrayList<>();
        for (int h = 149; h >= 50; h--) {
            expected.add(T0.plusSeconds(3600L * h));
        }
        assertEquals(EngagementStats.RECENT_RESPONSES, stats.recentResponses().size());
        assertEquals(expected, stats.recentResponses());
    }

    @Test
    void shouldTakeTheAssignmentTimeOfAResponseWithoutItsOwn() {
        // Given a resolved assignment that records no respondedAt and one still only proposed
        EngagementStats stats = new EngagementStats.Tally("e1")
                .add(AssignmentStatus.RESOLVED, T0, null, 0.3)
                .add(AssignmentStatus.PROPOSED, T0.plusSeconds(60), null, null)
                .build();

        // Then the resolution counts as a response at its assignment time; the proposal does not
        assertEquals(List.of(T0), stats.recentResponses());
        assertEquals(1, stats.resolvedRated());
        assertEquals(1, stats.resolvedPositive());
    }

    @Test
    void shouldRefuseFiguresThatCannotComeFromOneHistory() {
        assertThrows(IllegalArgumentException.class, () -> new EngagementStats("e1",
                Map.of(AssignmentStatus.RESOLVED, 1), 1, 2, null, null, List.of()), "more rated than resolved");
        assertThrows(IllegalArgumentException.class, () -> new EngagementStats("e1",
                Map.of(AssignmentStatus.RESOLVED, 2), 2, 1, null, null, List.of()), "more positive than rated");
    }
}
