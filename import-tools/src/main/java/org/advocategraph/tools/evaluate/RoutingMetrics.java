package org.advocategraph.tools.evaluate;

import java.util.List;

/**
 * Ranking quality over a set of questions. A question's rank is the 1-based position of the person sought in
 * the method's list, or 0 when the list does not hold them ("not ranked": rank infinity, which misses every
 * hit@k and adds 0 to the reciprocal rank). With no questions every figure is 0.
 *
 * @param questions how many questions were ranked
 * @param hitAt1    share of questions whose person sought is first
 * @param hitAt5    share in the first 5
 * @param hitAt10   share in the first 10
 * @param mrr       mean reciprocal rank: the mean of 1/rank, 0 for not ranked
 */
public record RoutingMetrics(int questions, double hitAt1, double hitAt5, double hitAt10, double mrr) {
    public RoutingMetrics {
        if (questions < 0) {
            throw new IllegalArgumentException("questions must not be negative, was " + questions);
        }
        for (double v : new double[] {hitAt1, hitAt5, hitAt10, mrr}) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("figures must be in 0..1, was " + v);
            }
        }
    }

    /**
     * @param ranks one rank per question: 1-based, or 0 when not ranked
     * @return the figures
     */
    public static RoutingMetrics of(List<Integer> ranks) {
        int n = ranks.size();
        if (n == 0) {
            return new RoutingMetrics(0, 0, 0, 0, 0);
        }
        int hit1 = 0;
        int hit5 = 0;
        int hit10 = 0;
        double reciprocal = 0;
        for (int r : ranks) {
            if (r < 0) {
                throw new IllegalArgumentException("a rank is 1-based, or 0 for not ranked; was " + r);
            }
            if (r == 0) {
                continue;
            }
            hit1 += r <= 1 ? 1 : 0;
            hit5 += r <= 5 ? 1 : 0;
            hit10 += r <= 10 ? 1 : 0;
            reciprocal += 1.0 / r;
        }
        return new RoutingMetrics(n, (double) hit1 / n, (double) hit5 / n, (double) hit10 / n, reciprocal / n);
    }
}
