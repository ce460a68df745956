package org.advocategraph.tools.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Sampling an index in proportion to fixed non-negative weights, by binary search over the cumulative sums. */
final class Cdf {
    private final double[] cumulative;

    private Cdf(double[] cumulative) {
        this.cumulative = cumulative;
    }

    /** @return a sampler over {@code weights}; all-zero weights make every sample return -1 */
    static Cdf of(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight " + i + " must not be negative, was " + weights[i]);
            }
            sum += weights[i];
            c[i] = sum;
        }
        return new Cdf(c);
    }

    /** @return an index in 0..size-1, or -1 when every weight is zero */
    int sample(SplittableRandom rng) {
        int n = cumulative.length;
        if (n == 0 || cumulative[n - 1] <= 0) {
            return -1;
        }
        double r = rng.nextDouble() * cumulative[n - 1];
        if (r >= cumulative[n - 1]) {
            // rounding can reach the total; stepping below it keeps trailing zero weights unreachable
            r = Math.nextDown(cumulative[n - 1]);
        }
        int i = Arrays.binarySearch(cumulative, r);
        i = i >= 0 ? i + 1 : -i - 1;
        // skip zero-weight entries that share the cumulative value, and guard the top end
        while (i < n - 1 && cumulative[i] <= r) {
            i++;
        }
        return Math.min(i, n - 1);
    }

    /** @return the sum of all weights */
    double total() {
        return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
    }
}
