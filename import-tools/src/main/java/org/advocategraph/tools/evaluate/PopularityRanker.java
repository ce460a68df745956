package org.advocategraph.tools.evaluate;

import java.util.List;

/**
 * Baseline {@code popularity}: the same list for every question, the users with the most earlier answers
 * overall; highest first, ties broken by the smaller user id; the asker left out. As the evaluation protocol in
 * the shared data's README defines it.
 *
 * <p>Each question costs O(answerers · log) to rank.
 */
public final class PopularityRanker extends AnswerCountRanker {
    @Override
    public List<Long> rank(RoutingQuestion question, int limit) {
        return top(total(), question.asker(), limit);
    }
}
