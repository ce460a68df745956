package org.advocategraph.service.outcomes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Enums;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Program;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.GraphStore;

/**
 * Engagement outcomes: what the assignments proposed in a window achieved, per advocate or per program, with a
 * leaderboard.
 *
 * <p><b>Leaderboard score.</b> Each assignment but a cancelled one earns points: 0 unless resolved; a resolved one
 * earns {@code 0.5 + 0.5 * clamp(sentimentAfter - sentiment, -1, 1)}, or 0.5 when no sentiment after was recorded
 * (so 1 for a resolution that lifted the conversation from -1 to +1, 0.5 for one that left it where it was). A
 * group's score is its mean points shrunk towards the mean of everyone in the window, as an empirical Bayes
 * estimate with {@value #PRIOR_WEIGHT} pseudo-assignments at that mean: {@code (points + k * mean) / (scored + k)}.
 * A group with few assignments thus sits near the mean whatever its luck, and needs volume to lead. Only groups
 * with at least {@code minAssignments} scored assignments get a rank.
 *
 * <p>Cost: one read of the assignments proposed in the window (at most {@value #MAX_ASSIGNMENTS}, the latest
 * first, past which the answer says {@code truncated}), one conversation lookup per distinct conversation, and,
 * per program, one read of the memberships; stopped at {@link #TIME_BOUND} with {@code truncated}.
 */
public final class EngagementOutcomes {
    /** Most groups one answer lists. */
    public static final int MAX_LIMIT = 500;
    /** Most assignments one answer reads. */
    public static final int MAX_ASSIGNMENTS = 500_000;
    /** The window when none is given: the last 30 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    /** The longest window. */
    public static final Duration MAX_WINDOW = Duration.ofDays(3_660);
    /** Most buckets of a time series. */
    public static final int MAX_BUCKETS = 1_000;
    /** Pseudo-assignments at the window's mean that every score is shrunk with. */
    static final double PRIOR_WEIGHT = 5;
    /** Scored assignments a group needs to be ranked, by default. */
    public static final int DEFAULT_MIN_ASSIGNMENTS = 3;
    /** The time one answer may take before it stops reading and says {@code truncated}. */
    static final Duration TIME_BOUND = Duration.ofSeconds(10);

    /** What the groups are. */
    public enum GroupBy {
        /** One group per advocate. */
        ADVOCATE,
        /** One group per program; an advocate in several programs counts in each. */
        PROGRAM
    }

    /** The order of the groups. */
    public enum Sort {
        /** Leaderboard score, ranked groups first. */
        SCORE,
        /** Most assignments. */
        ASSIGNMENTS,
        /** Most resolved. */
        RESOLVED,
        /** Highest acceptance rate. */
        ACCEPTANCE,
        /** Highest response rate. */
        RESPONSE,
        /** Highest resolution rate. */
        RESOLUTION,
        /** Shortest median response time. */
        SPEED,
        /** Largest sentiment lift. */
        LIFT
    }

    /** The length of a time-series bucket (UTC). */
    public enum Bucket {
        /** Calendar days. */
        DAY,
        /** ISO weeks, from Monday. */
        WEEK
    }

    /**
     * One question.
     *
     * @param by             group by advocate or program
     * @param from           window start, inclusive; null: {@code to} minus {@link #DEFAULT_WINDOW}
     * @param to             window end, exclusive; null: now
     * @param program        only assignments of this program's members, or null
     * @param sort           the order of the groups
     * @param limit          most groups listed, 1..{@value #MAX_LIMIT}
     * @param minAssignments scored assignments needed for a rank, 1..1000
     * @param bucket         a time series of the totals by this bucket, or null for none
     */
    public record Query(GroupBy by, Instant from, Instant to, String program, Sort sort, int limit, int minAssignments,
                        Bucket bucket) {
        public Query {
            by = by == null ? GroupBy.ADVOCATE : by;
            sort = sort == null ? Sort.SCORE : sort;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidFieldException("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
            }
            if (minAssignments < 1 || minAssignments > 1_000) {
                throw new InvalidFieldException("minAssignments", "must be in 1..1000, was " + minAssignments);
            }
        }

        /** @return a grouping parsed with errors naming the parameter, or null when blank */
        public static GroupBy by(String value) {
            return value == null || value.isBlank() ? null : Enums.parse(GroupBy.class, "by", value);
        }

        /** @return a sort parsed with errors naming the parameter */
        public static Sort sort(String value) {
            return value == null || value.isBlank() ? null : Enums.parse(Sort.class, "sort", value);
        }

        /** @return a bucket parsed with errors naming the parameter */
        public static Bucket bucket(String value) {
            return value == null || value.isBlank() ? null : Enums.parse(Bucket.class, "bucket", value);
        }
    }

    /**
     * One advocate or program.
     *
     * @param id      employee or program id
     * @param name    its name
     * @param rank    its place on the leaderboard (1 best), or null with fewer scored assignments than the minimum
     * @param score   the leaderboard score, 0..1
     * @param figures what its assignments achieved
     */
    public record Group(String id, String name, Integer rank, double score, Figures figures) {
    }

