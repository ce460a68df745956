package org.advocategraph.tools.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The random distributions the generator draws from; every one takes the caller's generator. Transcendental
 * functions are {@link StrictMath}'s, and the normal is our own, so that a seed gives the same bytes on every
 * JVM and processor ({@link Math} may use platform intrinsics that differ in the last bit).
 */
final class Sampling {
    private Sampling() {
    }

    /** Standard normal by the Box–Muller transform (one of the pair is used). */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }

    /**
     * Continuous Pareto with density proportional to {@code x^-alpha} above {@code xmin}.
     *
     * @param alpha density exponent, above 1
     */
    static double pareto(SplittableRandom rng, double xmin, double alpha) {
        return xmin * StrictMath.pow(1 - rng.nextDouble(), -1 / (alpha - 1));
    }

    /** Pareto as above, truncated to {@code [xmin, xmax]} by inverting the truncated distribution (no spike at xmax). */
    static double truncatedPareto(SplittableRandom rng, double xmin, double xmax, double alpha) {
        if (xmax <= xmin) {
            return xmin;
        }
        double a = alpha - 1;
        double lo = StrictMath.pow(xmin, -a);
        double hi = StrictMath.pow(xmax, -a);
        return StrictMath.pow(lo - rng.nextDouble() * (lo - hi), -1 / a);
    }

    /** Normal truncated to {@code [min, max]} by rejection, so that the bounds get no pile-up of clamped values. */
    static double truncatedNormal(SplittableRandom rng, double mean, double sd, double min, double max) {
        for (int attempt = 0; attempt < 64; attempt++) {
            double x = mean + sd * gaussian(rng);
            if (x >= min && x <= max) {
                return x;
            }
        }
        return Math.max(min, Math.min(max, mean));
    }

    /** Log-normal with the given median and log-scale standard deviation. */
    static double logNormal(SplittableRandom rng, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(rng));
    }

    /**
     * Beta(a, b) for whole a, b: the a-th smallest of a + b - 1 uniforms. Cheap for the small shapes used here.
     */
    static double beta(SplittableRandom rng, int a, int b) {
        int n = a + b - 1;
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rng.nextDouble();
        }
        Arrays.sort(u);
        return u[a - 1];
    }

    /** Geometric number of failures before a success, with the given mean, capped. */
    static int geometric(SplittableRandom rng, double mean, int max) {
        double p = 1 / (1 + mean);
        double u = 1 - rng.nextDouble();
        int k = (int) Math.floor(StrictMath.log(u) / StrictMath.log(1 - p));
        return Math.min(Math.max(k, 0), max);
    }

    /** @return true with probability p */
    static boolean chance(SplittableRandom rng, double p) {
        return rng.nextDouble() < p;
    }

    private static final double[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    /** Clamps and rounds to {@code decimals} places so that files stay short and stable. */
    static double round(double x, double min, double max, int decimals) {
        double scale = POWERS_OF_TEN[decimals];
        double v = Math.round(Math.max(min, Math.min(max, x)) * scale) / scale;
        return Math.max(min, Math.min(max, v));
    }

    /** Fisher–Yates shuffle of a prefix of an int array. */
    static void shuffle(SplittableRandom rng, int[] a, int length) {
        for (int i = length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Zipf weights {@code 1 / (rank + 1)^s} for ranks 0..n-1. */
    static double[] zipf(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / StrictMath.pow(i + 1, s);
        }
        return w;
    }
}
