package org.advocategraph.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.advocategraph.tools.connect.StackExchangeDump;
import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.evaluate.RoutingEvaluation.Mode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The evaluation on the two real dumps. The expected counts were also computed by a separate script reading
 * Posts.xml directly, as were the baselines' figures, which matched to the last digit.
 */
class RoutingEvaluationIT {
    private static final Path DATA = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("stackexchange");

    @ParameterizedTest
    @CsvSource({
            // site, questions, train, test, accepted, any, unrankable static accepted/any, online accepted/any
            "matheducators, 397, 317, 80, 20, 73, 2, 1, 2, 1",
            "beer, 663, 530, 133, 72, 125, 42, 58, 16, 18"})
    void shouldMeasureEveryMethodOnARealDumpWithReproducibleFigures(String site, int questions, int train, int test,
                                                                  int accepted, int any, int staticAccepted,
                                                                  int staticAny, int onlineAccepted, int onlineAny) {
        RoutingEvaluation evaluation = new RoutingEvaluation(StackExchangeDump.read(DATA.resolve(site), null));

        RoutingReport report = evaluation.run(RoutingMethod.defaults());

        assertEquals(site, report.dataset());
        assertEquals(questions, report.questions());
        assertEquals(train, report.trainQuestions());
        assertEquals(test, report.testQuestions());
        assertEquals(accepted, report.acceptedQuestions());
        assertEquals(any, report.anyQuestions());
        assertEquals(Map.of("accepted", staticAccepted, "any", staticAny), report.unrankable().get("static"));
        assertEquals(Map.of("accepted", onlineAccepted, "any", onlineAny), report.unrankable().get("online"));
        assertEquals(6, report.results().size());
        for (RoutingReport.Result r : report.results()) {
            String what = site + " " + r.method() + " " + r.mode();
            assertEquals(accepted, r.accepted().questions(), what);
            assertEquals(any, r.any().questions(), what);
            assertEquals(test, r.ranks().size(), what);
            for (RoutingMetrics m : List.of(r.accepted(), r.any())) {
                for (double v : new double[] {m.hitAt1(), m.hitAt5(), m.hitAt10(), m.mrr()}) {
                    assertTrue(v >= 0 && v <= 1, what + ": " + m);
                }
                assertTrue(m.hitAt1() <= m.hitAt5() && m.hitAt5() <= m.hitAt10() && m.mrr() >= m.hitAt1(), what + ": " + m);
            }
            // Nobody ranks what cannot be ranked: at most n - unrankable questions have a rank.
            Map<String, Integer> unrankable = report.unrankable().get(r.mode());
            assertTrue(r.ranks().stream().filter(q -> q.accepted() > 0).count() <= accepted - unrankable.get("accepted"), what);
            assertTrue(r.ranks().stream().filter(q -> q.any() > 0).count() <= any - unrankable.get("any"), what);
        }

        List<RoutingMethod> baselines = RoutingMethod.defaults().subList(1, 3);
        for (Mode mode : Mode.values()) {
            for (RoutingMethod m : baselines) {
                RoutingReport.Result first = report.results().stream()
                        .filter(r -> r.method().equals(m.name()) && r.mode().equals(mode.key())).findFirst().orElseThrow();
                RoutingReport.Result again = evaluation.run(m, mode);
                assertEquals(first.accepted(), again.accepted(), m.name());
                assertEquals(first.any(), again.any(), m.name());
                assertEquals(first.ranks(), again.ranks(), m.name());
            }
        }
    }

    /**
     * Online, the engine's store follows the graph by upserts, and is rebuilt when an asker turns answerer; at
     * every fifth test question its ranking must equal that of a store built afresh from the same history.
     */
    @Test
    void shouldRankOnlineFromIncrementsExactlyAsFromAFreshStore() {
        StackExchangeDump dump = StackExchangeDump.read(DATA.resolve("beer"), null);
        List<String> compared = new ArrayList<>();
        long[] rebuilds = {0};
        RoutingMethod checked = new RoutingMethod("checked", d -> new AnswererRanker() {
            private final EngineRanker live = EngineRanker.withDefaultMatcher(d);
            private final List<Activity> seen = new ArrayList<>();
            private int questions;

            @Override
            public void learn(List<Activity> activities) {
                seen.addAll(activities);
                live.learn(activities);
            }

            @Override
            public List<Long> rank(RoutingQuestion question, int limit) {
                List<Long> ranked = live.rank(question, limit);
                if (questions++ % 5 == 0) {
                    try (EngineRanker fresh = EngineRanker.withDefaultMatcher(d)) {
                        fresh.learn(seen);
                        assertEquals(fresh.rank(question, limit), ranked, "question " + question.id());
                    }
                    compared.add("q" + question.id());
                }
                return ranked;
            }

            @Override
            public void close() {
                rebuilds[0] = live.diagnostics().get("rebuilds");
                live.close();
            }
        });

        new RoutingEvaluation(dump).run(checked, Mode.ONLINE);

        assertEquals(27, compared.size(), compared.toString());
        assertTrue(rebuilds[0] > 0, "some askers answered for the first time during the test period");
    }
}
