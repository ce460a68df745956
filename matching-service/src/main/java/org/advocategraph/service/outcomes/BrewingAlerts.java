package org.advocategraph.service.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Topic;
import org.advocategraph.service.team.TeamBuilder;
import org.advocategraph.service.triage.Triage;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.WeightedId;

/**
 * Brewing problems: topics whose negative-sentiment volume in the latest window is far above their own baseline.
 *
 * <p>Per topic, the volume of a window is the sum of the ABOUT weights of the conversations created in it with
 * sentiment below {@code negativeBelow} (default {@value #DEFAULT_NEGATIVE_BELOW}). The latest window ends at
 * {@code now}; the baseline is the {@code baselineWindows} windows before it. Each topic with volume at least
 * {@code minVolume} in the latest window is tested by {@link SpikeStatistic} against its own baseline; since
 * many topics are tested at once, the p-value is adjusted by Bonferroni (multiplied by the number of topics
 * tested, at most 1), so that on data without any change the chance of even one alert in a run is at most the
 * threshold of the lowest severity. Severity from the adjusted p-value: {@code critical} below
 * {@value #CRITICAL}, {@code high} below {@value #HIGH}, {@code medium} below {@value #MEDIUM}; above that, no
 * alert.
 *
 * <p>For each alert: the conversations driving it (the latest window's negative ones on the topic, the heaviest
 * first: ABOUT weight times how far below the threshold) and a team to mobilize: {@link TeamBuilder}'s team for the most urgent of those still open, by
 * {@link Triage}'s urgency; or why there is none.
 *
 * <p>When the store's history begins inside the baseline (nothing was created before it), the baseline windows
 * that ended before the first conversation are left out, not counted as quiet; the answer says so in
 * {@code notes}, and {@code baselineUsed} says how many windows were counted.
 *
 * <p>Cost: one read of the conversations created in the latest and baseline windows (at most
 * {@value #MAX_CONVERSATIONS}, the latest first; past that the oldest baseline windows are left out and the answer
 * says {@code truncated}), one read of at most one conversation before them, the topics of the negative ones, then one team per alert, each bounded by the team
 * builder; teams stop at {@link #TIME_BOUND}, after which alerts come without one and say so.
 */
