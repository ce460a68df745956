package org.advocategraph.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RoutingMetricsTest {
    @Test
    void shouldCountNotRankedAsAMissThatAddsNothingToTheReciprocalRank() {
        RoutingMetrics m = RoutingMetrics.of(List.of(1, 3, 7, 12, 0));

        assertEquals(new RoutingMetrics(5, 1 / 5.0, 2 / 5.0, 3 / 5.0, (1 + 1 / 3.0 + 1 / 7.0 + 1 / 12.0) / 5), m);
    }

    @Test
    void shouldGiveZerosForNoQuestions() {
        assertEquals(new RoutingMetrics(0, 0, 0, 0, 0), RoutingMetrics.of(List.of()));
    }

    @Test
    void shouldRefuseANegativeRank() {
        assertThrows(IllegalArgumentException.class, () -> RoutingMetrics.of(List.of(-1)));
    }
}
