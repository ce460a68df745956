package org.advocategraph.service.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spike statistic against values computed by hand and checked with scipy's {@code nbinom.sf}. */
class SpikeStatisticTest {

    @Test
    void shouldExpectThePriorCountForASeriesWithoutHistory() {
        // Given a topic with no negative volume in 3 baseline windows
        // When one or two events come: m = 0.5 / 4 = 0.125, v = 0.125 * 4/3, r = 0.375, q = 0.75
        SpikeStatistic.Result one = SpikeStatistic.test(1, new double[] {0, 0, 0});
        SpikeStatistic.Result two = SpikeStatistic.test(2, new double[] {0, 0, 0});

        // Then P(X >= 1) = 1 - 0.75^0.375 and P(X >= 2) subtracts P(X = 1) = 0.75^0.375 * 0.375 * 0.25
        assertEquals(0.125, one.expected(), 1e-12);
        assertEquals(0.125 * 4 / 3, one.variance(), 1e-12);
        assertEquals(0.1022653794869798, one.pValue(), 1e-12);
        assertEquals(0.018102758813884137, two.pValue(), 1e-12);
    }

    @Test
    void shouldFindASpikeAgainstASteadyBaselineButNotAgainstABurstyOne() {
        // Given a steady baseline 4, 6, 5, 5 (variance 0.667 below the mean: Poisson-like) and a bursty one 0, 10, 0, 10
        SpikeStatistic.Result steady = SpikeStatistic.test(12, new double[] {4, 6, 5, 5});
        SpikeStatistic.Result bursty = SpikeStatistic.test(12, new double[] {0, 10, 0, 10});

        // Then both expect (20 + 0.5) / 5 = 4.1; the steady one has variance 4.1 * 5/4, the bursty one 33.3 * 5/4,
        // and 12 is far more surprising against the steady one
        assertEquals(4.1, steady.expected(), 1e-12);
        assertEquals(5.125, steady.variance(), 1e-12);
        assertEquals(0.004006245304948714, steady.pValue(), 1e-12);
        assertEquals(41.666666666666667, bursty.variance(), 1e-9);
        assertEquals(0.10304221380114359, bursty.pValue(), 1e-12);
    }

    @Test
    void shouldKeepTinyTailProbabilitiesAccurate() {
        // 40 against the steady baseline: scipy says 7.70e-17, below what 1 - P(X < 40) can represent
        double p = SpikeStatistic.test(40, new double[] {4, 6, 5, 5}).pValue();
        assertEquals(7.703874236363372e-17, p, 1e-19);
    }

    @Test
    void shouldCountAWeightedVolumeAsTheWholeEventsItReachedAndNothingAsCertain() {
        // 1.7 weighted events are "at least 1"; 0 is always reached
        assertEquals(SpikeStatistic.test(1, new double[] {0, 0, 0}).pValue(),
                SpikeStatistic.test(1.7, new double[] {0, 0, 0}).pValue(), 1e-15);
        assertEquals(1.0, SpikeStatistic.test(0, new double[] {3, 3, 3}).pValue());
        assertTrue(SpikeStatistic.test(3, new double[] {3, 3, 3}).pValue() > 0.3, "the usual is no surprise");
    }

    @Test
    void shouldRefuseAnEmptyBaselineOrANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> SpikeStatistic.test(1, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SpikeStatistic.test(-1, new double[] {1, 2, 3}));
    }
}
