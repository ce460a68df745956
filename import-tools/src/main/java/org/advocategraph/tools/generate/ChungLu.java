package org.advocategraph.tools.generate;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Chung–Lu random graphs (Chung and Lu 2002): each pair {i, j} is linked independently with probability
 * {@code min(1, scale * w_i * w_j)}, so that expected degrees are proportional to the weights w. Works on a
 * slice of weights sorted in descending order.
 *
 * <p>{@link #enumerate} is the O(n + m) algorithm of Miller and Hagberg (2011), "Efficient generation of
 * networks with given expected degrees": for each i it walks the lighter nodes j &gt; i, skipping ahead
 * geometrically with the current upper bound on the probability and accepting with the ratio. Every pair is
 * considered once, so there are no duplicates and no self-loops, and nothing but the current node is held.
 * {@link #expectedEdges} computes the exact expected number of edges in O(n) (two pointers), which lets the
 * caller calibrate {@code scale} to an edge budget by bisection.
 */
final class ChungLu {
    /** Receives an edge between two positions of the sorted slice. */
    interface EdgeSink {
        void edge(int i, int j);
    }

    private ChungLu() {
    }

    /**
     * @param w          weights, sorted descending within {@code [from, to)}
     * @param cumulative {@code cumulative[k]} = sum of {@code w[0..k)} (same positions as w)
     * @param scale      factor of the link probability
     * @return the expected number of edges among {@code [from, to)}
     */
    static double expectedEdges(float[] w, double[] cumulative, int from, int to, double scale) {
        if (scale <= 0) {
            return 0;
        }
        double total = 0;
        int bound = to; // positions [from, bound) link to the current i with probability 1
        for (int i = from; i < to; i++) {
            double wi = w[i] * scale;
            while (bound > from && wi * w[bound - 1] < 1) {
                bound--;
            }
            int uncapped = Math.max(bound, i + 1);
            total += Math.max(0, bound - i - 1) + wi * (cumulative[to] - cumulative[uncapped]);
        }
        return total;
    }

    /** Enumerates a random graph on the slice {@code [from, to)} of descending weights, reporting positions. */
    static void enumerate(float[] w, int from, int to, double scale, SplittableRandom rng, EdgeSink sink) {
        if (scale <= 0) {
            return;
        }
        for (int i = from; i < to - 1; i++) {
            double wi = w[i] * scale;
            int j = i + 1;
            double p = 1;
            while (j < to && p > 0) {
                if (p < 1) {
                    double skip = Math.floor(StrictMath.log(1 - rng.nextDouble()) / StrictMath.log1p(-p));
                    if (skip >= to - j) {
                        break;
                    }
                    j += (int) skip;
                }
                double q = Math.min(1, wi * w[j]);
                if (rng.nextDouble() * p < q) {
                    sink.edge(i, j);
                }
                p = q;
                j++;
            }
        }
    }

    /**
     * Finds the scale whose expected edge count reaches {@code target}, by bisection on a monotone function.
     *
     * @return the scale, or the largest one tried when the target cannot be reached
     */
    static double calibrate(DoubleUnaryOperator expected, double target) {
        if (target <= 0) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (expected.applyAsDouble(hi) < target && hi < 1e12) {
            lo = hi;
            hi *= 4;
        }
        for (int k = 0; k < 40; k++) {
            double mid = (lo + hi) / 2;
            if (expected.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
