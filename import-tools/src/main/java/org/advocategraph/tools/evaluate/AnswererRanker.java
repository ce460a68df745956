package org.advocategraph.tools.evaluate;

import java.util.List;
import java.util.Map;

import org.advocategraph.tools.connect.StackExchangeDump.Activity;

/**
 * One way of routing a question: ranks the people most likely to answer it, from what happened before it. The
 * routing evaluation drives every method through this interface alone, so a new method (a better matcher, a
 * baseline) plugs in without touching the harness.
 *
 * <p>The harness calls {@link #learn} with history in the order it became visible, each activity only once and
 * only if it was visible before every question ranked afterwards; then {@link #rank} for a question. In the
 * static mode it learns once, up to the split; in the online mode it learns again before each question.
 * Instances are stateful and used by one thread.
 */
public interface AnswererRanker extends AutoCloseable {
    /**
     * Adds history. An answer comes after its question and a comment after its post.
     *
     * @param activities questions, answers and comments, in the order they became visible
     */
    void learn(List<Activity> activities);

    /**
     * @param question the question to route; it is not part of what was learned
     * @param limit    most candidates to return, at least 1
     * @return user ids, best first, distinct, at most {@code limit}, never the asker; people the method cannot
     *         rank at all are left out
     */
    List<Long> rank(RoutingQuestion question, int limit);

    /** @return counters worth reporting beside the figures (for example candidates a filter removed); may be empty */
    default Map<String, Long> diagnostics() {
        return Map.of();
    }

    /** Releases what the method holds (a store, for example). */
    @Override
    default void close() {
    }
}
