package org.advocategraph.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.advocategraph.model.AssignmentStatus;

/**
 * One employee's record as an advocate, from their assignments: what credibility (past outcomes), activity (how
 * much they responded lately) and fairness (load, how recently asked) in matching are computed from. Built by
 * {@link GraphStore#engagementOf}.
 *
 * @param employeeId           the employee
 * @param byStatus             how many assignments are in each status; every status is present, zero included
 * @param resolvedPositive     resolved assignments whose {@code sentimentAfter} is above 0 (the conversation ended
 *                             on a positive note)
 * @param resolvedRated        resolved assignments whose {@code sentimentAfter} was recorded, whatever its sign:
 *                             the outcomes that say how an assignment ended ({@code resolvedPositive} of them
 *                             positive)
 * @param medianResponseTime   median of {@code respondedAt - assignedAt} over responded and resolved assignments
 *                             that record both times (the mean of the middle two for an even count), or null when
 *                             there is none
 * @param lastAskedAt          the latest {@code assignedAt}, whatever the status, or null without assignments
 * @param recentResponses      when the employee responded ({@code respondedAt} of responded and resolved
 *                             assignments, {@code assignedAt} where that is missing), newest first, the latest
 *                             {@value #RECENT_RESPONSES} at most
 */
public record EngagementStats(String employeeId, Map<AssignmentStatus, Integer> byStatus, int resolvedPositive,
                              int resolvedRated, Duration medianResponseTime, Instant lastAskedAt,
                              List<Instant> recentResponses) {
    /** The most response times {@link #recentResponses} keeps: enough to tell how active anyone was lately. */
    public static final int RECENT_RESPONSES = 100;
    private static final List<AssignmentStatus> OPEN =
            java.util.Arrays.stream(AssignmentStatus.values()).filter(AssignmentStatus::open).toList();

    public EngagementStats {
        if (employeeId == null || employeeId.isBlank()) {
            throw new IllegalArgumentException("employeeId is required");
        }
        Map<AssignmentStatus, Integer> all = new EnumMap<>(AssignmentStatus.class);
        for (AssignmentStatus s : AssignmentStatus.values()) {
            all.put(s, byStatus == null ? 0 : byStatus.getOrDefault(s, 0));
        }
        byStatus = Collections.unmodifiableMap(all);
        if (resolvedPositive < 0 || resolvedRated < resolvedPositive || resolvedRated > all.get(AssignmentStatus.RESOLVED)) {
            throw new IllegalArgumentException("need 0 <= resolvedPositive <= resolvedRated <= resolved, was "
                    + resolvedPositive + ", " + resolvedRated + ", " + all.get(AssignmentStatus.RESOLVED));
        }
        recentResponses = recentResponses == null ? List.of() : List.copyOf(recentResponses);
        if (recentResponses.size() > RECENT_RESPONSES) {
            throw new IllegalArgumentException("at most " + RECENT_RESPONSES + " recent responses, got " + recentResponses.size());
        }
    }

    /**
     * @param employeeId an employee
     * @return the record of an employee who was never asked
     */
    public static EngagementStats none(String employeeId) {
        return new EngagementStats(employeeId, Map.of(), 0, 0, null, null, List.of());
    }

    /** @return how many assignments the employee has had, in any status */
    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * @param status a status
     * @return how many of the employee's assignments are in it
     */
    public int count(AssignmentStatus status) {
        return byStatus.get(status);
    }

    /** @return how many assignments still take the employee's capacity (proposed, accepted, responded) */
    public int open() {
        // By constant, not over entrySet(): an EnumMap's entry iterator makes an object per entry, and matching
        // asks this of every candidate.
        int open = 0;
        for (AssignmentStatus s : OPEN) {
            open += byStatus.get(s);
        }
        return open;
    }

    /**
     * Adds up one employee's assignments into {@link EngagementStats}, so that every adapter computes the figures
     * the same way from the raw properties it reads. Not thread-safe.
     */
    public static final class Tally {
        private final String employeeId;
        private final Map<AssignmentStatus, Integer> byStatus = new EnumMap<>(AssignmentStatus.class);
        private int positive;
        private int rated;
        private long[] responseMillis = new long[8];
        private int responses;
        private Instant lastAskedAt;
        /** The latest response times, the oldest of them on top, so that a newer one can replace it. */
        private final PriorityQueue<Instant> latest = new PriorityQueue<>();

        /** @param employeeId the employee whose assignments are added */
        public Tally(String employeeId) {
            this.employeeId = employeeId;
        }

        /**
         * Counts one assignment.
         *
         * @param status         its status
         * @param assignedAt     when it was proposed
         * @param respondedAt    when the advocate responded, or null
         * @param sentimentAfter the sentiment after, or null
         * @return this tally
         */
        public Tally add(AssignmentStatus status, Instant assignedAt, Instant respondedAt, Double sentimentAfter) {
            byStatus.merge(status, 1, Integer::sum);
            if (status == AssignmentStatus.RESOLVED && sentimentAfter != null) {
                rated++;
                if (sentimentAfter > 0) {
                    positive++;
                }
            }
            boolean responded = status == AssignmentStatus.RESPONDED || status == AssignmentStatus.RESOLVED;
            if (responded && assignedAt != null && respondedAt != null) {
                if (responses == responseMillis.length) {
                    responseMillis = Arrays.copyOf(responseMillis, responses * 2);
                }
                responseMillis[responses++] = Duration.between(assignedAt, respondedAt).toMillis();
            }
            Instant at = respondedAt != null ? respondedAt : assignedAt;
            if (responded && at != null) {
                latest.add(at);
                if (latest.size() > RECENT_RESPONSES) {
                    latest.poll();
                }
            }
            if (assignedAt != null && (lastAskedAt == null || assignedAt.isAfter(lastAskedAt))) {
                lastAskedAt = assignedAt;
            }
            return this;
        }

        /** @return the figures of the assignments added so far */
        public EngagementStats build() {
            Duration median = null;
            if (responses > 0) {
                long[] sorted = Arrays.copyOf(responseMillis, responses);
                Arrays.sort(sorted);
                int mid = responses / 2;
                long millis = responses % 2 == 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2;
                median = Duration.ofMillis(millis);
            }
            List<Instant> recent = new ArrayList<>(latest);
            recent.sort(Comparator.reverseOrder());
            return new EngagementStats(employeeId, byStatus, positive, rated, median, lastAskedAt, recent);
        }
    }
}
