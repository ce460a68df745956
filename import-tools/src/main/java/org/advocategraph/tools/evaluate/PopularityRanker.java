package org.advocategraph.tools.evaluate;

import java.util.List;

import org.advocategraph.tools.connect.StackExchangeDump.Activity;

/**
 * Baseline {@code popularity}: the same list for every question, the users with the most earlier answers
 * overall; highest first, ties broken by the smaller user id; the asker left out. As the evaluation protocol in
 * the shared data's README defines it.
 *
 * <p>Each question costs O(answerers · log) to rank.
 */
public final class PopularityRanker implements AnswererRanker {
    private final AnswerCounts counts = new AnswerCounts();

    @Override
    public void learn(List<Activity> activities) {
        counts.learn(activities);
    }

    @Override
    public List<Long> rank(RoutingQuestion question, int limit) {
        return AnswerCounts.top(counts.total(), question.asker(), limit);
    }
}
