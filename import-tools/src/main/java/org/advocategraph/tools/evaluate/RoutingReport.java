package org.advocategraph.tools.evaluate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a routing evaluation on one dump.
 *
 * @param dataset          the dump folder's name, for example {@code matheducators}
 * @param questions        questions in the dump
 * @param trainQuestions   the first 80% by (CreationDate, Id)
 * @param testQuestions    the rest
 * @param split            the creation time of the first test question (ISO 8601): the static profiles hold what
 *                         became visible before it
 * @param lastTest         the creation time of the last test question
 * @param limit            most candidates any method may return per question
 * @param acceptedQuestions test questions with an accepted answer by someone other than the asker
 * @param anyQuestions     test questions with at least one answer by someone other than the asker
 * @param unrankable       per mode ({@code static}, {@code online}) and variant ({@code accepted}, {@code any}):
 *                         test questions whose person sought (any of them, for {@code any}) had not answered
 *                         anything before, so that no method here could rank them; the same for every method
 * @param results          one entry per method and mode
 * @param seconds          wall time of the whole evaluation
 */
public record RoutingReport(String dataset, int questions, int trainQuestions, int testQuestions, String split,
                            String lastTest, int limit, int acceptedQuestions, int anyQuestions,
                            Map<String, Map<String, Integer>> unrankable, List<Result> results, double seconds) {
    public RoutingReport {
        Objects.requireNonNull(dataset, "dataset");
        unrankable = Map.copyOf(unrankable);
        results = List.copyOf(results);
    }

    /**
     * The figures of one method in one mode.
     *
     * @param method      the method's name
     * @param mode        {@code static} or {@code online}
     * @param accepted    ranks of the accepted answerer
     * @param any         ranks of the best-ranked answerer
     * @param diagnostics the method's own counters
     * @param ranks       per test question in order: question id, rank of the accepted answerer and of the
     *                    best-ranked answerer (1-based; 0 not ranked; -1 when the question is not in that variant)
     * @param seconds     wall time of this run, learning included
     */
    public record Result(String method, String mode, RoutingMetrics accepted, RoutingMetrics any,
                         Map<String, Long> diagnostics, List<QuestionRanks> ranks, double seconds) {
        public Result {
            diagnostics = Map.copyOf(diagnostics);
            ranks = List.copyOf(ranks);
        }
    }

    /**
     * The ranks one method gave for one test question.
     *
     * @param question the question's id
     * @param accepted rank of the accepted answerer: 1-based, 0 not ranked, -1 not in the variant
     * @param any      rank of the best-ranked answerer: 1-based, 0 not ranked, -1 not in the variant
     */
    public record QuestionRanks(long question, int accepted, int any) {
    }
}
