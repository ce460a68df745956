package org.advocategraph.tools.evaluate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.tools.connect.StackExchangeDump;
import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.connect.StackExchangeDump.Answer;
import org.advocategraph.tools.connect.StackExchangeDump.Comment;
import org.advocategraph.tools.connect.StackExchangeDump.Question;
import org.advocategraph.tools.format.FormatException;

/**
 * Measures how well routing methods find who answers a question, on a Stack Exchange dump, by the protocol of
 * the shared data's README: questions sorted by (CreationDate, Id), the first 80% (rounded down) train, the rest
 * test; for each test question each method ranks candidate answerers from what happened before it, and we record
 * the rank of the accepted answerer ("accepted": questions whose accepted answer was written by someone other than
 * the asker) and of the best-ranked of its answerers other than the asker ("any"). Figures: hit@1, hit@5, hit@10
 * and MRR ({@link RoutingMetrics}).
 *
 * <h2>What a method may see</h2>
 * History is replayed as it became visible: a question at its creation, an answer at its creation but not before
 * its question, a comment at its creation but not before its post; anything on a post missing from the dump never.
 * Before a question created at {@code t} a method has learned exactly what became visible strictly before
 * {@code t}:
 * <ul>
 * <li><b>static</b>: profiles frozen at the split, the creation of the first test question; every test question is
 * ranked from that;</li>
 * <li><b>online</b>: before each test question, the method learns what became visible since, up to the question's
 * creation (answers to earlier test questions included, as far as they came before it).</li>
 * </ul>
 * The dump's present-day facts that a method could still misuse are its own business: the tags of a question are
 * as last edited, {@code AcceptedAnswerId} does not say when the answer was accepted, and {@code Score} and
 * reputation count votes up to the dump date (our engine's mapping leaves the last two out).
 *
 * <h2>Not ranked, unrankable</h2>
 * Every method returns at most {@value #LIMIT} candidates (the most a match request may ask for), so that they are
 * compared on equal terms; a person sought who is not in the list has rank infinity. A person who had not
 * answered anything before (a first-time answerer) cannot be ranked by any method here, since each builds on
 * answers; the report counts those questions per mode and variant, and they count as misses for every method.
 *
 * <p>Cost: one replay per method and mode; the harness itself is O(activities · log) plus the methods' work.
 */
public final class RoutingEvaluation {
    /** Most candidates a method may return for a question. */
    public static final int LIMIT = MatchRequest.MAX_LIMIT;

    /** How profiles follow time. */
    public enum Mode {
        /** Profiles frozen at the split. */
        STATIC,
        /** Profiles grow up to each test question. */
        ONLINE;

        /** @return the lower-case name used in reports */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An activity and when it became visible. */
    private record Visible(Instant at, Activity activity) {
    }

    /** Whom a test question's routing should have found. */
    private record Truth(RoutingQuestion question, Long accepted, Set<Long> answerers) {
    }

    private final StackExchangeDump dump;
    private final String dataset;
    private final int questions;
    private final int train;
    private final List<Truth> test;
    private final List<Visible> timeline;

    /**
     * Prepares the split and the replay of a dump.
     *
     * @param dump a dump read without a cut
     * @throws FormatException when the dump holds no question
     */
    public RoutingEvaluation(StackExchangeDump dump) {
        List<Question> ordered = new ArrayList<>(dump.questions());
        if (ordered.isEmpty()) {
            throw new FormatException(dump.dir().toString(), 0, null, "the dump holds no question (PostTypeId 1) to evaluate");
        }
        ordered.sort(Comparator.comparing(Question::created).thenComparingLong(Question::id));
        this.dump = dump;
        Path name = dump.dir().toAbsolutePath().normalize().getFileName();
        this.dataset = name == null ? dump.dir().toString() : name.toString();
        this.questions = ordered.size();
        this.train = ordered.size() * 8 / 10;
        this.timeline = timeline(dump);

        Map<Long, List<Answer>> answersTo = new HashMap<>();
        Map<Long, Answer> answerById = new HashMap<>();
        for (Answer a : dump.answers()) {
            answersTo.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a);
            answerById.put(a.id(), a);
        }
        List<Truth> truths = new ArrayList<>();
        for (Question q : ordered.subList(train, ordered.size())) {
            Long asker = q.owner();
            Answer acceptedAnswer = q.acceptedAnswerId() == null ? null : answerById.get(q.acceptedAnswerId());
            Long accepted = acceptedAnswer != null && acceptedAnswer.questionId() == q.id()
                    && acceptedAnswer.owner() != null && !acceptedAnswer.owner().equals(asker) ? acceptedAnswer.owner() : null;
            Set<Long> answerers = new LinkedHashSet<>();
            for (Answer a : answersTo.getOrDefault(q.id(), List.of())) {
                if (a.owner() != null && !a.owner().equals(asker)) {
                    answerers.add(a.owner());
                }
            }
            truths.add(new Truth(new RoutingQuestion(q.id(), q.created(), asker, q.topics()), accepted, Set.copyOf(answerers)));
        }
        this.test = List.copyOf(truths);
    }

