package org.advocategraph.service.outcomes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.advocategraph.model.About;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;

/**
 * Assignments with hand-computed outcomes in the window [2026-01-10, 2026-01-20):
 *
 * <ul>
 * <li>e1 (program p1): a1 on v1 (sentiment -0.6) resolved, responded after 30 min, sentiment after 0.4 (lift 1.0);
 * a2 on v2 (-0.2) resolved after 90 min, unrated; a3 on v3 (0.4) responded after 60 min; a4 on v1 declined.</li>
 * <li>e2 (no program): b1 on v2 resolved after 10 min, sentiment after -0.4 (lift -0.2); b2 on v3 accepted, then
 * cancelled; b3 on v1 proposed; b4 on v1 resolved on 2026-01-25, after the window.</li>
 * </ul>
 */
public final class OutcomeFixture {
    /** The window. */
    public static final Instant FROM = Instant.parse("2026-01-10T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-01-20T00:00:00Z");
    /** The end of the latest window of {@link #week}. */
    public static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private OutcomeFixture() {
    }

    /** @return the elements */
    public static List<GraphElement> elements() {
        List<GraphElement> g = new ArrayList<>();
        g.add(employee("e1", "Eve One"));
        g.add(employee("e2", "Max Two"));
        g.add(new Program("p1", "Care Voices", Purpose.CARE));
        g.add(new Membership("e1", "p1", T0));
        g.add(conversation("v1", -0.6));
        g.add(conversation("v2", -0.2));
        g.add(conversation("v3", 0.4));
        Instant a1 = day(10);
        g.add(new Assignment("a1", "e1", "v1", a1, AssignmentStatus.RESOLVED, a1.plus(minutes(30)), "resolved", 0.4,
                a1.plus(minutes(5)), a1.plus(minutes(40))));
        Instant a2 = day(11);
        g.add(new Assignment("a2", "e1", "v2", a2, AssignmentStatus.RESOLVED, a2.plus(minutes(90)), "resolved", null));
        Instant a3 = day(12);
        g.add(new Assignment("a3", "e1", "v3", a3, AssignmentStatus.RESPONDED, a3.plus(minutes(60)), "", null));
        Instant a4 = day(13);
        g.add(new Assignment("a4", "e1", "v1", a4, AssignmentStatus.DECLINED, null, "busy", null, a4.plus(minutes(60)), null));
        Instant b1 = day(14);
        g.add(new Assignment("b1", "e2", "v2", b1, AssignmentStatus.RESOLVED, b1.plus(minutes(10)), "resolved", -0.4));
        Instant b2 = day(15);
        g.add(new Assignment("b2", "e2", "v3", b2, AssignmentStatus.CANCELLED, null, "withdrawn", null,
                b2.plus(minutes(5)), b2.plus(minutes(60))));
        g.add(new Assignment("b3", "e2", "v1", day(16), AssignmentStatus.PROPOSED, null, "", null));
        Instant b4 = day(25);
        g.add(new Assignment("b4", "e2", "v1", b4, AssignmentStatus.RESOLVED, b4.plus(minutes(5)), "resolved", 0.9));
        return g;
    }

    /**
     * A week of daily conversations before {@link #NOW}, over the tiny graph's topics and customer c1: kubernetes
     * has one negative conversation (-0.6) a day, then {@code spike} on the last day (s0, s1, ... at -0.3, -0.35, ...;
     * s2 still open if asked), plus a positive and a mildly negative one; billing has three negative ones every day;
     * cloud two on the last day only.
     *
     * @param spike   negative kubernetes conversations on the last day
     * @param oneOpen whether s2 is open
     * @return the conversations and their topics
     */
    public static List<GraphElement> week(int spike, boolean oneOpen) {
        List<GraphElement> g = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            Instant at = NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(3));
            add(g, "k" + day, -0.6, at, ConversationStatus.RESOLVED, "kubernetes", 1.0);
            for (int i = 0; i < 3; i++) {
                add(g, "b" + day + "-" + i, -0.5, at, ConversationStatus.CLOSED, "billing", 1.0);
            }
        }
        Instant today = NOW.minus(Duration.ofHours(2));
        for (int i = 0; i < spike; i++) {
            add(g, "s" + i, -0.3 - 0.05 * i, today.plusSeconds(i), oneOpen && i == 2 ? ConversationStatus.OPEN
                    : ConversationStatus.RESOLVED, "kubernetes", 1.0);
        }
        for (int i = 0; i < 3; i++) {
            add(g, "b0-" + i, -0.5, today, ConversationStatus.CLOSED, "billing", 1.0);
        }
        add(g, "happy", 0.5, today, ConversationStatus.OPEN, "kubernetes", 1.0);
        add(g, "mild", -0.1, today, ConversationStatus.OPEN, "kubernetes", 1.0);
        add(g, "c0", -0.9, today, ConversationStatus.OPEN, "cloud", 1.0);
        add(g, "c1", -0.9, today, ConversationStatus.OPEN, "cloud", 1.0);
        return g;
    }

    private static void add(List<GraphElement> g, String id, double sentiment, Instant at, ConversationStatus status,
                            String topic, double weight) {
        g.add(new Conversation(id, "twitter", "", "", "en", sentiment, at, status, Purpose.CARE, 100, "c1"));
        g.add(new About(id, topic, weight));
    }

    private static Instant day(int d) {
        return Instant.parse(String.format("2026-01-%02dT10:00:00Z", d));
    }

    private static Duration minutes(int m) {
        return Duration.ofMinutes(m);
    }

    private static Employee employee(String id, String name) {
        return new Employee(id, name, "Engineer", "support", "emea", List.of("en"), Set.of(), Set.of(Purpose.CARE), 5,
                true, true, null);
    }

    private static Conversation conversation(String id, double sentiment) {
        return new Conversation(id, "forum", "", "", "en", sentiment, T0, ConversationStatus.RESOLVED, null, 10, null);
    }
}
