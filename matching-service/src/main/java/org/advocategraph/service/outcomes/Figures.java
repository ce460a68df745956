package org.advocategraph.service.outcomes;

import java.util.Arrays;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;

/**
 * What a set of assignments achieved: the funnel (accepted, responded, resolved), response times and sentiment
 * before and after. Rates are funnel steps: acceptance = accepted / decided (accepted + declined), response =
 * responded / accepted, resolution = resolved / responded; each is null when its denominator is 0.
 *
 * @param assignments           assignments counted
 * @param open                  still proposed, accepted or responded
 * @param accepted              accepted at some point: now accepted, responded or resolved, or cancelled after
 *                              being accepted (it has a decision time)
 * @param declined              declined
 * @param cancelled             withdrawn
 * @param acceptanceRate        accepted / (accepted + declined)
 * @param responded             with a response: now responded or resolved
 * @param responseRate          responded / accepted
 * @param medianResponseMinutes median of {@code respondedAt - assignedAt} where both are recorded (the mean of the
 *                              middle two for an even count), or null
 * @param p90ResponseMinutes    the 90th percentile of the same (nearest rank: the {@code ceil(0.9 n)}-th smallest)
 * @param resolved              resolved
 * @param resolutionRate        resolved / responded
 * @param sentimentBefore       mean sentiment of the assignments' conversations (each assignment counts once)
 * @param rated                 assignments whose sentiment after was recorded
 * @param sentimentAfter        mean sentiment after, over the rated ones, or null
 * @param lift                  mean of {@code sentimentAfter - sentiment} over the rated ones (paired), or null
 * @param scored                assignments the leaderboard score counts (all but cancelled)
 * @param points                the score's points summed over them (see {@link EngagementOutcomes})
 */
public record Figures(int assignments, int open, int accepted, int declined, int cancelled, Double acceptanceRate,
                      int responded, Double responseRate, Double medianResponseMinutes, Double p90ResponseMinutes,
                      int resolved, Double resolutionRate, Double sentimentBefore, int rated, Double sentimentAfter,
                      Double lift, int scored, double points) {

    /** Adds up assignments into {@link Figures}. Not thread-safe. */
    static final class Tally {
        private int assignments;
        private int open;
        private int accepted;
        private int declined;
        private int cancelled;
        private int responded;
        private int resolved;
        private int rated;
        private int scored;
        private double points;
        private double before;
        private double after;
        private double lift;
        private long[] responseMillis = new long[4];
        private int responses;

        /**
         * @param a         an assignment
         * @param sentiment its conversation's sentiment
         * @param point     its points towards the score
         */
        void add(Assignment a, double sentiment, double point) {
            assignments++;
            AssignmentStatus s = a.status();
            if (s.open()) {
                open++;
            }
            if (s == AssignmentStatus.ACCEPTED || s == AssignmentStatus.RESPONDED || s == AssignmentStatus.RESOLVED
                    || s == AssignmentStatus.CANCELLED && a.decidedAt() != null) {
                accepted++;
            }
            if (s == AssignmentStatus.DECLINED) {
                declined++;
            }
            if (s == AssignmentStatus.CANCELLED) {
                cancelled++;
            } else {
                scored++;
                points += point;
            }
            if (s == AssignmentStatus.RESPONDED || s == AssignmentStatus.RESOLVED) {
                responded++;
                if (a.respondedAt() != null) {
                    if (responses == responseMillis.length) {
                        responseMillis = Arrays.copyOf(responseMillis, responses * 2);
                    }
                    responseMillis[responses++] = a.respondedAt().toEpochMilli() - a.assignedAt().toEpochMilli();
                }
            }
            if (s == AssignmentStatus.RESOLVED) {
                resolved++;
            }
            before += sentiment;
            if (a.sentimentAfter() != null) {
                rated++;
                after += a.sentimentAfter();
                lift += a.sentimentAfter() - sentiment;
            }
        }

        /** @return the mean points per scored assignment, or 0 without any */
        double meanPoints() {
            return scored == 0 ? 0 : points / scored;
        }

        Figures build() {
            long[] sorted = Arrays.copyOf(responseMillis, responses);
            Arrays.sort(sorted);
            Double median = null;
            Double p90 = null;
            if (responses > 0) {
                int mid = responses / 2;
                double m = responses % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
                median = round(m / 60_000.0, 1e3);
                p90 = round(sorted[(int) Math.ceil(0.9 * responses) - 1] / 60_000.0, 1e3);
            }
            return new Figures(assignments, open, accepted, declined, cancelled, ratio(accepted, accepted + declined),
                    responded, ratio(responded, accepted), median, p90, resolved, ratio(resolved, responded),
                    assignments == 0 ? null : round(before / assignments, 1e6), rated,
                    rated == 0 ? null : round(after / rated, 1e6), rated == 0 ? null : round(lift / rated, 1e6), scored,
                    round(points, 1e6));
        }

        private static Double ratio(int part, int whole) {
            return whole == 0 ? null : round((double) part / whole, 1e6);
        }
    }

    static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}
