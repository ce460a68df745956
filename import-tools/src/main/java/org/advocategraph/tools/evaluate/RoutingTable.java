package org.advocategraph.tools.evaluate;

import java.util.Locale;
import java.util.Map;

/** Writes a {@link RoutingReport} as the plain-text table {@code advocates evaluate routing} prints. */
public final class RoutingTable {
    private RoutingTable() {
    }

    /** @return the report as lines of text, each ending with a line break */
    public static String of(RoutingReport r) {
        StringBuilder sb = new StringBuilder();
        line(sb, "Routing quality on %s: %d questions, the first %d train, %d test (asked %s to %s)",
                r.dataset(), r.questions(), r.trainQuestions(), r.testQuestions(), r.split(), r.lastTest());
        line(sb, "Test questions with an accepted answer by someone other than the asker: %d; with an answer by "
                + "someone other than the asker: %d", r.acceptedQuestions(), r.anyQuestions());
        Map<String, Integer> st = r.unrankable().get("static");
        Map<String, Integer> on = r.unrankable().get("online");
        line(sb, "Unrankable (the person sought had not answered before; a miss for every method): static %d accepted, "
                + "%d any; online %d accepted, %d any", st.get("accepted"), st.get("any"), on.get("accepted"), on.get("any"));
        line(sb, "Every method returns at most %d candidates; not ranked counts as rank infinity.", r.limit());
        line(sb, "");
        line(sb, "%-12s %-7s| %-34s| %-34s", "", "", "accepted answerer (n=" + r.acceptedQuestions() + ")",
                "any answerer (n=" + r.anyQuestions() + ")");
        line(sb, "%-12s %-7s| %-7s %-7s %-7s %-10s| %-7s %-7s %-7s %-10s", "method", "mode", "hit@1", "hit@5", "hit@10",
                "MRR", "hit@1", "hit@5", "hit@10", "MRR");
        for (RoutingReport.Result x : r.results()) {
            line(sb, "%-12s %-7s| %-7.3f %-7.3f %-7.3f %-10.3f| %-7.3f %-7.3f %-7.3f %-10.3f", x.method(), x.mode(),
                    x.accepted().hitAt1(), x.accepted().hitAt5(), x.accepted().hitAt10(), x.accepted().mrr(),
                    x.any().hitAt1(), x.any().hitAt5(), x.any().hitAt10(), x.any().mrr());
        }
        line(sb, "");
        for (RoutingReport.Result x : r.results()) {
            if (!x.diagnostics().isEmpty()) {
                line(sb, "%s %s: %s", x.method(), x.mode(), new java.util.TreeMap<>(x.diagnostics()));
            }
        }
        line(sb, "Took %.1f s.", r.seconds());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }
}
