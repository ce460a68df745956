package org.advocategraph.tools.evaluate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline {@code tag_count}: a user's score is the sum over the question's tags of the user's earlier answers
 * to questions with that tag; highest first, ties broken by the smaller user id; users scoring 0 are not ranked.
 * As the evaluation protocol in the shared data's README defines it.
 *
 * <p>Each question costs O(candidates in its tags · log) to rank.
 */
public final class TagCountRanker extends AnswerCountRanker {
    @Override
    public List<Long> rank(RoutingQuestion question, int limit) {
        Map<Long, Long> score = new HashMap<>();
        for (String topic : question.topics()) {
            inTopic(topic).forEach((user, n) -> score.merge(user, n, Long::sum));
        }
        return top(score, question.asker(), limit);
    }
}
