package org.advocategraph.tools.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.connect.StackExchangeDump.Answer;
import org.advocategraph.tools.connect.StackExchangeDump.Question;

/**
 * What the baselines know: how many answers each user has written, overall and per tag of the questions answered.
 * Answers without an owner count for nobody. An answer counts once for each tag of its question. The baselines
 * extend it, so that learning is written once and each only says how it ranks.
 */
abstract class AnswerCountRanker implements AnswererRanker {
    private final Map<Long, List<String>> topicsOf = new HashMap<>();
    private final Map<Long, Long> total = new HashMap<>();
    private final Map<String, Map<Long, Long>> byTopic = new HashMap<>();

    @Override
    public final void learn(List<Activity> activities) {
        for (Activity a : activities) {
            if (a instanceof Question q) {
                topicsOf.put(q.id(), q.topics());
            } else if (a instanceof Answer answer && answer.owner() != null) {
                List<String> topics = Objects.requireNonNull(topicsOf.get(answer.questionId()),
                        () -> "answer " + answer.id() + " came before its question");
                total.merge(answer.owner(), 1L, Long::sum);
                for (String t : topics) {
                    byTopic.computeIfAbsent(t, k -> new HashMap<>()).merge(answer.owner(), 1L, Long::sum);
                }
            }
        }
    }

    /** @return answers per user */
    Map<Long, Long> total() {
        return total;
    }

    /** @return answers per user to questions with this tag */
    Map<Long, Long> inTopic(String topic) {
        return byTopic.getOrDefault(topic, Map.of());
    }

    /**
     * @return the users with a positive count, highest first, ties broken by the smaller user id, without the
     *         asker, at most {@code limit}
     */
    static List<Long> top(Map<Long, Long> counts, Long asker, int limit) {
        List<Map.Entry<Long, Long>> ranked = new ArrayList<>();
        for (var e : counts.entrySet()) {
            if (e.getValue() > 0 && !e.getKey().equals(asker)) {
                ranked.add(e);
            }
        }
        ranked.sort(Map.Entry.<Long, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        return ranked.stream().limit(limit).map(Map.Entry::getKey).toList();
    }
}
