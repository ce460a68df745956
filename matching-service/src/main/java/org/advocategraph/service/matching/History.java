package org.advocategraph.service.matching;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;

/**
 * What an advocate's assignments say about them: open load, how the ended ones went, when they were last asked.
 *
 * @param open        assignments that still take capacity (proposed, accepted, responded)
 * @param ended       resolved assignments
 * @param good        of those, resolved without a negative sentiment after
 * @param lastAskedAt when the latest assignment was made (not after now), or null
 */
record History(int open, int ended, int good, Instant lastAskedAt) {
    static final History NONE = new History(0, 0, 0, null);

    /** @return the history of each employee with assignments, from assignments made up to {@code now} */
    static Map<String, History> of(List<Assignment> assignments, Instant now) {
        Map<String, History> out = new HashMap<>();
        for (Assignment a : assignments) {
            History h = out.getOrDefault(a.employeeId(), NONE);
            boolean open = a.status() == AssignmentStatus.PROPOSED || a.status() == AssignmentStatus.ACCEPTED
                    || a.status() == AssignmentStatus.RESPONDED;
            boolean ended = a.status() == AssignmentStatus.RESOLVED;
            boolean good = ended && (a.sentimentAfter() == null || a.sentimentAfter() >= 0);
            Instant asked = a.assignedAt() == null || a.assignedAt().isAfter(now) ? null : a.assignedAt();
            Instant last = h.lastAskedAt();
            if (asked != null && (last == null || asked.isAfter(last))) {
                last = asked;
            }
            out.put(a.employeeId(), new History(h.open() + (open ? 1 : 0), h.ended() + (ended ? 1 : 0),
                    h.good() + (good ? 1 : 0), last));
        }
        return out;
    }
}
