package org.advocategraph.tools.evaluate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question to route, as a ranker may see it: what the asker wrote, not who answered.
 *
 * @param id      the question's post id
 * @param created when it was asked
 * @param asker   the asker's user id, or null (a deleted user)
 * @param topics  its topic ids (tags lower-cased), distinct
 */
public record RoutingQuestion(long id, Instant created, Long asker, List<String> topics) {
    public RoutingQuestion {
        Objects.requireNonNull(created, "created");
        topics = List.copyOf(topics);
    }
}