public final class BrewingAlerts {
    /** Sentiment below which a conversation counts as negative, by default. */
    public static final double DEFAULT_NEGATIVE_BELOW = -0.25;
    /** Adjusted p-value thresholds of the severities. */
    static final double CRITICAL = 0.001;
    static final double HIGH = 0.01;
    static final double MEDIUM = 0.05;
    /** Bounds of the parameters. */
    public static final Duration MIN_WINDOW = Duration.ofHours(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(90);
    public static final int MAX_BASELINE_WINDOWS = 365;
    public static final int MIN_BASELINE_WINDOWS = 3;
    public static final int MAX_LIMIT = 100;
    /** The most conversations one answer reads. */
    public static final int MAX_CONVERSATIONS = 500_000;
    /** Conversations listed per alert. */
    static final int DRIVERS = 10;
    /** The time after which alerts come without a team. */
    static final Duration TIME_BOUND = Duration.ofSeconds(10);

    /** How alarming an alert is. */
    public enum Severity {
        /** Adjusted p-value below {@value BrewingAlerts#CRITICAL}. */
        CRITICAL,
        /** Below {@value BrewingAlerts#HIGH}. */
        HIGH,
        /** Below {@value BrewingAlerts#MEDIUM}. */
        MEDIUM;

        /** @return the lower-case name used in answers */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One question.
     *
     * @param window          the length of a window, {@link #MIN_WINDOW}..{@link #MAX_WINDOW}
     * @param baselineWindows windows of baseline, {@value #MIN_BASELINE_WINDOWS}..{@value #MAX_BASELINE_WINDOWS}
     * @param now             the end of the latest window, or null for now
     * @param minVolume       the least volume in the latest window that may alert, 0..1,000,000
     * @param negativeBelow   sentiment below this is negative, -1..1
     * @param limit           most alerts, 1..{@value #MAX_LIMIT}
     * @param teamSize        advocates per team, 1..{@value TeamBuilder#MAX_SIZE}
     */
    public record Query(Duration window, int baselineWindows, Instant now, double minVolume, double negativeBelow,
                        int limit, int teamSize) {
        public Query {
            if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new InvalidFieldException("window", "must be from PT1H to P90D, was " + window);
            }
            if (baselineWindows < MIN_BASELINE_WINDOWS || baselineWindows > MAX_BASELINE_WINDOWS) {
                throw new InvalidFieldException("baselineWindows", "must be in " + MIN_BASELINE_WINDOWS + ".."
                        + MAX_BASELINE_WINDOWS + ", was " + baselineWindows);
            }
            if (window.multipliedBy(baselineWindows + 1L).compareTo(Duration.ofDays(3_660)) > 0) {
                throw new InvalidFieldException("baselineWindows", "window times (baselineWindows + 1) may span at "
                        + "most 3660 days");
            }
            if (!(minVolume >= 0 && minVolume <= 1_000_000)) {
                throw new InvalidFieldException("minVolume", "must be in 0..1000000, was " + minVolume);
            }
            if (!(negativeBelow >= -1 && negativeBelow <= 1)) {
                throw new InvalidFieldException("negativeBelow", "must be in -1..1, was " + negativeBelow);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidFieldException("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
            }
            if (teamSize < 1 || teamSize > TeamBuilder.MAX_SIZE) {
                throw new InvalidFieldException("teamSize", "must be in 1.." + TeamBuilder.MAX_SIZE + ", was " + teamSize);
            }
        }
    }

    /**
     * A conversation driving an alert.
     *
     * @param id        the conversation
     * @param sentiment its sentiment
     * @param weight    its ABOUT weight on the topic
     * @param status    its status
     * @param createdAt when it started
     */
    public record Driver(String id, double sentiment, double weight, String status, Instant createdAt) {
    }

    /**
     * One brewing problem.
     *
     * @param topicId       the topic
     * @param name          its name
     * @param severity      critical, high or medium
     * @param volume        negative volume in the latest window
     * @param expected      the volume its baseline expects
     * @param ratio         volume / expected
     * @param pValue        the chance of at least this volume under the baseline
     * @param adjustedPValue {@code pValue} times the topics tested, at most 1
     * @param baseline      the baseline windows' volumes, the oldest first
     * @param conversations negative conversations in the latest window on the topic
     * @param drivers       the heaviest of them, at most {@value #DRIVERS}
     * @param team          the team for the most urgent open one, or null
     * @param teamFor       the conversation the team is for, or null
     * @param noTeam        why there is no team, or null
     */
    public record Alert(String topicId, String name, String severity, double volume, double expected, double ratio,
                        double pValue, double adjustedPValue, List<Double> baseline, int conversations,
                        List<Driver> drivers, TeamBuilder.Team team, String teamFor, String noTeam) {
    }

    /**
     * The answer.
     *
     * @param now              the end of the latest window
     * @param window           its length (ISO 8601)
     * @param baselineWindows  baseline windows asked for
     * @param baselineUsed     baseline windows fully read (fewer when the bound on conversations was hit)
     * @param negativeBelow    the sentiment threshold
     * @param minVolume        the least volume that may alert
     * @param topicsTested     topics with at least {@code minVolume} in the latest window
     * @param conversationsRead conversations read
     * @param alerts           the alerts, the most severe first (then the smaller p-value, the larger volume)
     * @param thresholds       adjusted p-value thresholds per severity
     * @param notes            bounds hit, and similar
     * @param truncated        true when a bound cut the reading or the teams short
     * @param millis           time taken
     */
    public record Report(Instant now, String window, int baselineWindows, int baselineUsed, double negativeBelow,
                         double minVolume, int topicsTested, int conversationsRead, List<Alert> alerts,
                         Map<String, Double> thresholds, List<String> notes, boolean truncated, long millis) {
    }

    private final GraphStore store;
    private final Triage triage;
    private final TeamBuilder teams;
    private final Clock clock;

    /**
     * @param store  the graph
     * @param triage orders a topic's open conversations by urgency
     * @param teams  mobilizes a team for the most urgent
     * @param clock  what "now" is by default
     */
    public BrewingAlerts(GraphStore store, Triage triage, TeamBuilder teams, Clock clock) {
        this.store = store;
        this.triage = triage;
        this.teams = teams;
        this.clock = clock;
    }

    /**
     * @param q the question
     * @return the brewing problems
     */
    public Report alerts(Query q) {
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(TIME_BOUND);
        Instant now = q.now() != null ? q.now() : clock.instant();
        int windows = q.baselineWindows() + 1;
        Instant start = now.minus(q.window().multipliedBy(windows));
        List<Conversation> read = store.conversationsCreatedBetween(start, now, MAX_CONVERSATIONS);
        List<String> notes = new ArrayList<>();
        boolean truncated = false;
        int usable = windows;
        if (read.size() == MAX_CONVERSATIONS) {
            truncated = true;
            Instant oldest = read.get(read.size() - 1).createdAt();
            // Only windows wholly after the oldest conversation read are complete.
            usable = (int) Math.min(windows, Duration.between(oldest, now).toMillis() / q.window().toMillis());
            notes.add("read the latest " + MAX_CONVERSATIONS + " conversations only: " + (usable - 1)
                    + " baseline windows are complete");
        }
        long windowMillis = q.window().toMillis();
        if (!truncated && !read.isEmpty() && store.conversationsCreatedBetween(Instant.EPOCH, start, 1).isEmpty()) {
            // The history begins inside the baseline: windows that ended before its first conversation are not
            // quiet, they are before the data, and would make any volume look like a spike.
            Instant first = read.get(read.size() - 1).createdAt();
            long since = Duration.between(first, now).toMillis();
            int begun = (int) Math.min(windows, since / windowMillis + 1);
            if (begun < usable) {
                usable = begun;
                notes.add("the history begins " + first + ": only the " + Math.max(0, usable - 1)
                        + " baseline windows since then are counted");
            }
        }
        Map<String, double[]> volumes = new HashMap<>();
        Map<String, List<Driver>> drivers = new HashMap<>();
        Map<String, Conversation> byId = new HashMap<>();
        for (Conversation c : read) {
            if (!(c.sentiment() < q.negativeBelow())) {
                continue;
            }
            int w = (int) ((now.toEpochMilli() - 1 - c.createdAt().toEpochMilli()) / windowMillis);
            if (w >= usable) {
                continue;
            }
            for (WeightedId t : store.topicsOf(c.id())) {
                volumes.computeIfAbsent(t.id(), k -> new double[windows])[w] += t.weight();
                if (w == 0) {
                    byId.put(c.id(), c);
                    drivers.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(new Driver(c.id(), c.sentiment(),
                            t.weight(), c.status().key(), c.createdAt()));
                }
            }
        }
        if (usable < 1 + MIN_BASELINE_WINDOWS) {
            notes.add("fewer than " + MIN_BASELINE_WINDOWS + " complete baseline windows: no topic is tested");
            return report(q, now, usable, 0, read.size(), List.of(), notes, truncated, started);
        }
        List<String> tested = volumes.entrySet().stream()
                .filter(e -> e.getValue()[0] > 0 && e.getValue()[0] >= q.minVolume()).map(Map.Entry::getKey).sorted()
                .toList();
        List<Alert> found = new ArrayList<>();
        for (String topic : tested) {
            double[] v = volumes.get(topic);
            double[] baseline = new double[usable - 1];
            for (int i = 1; i < usable; i++) {
                baseline[usable - 1 - i] = Figures.round(v[i], 1e6);
            }
            double current = Figures.round(v[0], 1e6);
            SpikeStatistic.Result r = SpikeStatistic.test(current, baseline);
            double adjusted = Math.min(1, r.pValue() * tested.size());
            Severity severity = adjusted < CRITICAL ? Severity.CRITICAL : adjusted < HIGH ? Severity.HIGH
                    : adjusted < MEDIUM ? Severity.MEDIUM : null;
            if (severity == null) {
                continue;
            }
            List<Driver> d = new ArrayList<>(drivers.get(topic));
            d.sort(Comparator.comparingDouble((Driver x) -> -x.weight() * (q.negativeBelow() - x.sentiment()))
                    .thenComparing(Driver::id));
            List<Double> base = new ArrayList<>();
            for (double b : baseline) {
                base.add(b);
            }
            found.add(new Alert(topic, topic, severity.key(), current, Figures.round(r.expected(), 1e6),
                    Figures.round(current / r.expected(), 1e3), r.pValue(), adjusted, base, d.size(),
                    List.copyOf(d.subList(0, Math.min(DRIVERS, d.size()))), null, null, null));
        }
        found.sort(Comparator.comparingInt((Alert a) -> Severity.valueOf(a.severity().toUpperCase(Locale.ROOT)).ordinal())
                .thenComparingDouble(Alert::pValue).thenComparing(Comparator.comparingDouble(Alert::volume).reversed())
                .thenComparing(Alert::topicId));
        List<Alert> shown = found.subList(0, Math.min(q.limit(), found.size()));
        Map<String, String> names = new HashMap<>();
        for (Topic t : store.topics(shown.stream().map(Alert::topicId).toList())) {
            names.put(t.id(), t.name());
        }
        List<Alert> out = new ArrayList<>();
        boolean outOfTime = false;
        for (Alert a : shown) {
            List<Conversation> open = drivers.get(a.topicId()).stream().map(d -> byId.get(d.id()))
                    .filter(c -> c.status() == ConversationStatus.OPEN).toList();
            TeamBuilder.Team team = null;
            String teamFor = null;
            String noTeam;
            if (open.isEmpty()) {
                noTeam = "no conversation driving it is still open (" + a.conversations() + " are assigned, resolved or "
                        + "closed)";
            } else if (outOfTime || clock.instant().isAfter(deadline)) {
                outOfTime = true;
                noTeam = "not mobilized: the time bound of " + TIME_BOUND.toSeconds() + " s was reached";
            } else {
                teamFor = triage.score(open).get(0).conversation().id();
                team = teams.mobilize(teamFor, q.teamSize());
                noTeam = team.members().isEmpty() ? "no advocate passes the filters for " + teamFor : null;
            }
            out.add(new Alert(a.topicId(), names.getOrDefault(a.topicId(), a.topicId()), a.severity(), a.volume(),
                    a.expected(), a.ratio(), a.pValue(), a.adjustedPValue(), a.baseline(), a.conversations(), a.drivers(),
                    team, teamFor, noTeam));
        }
        if (outOfTime) {
            truncated = true;
            notes.add("some alerts come without a team: the time bound was reached");
        }
        return report(q, now, usable, tested.size(), read.size(), out, notes, truncated, started);
    }

    private static Report report(Query q, Instant now, int usable, int tested, int read, List<Alert> alerts,
                                 List<String> notes, boolean truncated, long started) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put(Severity.CRITICAL.key(), CRITICAL);
        thresholds.put(Severity.HIGH.key(), HIGH);
        thresholds.put(Severity.MEDIUM.key(), MEDIUM);
        return new Report(now, q.window().toString(), q.baselineWindows(), Math.max(0, usable - 1), q.negativeBelow(),
                q.minVolume(), tested, read, alerts, thresholds, notes, truncated, (System.nanoTime() - started) / 1_000_000);
    }
}