    /**
     * One bucket of the time series.
     *
     * @param start   its start
     * @param figures what the assignments proposed in it achieved
     */
    public record Point(Instant start, Figures figures) {
    }

    /**
     * The answer.
     *
     * @param by         how the groups are made
     * @param from       window start
     * @param to         window end
     * @param program    the program filter, or null
     * @param sort       the order of {@code groups}
     * @param groups     the first {@code limit} groups in that order
     * @param groupCount groups in all
     * @param ranked     groups with a rank
     * @param totals     every assignment in the window (after the program filter)
     * @param meanPoints the window's mean points per scored assignment, which scores are shrunk towards
     * @param scoring    how the score is made
     * @param series     the totals per bucket, or null
     * @param notes      what the reader should know (assignments outside any program, bounds hit)
     * @param truncated  true when a bound stopped the reading
     * @param millis     time taken
     */
    public record Report(String by, Instant from, Instant to, String program, String sort, List<Group> groups,
                         int groupCount, int ranked, Figures totals, double meanPoints, Map<String, Object> scoring,
                         List<Point> series, List<String> notes, boolean truncated, long millis) {
    }

    private final GraphStore store;
    private final Clock clock;

    /**
     * @param store the graph
     * @param clock what "now" is
     */
    public EngagementOutcomes(GraphStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * @param q the question
     * @return the outcomes
     * @throws InvalidFieldException naming {@code from}, {@code to} or {@code bucket} for a bad window
     * @throws NotFoundException     naming {@code program} when it does not exist
     */
    public Report report(Query q) {
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(TIME_BOUND);
        Instant to = q.to() != null ? q.to() : clock.instant();
        Instant from = q.from() != null ? q.from() : to.minus(DEFAULT_WINDOW);
        if (!from.isBefore(to)) {
            throw new InvalidFieldException("from", "must be before to (" + to + "), was " + from);
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidFieldException("from", "the window may span at most " + MAX_WINDOW.toDays() + " days");
        }
        Instant firstBucket = q.bucket() == null ? null : bucketStart(from, q.bucket());
        if (q.bucket() != null) {
            long buckets = Duration.between(firstBucket, to).toDays() / (q.bucket() == Bucket.DAY ? 1 : 7) + 1;
            if (buckets > MAX_BUCKETS) {
                throw new InvalidFieldException("bucket", "the window has " + buckets + " " + q.bucket().name()
                        .toLowerCase(Locale.ROOT) + "s, more than " + MAX_BUCKETS);
            }
        }
        Set<String> members = null;
        if (q.program() != null) {
            if (store.program(q.program()).isEmpty()) {
                throw new NotFoundException("program", "program", List.of(q.program()));
            }
            members = new HashSet<>(store.membersOf(q.program()));
        }
        List<String> notes = new ArrayList<>();
        boolean truncated = false;
        List<Assignment> assignments = store.assignmentsProposedBetween(from, to, MAX_ASSIGNMENTS);
        if (assignments.size() == MAX_ASSIGNMENTS) {
            truncated = true;
            notes.add("read the latest " + MAX_ASSIGNMENTS + " assignments of the window only");
        }
        Map<String, List<String>> programsOf = q.by() == GroupBy.PROGRAM ? programsOfEmployees() : Map.of();
        Map<String, Double> sentiment = new HashMap<>();
        Figures.Tally totals = new Figures.Tally();
        Map<String, Figures.Tally> groups = new HashMap<>();
        Map<Instant, Figures.Tally> series = new LinkedHashMap<>();
        if (firstBucket != null) {
            for (Instant b = firstBucket; b.isBefore(to); b = next(b, q.bucket())) {
                series.put(b, new Figures.Tally());
            }
        }
        int outsidePrograms = 0;
        int read = 0;
        for (Assignment a : assignments) {
            if (members != null && !members.contains(a.employeeId())) {
                continue;
            }
            if ((++read & 1023) == 0 && clock.instant().isAfter(deadline)) {
                truncated = true;
                notes.add("stopped after " + read + " assignments at the time bound of " + TIME_BOUND.toSeconds() + " s");
                break;
            }
            Double s = sentiment.computeIfAbsent(a.conversationId(),
                    id -> store.conversation(id).map(Conversation::sentiment).orElse(0.0));
            double point = points(a, s);
            totals.add(a, s, point);
            if (firstBucket != null) {
                series.get(bucketStart(a.assignedAt(), q.bucket())).add(a, s, point);
            }
            if (q.by() == GroupBy.ADVOCATE) {
                groups.computeIfAbsent(a.employeeId(), k -> new Figures.Tally()).add(a, s, point);
            } else {
                List<String> programs = programsOf.getOrDefault(a.employeeId(), List.of());
                if (programs.isEmpty()) {
                    outsidePrograms++;
                }
                for (String p : programs) {
                    if (q.program() == null || q.program().equals(p)) {
                        groups.computeIfAbsent(p, k -> new Figures.Tally()).add(a, s, point);
                    }
                }
            }
        }
        if (outsidePrograms > 0) {
            notes.add(outsidePrograms + " assignments are of advocates in no program: in the totals, in no group");
        }
        double mean = totals.meanPoints();
        List<Group> all = new ArrayList<>();
        groups.forEach((id, t) -> {
            Figures f = t.build();
            all.add(new Group(id, null, null, Figures.round((f.points() + PRIOR_WEIGHT * mean) / (f.scored() + PRIOR_WEIGHT),
                    1e6), f));
        });
        List<Group> leaderboard = all.stream().filter(g -> g.figures().scored() >= q.minAssignments())
                .sorted(Comparator.comparingDouble(Group::score).reversed().thenComparing(Group::id)).toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < leaderboard.size(); i++) {
            ranks.put(leaderboard.get(i).id(), i + 1);
        }
        List<Group> ordered = new ArrayList<>(all);
        ordered.sort(order(q.sort(), ranks));
        List<Group> shown = ordered.subList(0, Math.min(q.limit(), ordered.size()));
        Map<String, String> names = names(q.by(), shown.stream().map(Group::id).toList());
        List<Group> out = shown.stream().map(g -> new Group(g.id(), names.getOrDefault(g.id(), g.id()), ranks.get(g.id()),
                g.score(), g.figures())).toList();
        List<Point> points = firstBucket == null ? null
                : series.entrySet().stream().map(e -> new Point(e.getKey(), e.getValue().build())).toList();
        return new Report(q.by().name().toLowerCase(Locale.ROOT), from, to, q.program(),
                q.sort().name().toLowerCase(Locale.ROOT), out, all.size(), leaderboard.size(), totals.build(),
                Figures.round(mean, 1e6), scoring(q.minAssignments()), points, notes, truncated,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** @return the points one assignment earns towards its group's score */
    static double points(Assignment a, double sentimentBefore) {
        if (a.status() != AssignmentStatus.RESOLVED) {
            return 0;
        }
        if (a.sentimentAfter() == null) {
            return 0.5;
        }
        return 0.5 + 0.5 * Math.max(-1, Math.min(1, a.sentimentAfter() - sentimentBefore));
    }

    /** @return the start of the UTC day or ISO week (Monday) that holds the instant */
    static Instant bucketStart(Instant at, Bucket bucket) {
        var day = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
        return (bucket == Bucket.DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).toInstant();
    }

    private static Instant next(Instant start, Bucket bucket) {
        return start.plus(bucket == Bucket.DAY ? 1 : 7, ChronoUnit.DAYS);
    }

    private static Comparator<Group> order(Sort sort, Map<String, Integer> ranks) {
        Comparator<Group> byId = Comparator.comparing(Group::id);
        return switch (sort) {
            case SCORE -> Comparator.<Group>comparingInt(g -> ranks.getOrDefault(g.id(), Integer.MAX_VALUE))
                    .thenComparing(Comparator.comparingDouble(Group::score).reversed()).thenComparing(byId);
            case ASSIGNMENTS -> Comparator.<Group>comparingInt(g -> -g.figures().assignments()).thenComparing(byId);
            case RESOLVED -> Comparator.<Group>comparingInt(g -> -g.figures().resolved()).thenComparing(byId);
            case ACCEPTANCE -> descending(g -> g.figures().acceptanceRate()).thenComparing(byId);
            case RESPONSE -> descending(g -> g.figures().responseRate()).thenComparing(byId);
            case RESOLUTION -> descending(g -> g.figures().resolutionRate()).thenComparing(byId);
            case SPEED -> descending(g -> g.figures().medianResponseMinutes() == null ? null
                    : -g.figures().medianResponseMinutes()).thenComparing(byId);
            case LIFT -> descending(g -> g.figures().lift()).thenComparing(byId);
        };
    }

    /** Larger first, groups without the figure last. */
    private static Comparator<Group> descending(Function<Group, Double> figure) {
        return Comparator.comparing(figure, Comparator.nullsLast(Comparator.<Double>reverseOrder()));
    }

    private Map<String, List<String>> programsOfEmployees() {
        Map<String, List<String>> out = new HashMap<>();
        store.scan(Membership.class, 10_000, batch -> {
            for (Membership m : batch) {
                out.computeIfAbsent(m.employeeId(), k -> new ArrayList<>()).add(m.programId());
            }
        });
        return out;
    }

    private Map<String, String> names(GroupBy by, List<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (by == GroupBy.ADVOCATE) {
            for (Employee e : store.employees(ids)) {
                names.put(e.id(), e.name());
            }
        } else {
            for (String id : ids) {
                store.program(id).map(Program::name).ifPresent(n -> names.put(id, n));
            }
        }
        return names;
    }

    private static Map<String, Object> scoring(int minAssignments) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("points", "per assignment but cancelled ones: 0 unless resolved; resolved: 0.5 + 0.5 * clamp(sentimentAfter"
                + " - sentiment, -1, 1), or 0.5 without a recorded sentiment after");
        s.put("score", "(points + k * meanPoints) / (scored + k): mean points shrunk towards the window's mean");
        s.put("k", PRIOR_WEIGHT);
        s.put("minAssignments", minAssignments);
        return s;
    }
}