    private static List<Visible> timeline(StackExchangeDump dump) {
        Map<Long, Instant> questionVisible = new HashMap<>();
        Map<Long, Instant> postVisible = new HashMap<>();
        List<Visible> out = new ArrayList<>();
        for (Question q : dump.questions()) {
            questionVisible.put(q.id(), q.created());
            out.add(new Visible(q.created(), q));
        }
        postVisible.putAll(questionVisible);
        for (Answer a : dump.answers()) {
            Instant question = questionVisible.get(a.questionId());
            if (question != null) {
                Instant at = later(a.created(), question);
                postVisible.put(a.id(), at);
                out.add(new Visible(at, a));
            }
        }
        for (Comment c : dump.comments()) {
            Instant post = postVisible.get(c.postId());
            if (post != null) {
                out.add(new Visible(later(c.created(), post), c));
            }
        }
        out.sort(Comparator.comparing(Visible::at).thenComparingInt(v -> order(v.activity()))
                .thenComparingLong(v -> v.activity().id()));
        return out;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isBefore(b) ? b : a;
    }

    /** Questions before answers before comments at the same instant, so that nothing comes before its post. */
    private static int order(Activity a) {
        return a instanceof Question ? 0 : a instanceof Answer ? 1 : 2;
    }

    /**
     * Runs every method in both modes.
     *
     * @param methods the methods, each run on a fresh ranker per mode
     * @return the figures
     */
    public RoutingReport run(List<RoutingMethod> methods) {
        long start = System.nanoTime();
        Set<String> names = new HashSet<>();
        for (RoutingMethod m : methods) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("two methods are named " + m.name());
            }
        }
        List<RoutingReport.Result> results = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (RoutingMethod m : methods) {
                results.add(run(m, mode));
            }
        }
        Map<String, Map<String, Integer>> unrankable = new TreeMap<>();
        for (Mode mode : Mode.values()) {
            unrankable.put(mode.key(), unrankable(mode));
        }
        int accepted = (int) test.stream().filter(t -> t.accepted() != null).count();
        int any = (int) test.stream().filter(t -> !t.answerers().isEmpty()).count();
        return new RoutingReport(dataset, questions, train, test.size(), test.get(0).question().created().toString(),
                test.get(test.size() - 1).question().created().toString(), LIMIT, accepted, any, unrankable, results,
                (System.nanoTime() - start) / 1e9);
    }

    /** Runs one method in one mode. */
    RoutingReport.Result run(RoutingMethod method, Mode mode) {
        long start = System.nanoTime();
        List<Integer> acceptedRanks = new ArrayList<>();
        List<Integer> anyRanks = new ArrayList<>();
        List<RoutingReport.QuestionRanks> perQuestion = new ArrayList<>();
        try (AnswererRanker ranker = method.factory().apply(dump)) {
            replay(mode, ranker::learn, t -> {
                List<Long> ranked = ranker.rank(t.question(), LIMIT);
                check(method, t.question(), ranked);
                int accepted = t.accepted() == null ? -1 : rank(ranked, Set.of(t.accepted()));
                int any = t.answerers().isEmpty() ? -1 : rank(ranked, t.answerers());
                if (accepted >= 0) {
                    acceptedRanks.add(accepted);
                }
                if (any >= 0) {
                    anyRanks.add(any);
                }
                perQuestion.add(new RoutingReport.QuestionRanks(t.question().id(), accepted, any));
            });
            return new RoutingReport.Result(method.name(), mode.key(), RoutingMetrics.of(acceptedRanks),
                    RoutingMetrics.of(anyRanks), ranker.diagnostics(), perQuestion, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Walks the test questions in order, handing {@code learn} what became visible before each (static: once,
     * before the first, up to the split) and then the question to {@code visit}.
     */
    private void replay(Mode mode, Consumer<List<Activity>> learn, Consumer<Truth> visit) {
        Instant split = test.get(0).question().created();
        int next = 0;
        boolean learned = false;
        for (Truth t : test) {
            if (mode == Mode.ONLINE || !learned) {
                Instant cut = mode == Mode.ONLINE ? t.question().created() : split;
                int from = next;
                while (next < timeline.size() && timeline.get(next).at().isBefore(cut)) {
                    next++;
                }
                learn.accept(timeline.subList(from, next).stream().map(Visible::activity).toList());
                learned = true;
            }
            visit.accept(t);
        }
    }

    /** Counts, per variant, the test questions whose person sought had not answered anything before. */
    private Map<String, Integer> unrankable(Mode mode) {
        Set<Long> answered = new HashSet<>();
        int[] accepted = {0};
        int[] any = {0};
        replay(mode, activities -> {
            for (Activity a : activities) {
                if (a instanceof Answer answer && answer.owner() != null) {
                    answered.add(answer.owner());
                }
            }
        }, t -> {
            if (t.accepted() != null && !answered.contains(t.accepted())) {
                accepted[0]++;
            }
            if (!t.answerers().isEmpty() && t.answerers().stream().noneMatch(answered::contains)) {
                any[0]++;
            }
        });
        return Map.of("accepted", accepted[0], "any", any[0]);
    }

    /** A ranker that breaks its contract is a bug: the figures would be wrong, so the run stops. */
    private static void check(RoutingMethod method, RoutingQuestion q, List<Long> ranked) {
        if (ranked.size() > LIMIT) {
            throw new IllegalStateException(method.name() + " returned " + ranked.size() + " candidates for question "
                    + q.id() + ", more than the limit " + LIMIT);
        }
        if (q.asker() != null && ranked.contains(q.asker())) {
            throw new IllegalStateException(method.name() + " ranked the asker " + q.asker() + " of question " + q.id());
        }
        if (new HashSet<>(ranked).size() != ranked.size()) {
            throw new IllegalStateException(method.name() + " ranked someone twice for question " + q.id());
        }
    }

    /** @return the 1-based position of the first of the targets in the list, or 0 when none is in it */
    private static int rank(List<Long> ranked, Set<Long> targets) {
        for (int i = 0; i < ranked.size(); i++) {
            if (targets.contains(ranked.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }
}
