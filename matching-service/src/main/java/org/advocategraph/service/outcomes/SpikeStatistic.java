package org.advocategraph.service.outcomes;

/**
 * How surprising a window's count is against the same series' own preceding windows: the upper-tail probability
 * of the count under a negative binomial fitted to the baseline by moments, with a prior that keeps sparse series
 * from alerting on a single event.
 *
 * <p>For baseline counts {@code b_1..b_B} and a current count {@code x}: the expected count is the smoothed mean
 * {@code m = (sum b + a0) / (B + 1)} (a Gamma({@code a0}, 1) prior on the rate, {@code a0} = {@value #PRIOR_COUNT}:
 * a series with no history expects {@code a0 / (B + 1)} per window, not 0); the variance of the next window is
 * {@code v = max(m, s^2) * (1 + 1/B)}, with {@code s^2} the baseline's sample variance: at least Poisson, more where
 * the baseline itself is overdispersed (weekly rhythms, bursts), inflated for the uncertainty of a mean
 * estimated from B windows. The count is then NB with mean {@code m} and variance {@code v}, that is
 * {@code r = m^2 / (v - m)} and success probability {@code q = r / (r + m)}, and the p-value is
 * {@code P(X >= floor(x))}: a weighted volume counts only the whole events it surely reached, which keeps the test
 * conservative (with {@code ceil}, 3.04 would count as 4 and alerted twice as often as stated on data without
 * any change). A Poisson model alone would alert on every busy Monday (Lawless 1987, "Negative
 * binomial and mixed Poisson regression"; the same moment-fitted NB underlies count-outbreak detectors such as
 * Farrington et al. 1996).
 *
 * <p>The tail is summed term by term in log space from {@code P(X = 0) = q^r} by the ratio
 * {@code P(j+1)/P(j) = (j + r)/(j + 1) * (1 - q)}: no special functions, exact to rounding; O(x + tail) steps.
 */
final class SpikeStatistic {
    /** Prior pseudo-count of events spread over one more window than the baseline. */
    static final double PRIOR_COUNT = 0.5;
    /** The most terms one tail sums. */
    private static final int MAX_TERMS = 1_000_000;

    private SpikeStatistic() {
    }

    /**
     * The test's figures for one series.
     *
     * @param expected the smoothed baseline mean {@code m}
     * @param variance the predictive variance {@code v}
     * @param pValue   {@code P(X >= floor(current))}
     */
    record Result(double expected, double variance, double pValue) {
    }

    /**
     * @param current  the count in the current window, at least 0
     * @param baseline the counts of the preceding windows, at least one
     * @return the expected count, its variance and the upper-tail probability of the current one
     */
    static Result test(double current, double[] baseline) {
        if (baseline.length == 0) {
            throw new IllegalArgumentException("need at least one baseline window");
        }
        if (!(current >= 0)) {
            throw new IllegalArgumentException("the current count must be at least 0, was " + current);
        }
        int n = baseline.length;
        double sum = 0;
        for (double b : baseline) {
            sum += b;
        }
        double mean = sum / n;
        double ss = 0;
        for (double b : baseline) {
            ss += (b - mean) * (b - mean);
        }
        double sampleVariance = n > 1 ? ss / (n - 1) : 0;
        double m = (sum + PRIOR_COUNT) / (n + 1);
        double v = Math.max(m, sampleVariance) * (1 + 1.0 / n);
        return new Result(m, v, upperTail(m, v, (long) Math.floor(current + 1e-9)));
    }

    /**
     * @param mean     mean of the negative binomial, above 0
     * @param variance its variance, above the mean
     * @param k        a count
     * @return {@code P(X >= k)}
     */
    static double upperTail(double mean, double variance, long k) {
        if (k <= 0) {
            return 1;
        }
        double r = mean * mean / (variance - mean);
        double logFail = Math.log(mean / (r + mean));
        double logP = r * Math.log(r / (r + mean));
        // Walk the pmf up to k - 1 (lower tail), then on from k (upper tail); sum whichever is the smaller side.
        double lower = 0;
        long j = 0;
        for (; j < k; j++) {
            lower += Math.exp(logP);
            logP += Math.log((j + r) / (j + 1)) + logFail;
        }
        if (lower < 0.5) {
            return Math.max(0, 1 - lower);
        }
        double upper = 0;
        for (long steps = 0; steps < MAX_TERMS; steps++, j++) {
            double term = Math.exp(logP);
            upper += term;
            if (j > mean && term < upper * 1e-16) {
                break;
            }
            logP += Math.log((j + r) / (j + 1)) + logFail;
        }
        return Math.min(1, upper);
    }
}
