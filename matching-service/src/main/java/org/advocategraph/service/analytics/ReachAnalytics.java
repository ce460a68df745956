package org.advocategraph.service.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.model.Employee;
import org.advocategraph.model.Enums;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.GraphStore;

/**
 * The analyst's reach questions over the current projection ({@link ProjectionCache}): how many distinct people a
 * set of advocates reaches, how their audiences overlap, and whom to enlist next.
 */
public final class ReachAnalytics {
    /** Most seeds one reach question may name. */
    public static final int MAX_SEEDS = 10_000;
    /** Fewest hops a reach question may ask for. */
    public static final int MIN_HOPS = 1;
    /** Most hops a reach question may ask for: beyond three, almost everyone reaches almost everyone. */
    public static final int MAX_HOPS = 3;
    /** Most seeds that get their own figures (reach alone, marginal reach, pairs). */
    public static final int MAX_DETAILED_SEEDS = 200;
    /** Most overlapping pairs listed. */
    public static final int MAX_PAIRS = 10;
    /** The most memory the pair bitsets may take. */
    static final long PAIR_BITSET_BYTES = 64L << 20;
    /** The most time per-seed figures may take. */
    static final Duration DETAIL_BUDGET = Duration.ofSeconds(5);
    /** Most recruits one answer lists. */
    public static final int MAX_K = 100;
    /** The most time one recruitment may take; past it, it answers with what it found and says so. */
    static final Duration RECRUIT_BUDGET = Duration.ofSeconds(20);
    /** Epsilon bounds for IMM. */
    public static final double MIN_EPSILON = 0.05;
    /** Epsilon bounds for IMM. */
    public static final double MAX_EPSILON = 0.5;
    /** IMM's confidence exponent: the guarantee holds with probability 1 - 1/n. */
    static final double IMM_L = 1;
    /** IMM's random seed: the same graph and parameters give the same picks. */
    static final long SEED = 42;
    /** The most candidate entries IMM's RR sets may hold (4 bytes each, twice while selecting). */
    static final long MAX_RR_ENTRIES = 20_000_000;

    /** How the seeds were named. */
    public enum SeedSource {
        /** A list of employee ids. */
        ADVOCATES,
        /** The members of a program. */
        PROGRAM,
        /** The employees of a department. */
        DEPARTMENT;

        /** @return the parameter name that names seeds this way */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The reach models recruitment offers. */
    public enum Model {
        /** Distinct people within h hops (greedy maximum coverage). */
        COVERAGE,
        /** Expected spread of an independent cascade (IMM). */
        CASCADE;

        /** @return the lower-case name used in requests */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One seed's own figures.
     *
     * @param id     the seed
     * @param alone  people it reaches alone, itself excluded
     * @param unique its marginal reach: people reached through it and no other seed (seeds excluded)
     */
    public record SeedReach(String id, int alone, int unique) {
    }

    /**
     * Two seeds whose audiences overlap.
     *
     * @param a       one seed
     * @param b       the other
     * @param shared  people both reach
     * @param jaccard shared / people either reaches
     */
    public record OverlapPair(String a, String b, int shared, double jaccard) {
    }

    /**
     * How the seeds' audiences overlap.
     *
     * @param sumOfIndividual each detailed seed's reach alone, added up
     * @param duplication     sumOfIndividual / reach: 1 when no two seeds share anyone; null without detail
     * @param pairs           the pairs sharing the most people, most first
     * @param pairsComputed   false when the pairs were skipped (memory or time bound, or a single seed)
     */
    public record Overlap(long sumOfIndividual, Double duplication, List<OverlapPair> pairs, boolean pairsComputed) {
    }

    /**
     * Unique reach of a seed set.
     *
     * @param seeds       distinct seed people
     * @param hops        hops walked
     * @param reach       distinct people within {@code hops} of a seed, seeds excluded
     * @param byHop       people first reached at each hop
     * @param sumOfDirect each seed's direct audience added up (what advocacy tools report)
     * @param truncated   true when a time bound cut the per-seed figures short
     * @param millis      time taken
     * @param seedSet     how the seeds were named: {@code source} and {@code name}
     * @param perSeed     each seed's figures, largest marginal reach first (at most {@value #MAX_DETAILED_SEEDS} seeds)
     * @param overlap     how the seeds' audiences overlap; null when per-seed figures were skipped
     * @param notes       bounds hit, figures skipped
     * @param projection  how current the projection is
     */
    public record Reach(int seeds, int hops, long reach, List<Long> byHop, long sumOfDirect, boolean truncated,
                        long millis, Map<String, String> seedSet, List<SeedReach> perSeed, Overlap overlap,
                        List<String> notes, Map<String, Object> projection) {
    }

    /**
     * One person to enlist.
     *
     * @param rank       1 first
     * @param id         the employee
     * @param name       their name
     * @param gain       what they add (people, or expected spread) to the base and the recruits before them
     * @param cumulative what the recruits so far add to the base
     */
    public record Recruit(int rank, String id, String name, double gain, double cumulative) {
    }

    /**
     * Whom to enlist next.
     *
     * @param model      {@code coverage} or {@code cascade}
     * @param k          recruits asked for
     * @param recruits   best first
     * @param base       people enlisted already
     * @param baseValue  the base's own value, itself included: people within hops of it, or its expected spread
     * @param candidates employees who could be picked
     * @param details    the model, its guarantee, the parameters and how the computation went
     * @param notes      why fewer than k, bounds hit
     * @param truncated  true when a time or memory bound cut the computation short
     * @param projection how current the projection is
     * @param millis     time taken
     */
    public record Recruits(String model, int k, List<Recruit> recruits, int base, double baseValue, int candidates,
                           Map<String, Object> details, List<String> notes, boolean truncated,
                           Map<String, Object> projection, long millis) {
    }

    private final GraphStore store;
    private final ProjectionCache projections;
    private final ProjectionMemo memo = new ProjectionMemo();

    /**
     * @param store       the graph, for programs, departments and names
     * @param projections the projection of its people and ties
     */
    public ReachAnalytics(GraphStore store, ProjectionCache projections) {
        this.store = store;
        this.projections = projections;
    }

    /**
     * @param source how the seeds are named
     * @param names  employee ids (advocates), one program id, or one department name
     * @param hops   1..3
     * @return the seeds' unique reach, per-seed figures and overlap
     */
    public Reach reach(SeedSource source, Collection<String> names, int hops) {
        long started = System.nanoTime();
        checkHops(hops);
        ProjectionCache.Current current = projections.current();
        PeopleGraph g = current.graph();
        int[] seeds = seeds(g, source, names);
        List<String> notes = new ArrayList<>();
        ProjectedReach walker = new ProjectedReach(g);
        long sumOfDirect = 0;
        for (int s : seeds) {
            for (int e = g.start(s); e < g.end(s); e++) {
                if (g.has(e, PeopleGraph.VOICE)) {
                    sumOfDirect++;
                }
            }
        }
        long reach = seeds.length == 0 ? 0 : walker.walk(seeds, seeds.length, hops);
        List<Long> byHop = new ArrayList<>();
        for (long x : seeds.length == 0 ? new long[hops] : walker.byHop(hops)) {
            byHop.add(x);
        }
        if (seeds.length == 0) {
            notes.add("the seed set is empty");
        }
        List<SeedReach> perSeed = new ArrayList<>();
        Overlap overlap = null;
        boolean truncated = false;
        if (seeds.length > MAX_DETAILED_SEEDS) {
            notes.add("per-seed figures and overlap are given for at most " + MAX_DETAILED_SEEDS + " seeds, not "
                    + seeds.length);
        } else if (seeds.length > 0) {
            SeedOverlap.Result r = new SeedOverlap(MAX_PAIRS, PAIR_BITSET_BYTES).run(walker, seeds, hops,
                    Instant.now().plus(DETAIL_BUDGET));
            truncated = r.truncated();
            long sum = 0;
            for (SeedOverlap.Seed s : r.seeds()) {
                perSeed.add(new SeedReach(g.id(s.person()), s.alone(), s.unique()));
                sum += s.alone();
            }
            perSeed.sort(Comparator.comparingInt((SeedReach s) -> -s.unique()).thenComparingInt(s -> -s.alone())
                    .thenComparing(SeedReach::id));
            List<OverlapPair> pairs = r.pairs().stream()
                    .map(p -> new OverlapPair(g.id(p.a()), g.id(p.b()), p.shared(), round(p.jaccard()))).toList();
            overlap = new Overlap(sum, truncated || reach == 0 ? null : round(sum / (double) reach), pairs,
                    r.pairsComputed());
            if (truncated) {
                notes.add("per-seed figures stopped after " + DETAIL_BUDGET.toSeconds() + " s: " + r.seeds().size()
                        + " of " + seeds.length + " seeds walked, no duplication factor or pairs");
            } else if (!r.pairsComputed() && seeds.length > 1) {
                notes.add("overlapping pairs skipped: their bitsets would exceed " + (PAIR_BITSET_BYTES >> 20) + " MB");
            }
        }
        Map<String, String> seedSet = new LinkedHashMap<>();
        seedSet.put("source", source.key());
        if (source != SeedSource.ADVOCATES) {
            seedSet.put("name", names.iterator().next());
        }
        return new Reach(seeds.length, hops, reach, byHop, sumOfDirect, truncated,
                (System.nanoTime() - started) / 1_000_000, seedSet, perSeed, overlap, notes, current.description());
    }

    /**
     * @param k           recruits, 1..{@value #MAX_K}
     * @param model       {@code coverage} or {@code cascade}
     * @param hops        1..3, for coverage
     * @param program     the program whose members are enlisted, or null for the current advocates
     * @param epsilon     IMM's slack, {@value #MIN_EPSILON}..{@value #MAX_EPSILON}
     * @param probability a uniform cascade probability in (0, 1], or null for the weighted cascade
     * @return the k employees to enlist next, each with its marginal gain
     */
    public Recruits recruits(int k, String model, int hops, String program, double epsilon, Double probability) {
        long started = System.nanoTime();
        if (k < 1 || k > MAX_K) {
            throw new InvalidFieldException("k", "must be in 1.." + MAX_K + ", was " + k);
        }
        Model m = Enums.parse(Model.class, "model", model);
        checkHops(hops);
        if (!(epsilon >= MIN_EPSILON && epsilon <= MAX_EPSILON)) {
            throw new InvalidFieldException("epsilon", "must be in " + MIN_EPSILON + ".." + MAX_EPSILON + ", was "
                    + epsilon);
        }
        if (probability != null && !(probability > 0 && probability <= 1)) {
            throw new InvalidFieldException("probability", "must be in (0, 1], was " + probability);
        }
        if (probability != null && m != Model.CASCADE) {
            throw new InvalidFieldException("probability", "applies to model=cascade only");
        }
        ProjectionCache.Current current = projections.current();
        PeopleGraph g = current.graph();
        int[] base;
        if (program != null) {
            base = seeds(g, SeedSource.PROGRAM, List.of(program));
        } else {
            base = java.util.stream.IntStream.range(0, g.size()).filter(g::isAdvocate).toArray();
        }
        boolean[] inBase = new boolean[g.size()];
        for (int b : base) {
            inBase[b] = true;
        }
        int[] candidates = java.util.stream.IntStream.range(0, g.size()).filter(u -> g.isEmployee(u) && !inBase[u])
                .toArray();
        List<String> notes = new ArrayList<>();
        if (candidates.length == 0) {
            notes.add(g.size() == 0 ? "the graph holds nobody" : "no employee outside the base to pick");
        } else if (k > candidates.length) {
            notes.add("k = " + k + " is more than the " + candidates.length + " candidates: all of them are ranked");
        }
        if (base.length == 0) {
            notes.add(program != null ? "the program has no members: gains are over nobody"
                    : "nobody is enlisted yet (no advocates): gains are over nobody");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(RECRUIT_BUDGET);
        Recruitment algorithm;
        details.put("model", m.key());
        if (m == Model.COVERAGE) {
            details.put("objective", "distinct people within " + hops + " hops of the base and the recruits, "
                    + "recruits included");
            details.put("algorithm", "greedy maximum coverage, lazy evaluation (CELF), exact counts");
            details.put("guarantee", "at least 1 - 1/e (63.2%) of the best possible set of k (Nemhauser, Wolsey and "
                    + "Fisher 1978)");
            details.put("hops", hops);
            algorithm = new GreedyCoverage(new ProjectedReach(g), hops);
        } else {
            details.put("objective", "expected number of people an independent cascade from the base and the "
                    + "recruits activates, recruits included");
            details.put("edgeProbability", probability == null
                    ? "weighted cascade: strength of v's attention to u / sum of the strengths of v's attention"
                    : "uniform " + probability);
            details.put("algorithm", "IMM (Tang, Shi and Xiao 2015): reverse-reachable sets, greedy maximum coverage");
            details.put("guarantee", "at least 1 - 1/e - epsilon of the best possible set of k, with probability at "
                    + "least 1 - 1/n^l, when guaranteeHolds is true");
            details.put("epsilon", epsilon);
            details.put("l", IMM_L);
            details.put("seed", SEED);
            details.put("maxRrEntries", MAX_RR_ENTRIES);
            details.put("hops", "not used: a cascade is not bounded in hops");
            algorithm = new InfluenceMaximization(g, probability == null ? Double.NaN : probability, epsilon, IMM_L,
                    SEED, MAX_RR_ENTRIES);
        }
        details.put("timeBoundSeconds", RECRUIT_BUDGET.toSeconds());
        Recruitment.Result r = candidates.length == 0 ? new Recruitment.Result(List.of(), 0, Map.of(), false)
                : algorithm.select(base, candidates, k, deadline);
        details.putAll(r.details());
        if (r.truncated()) {
            notes.add(m == Model.COVERAGE ? "stopped at the " + RECRUIT_BUDGET.toSeconds() + " s time bound"
                    : "sampling stopped by " + r.details().get("stoppedBy") + "; see epsilonAchieved and guaranteeHolds");
        }
        if (!r.truncated() && r.picks().size() < Math.min(k, candidates.length)) {
            notes.add("no further candidate adds anyone: the base and the " + r.picks().size()
                    + " recruits already reach everyone the others could");
        }
        Map<String, String> names = new HashMap<>();
        List<String> ids = r.picks().stream().map(p -> g.id(p.person())).toList();
        for (Employee e : store.employees(ids)) {
            names.put(e.id(), e.name());
        }
        List<Recruit> out = new ArrayList<>();
        for (Recruitment.Pick p : r.picks()) {
            out.add(new Recruit(out.size() + 1, g.id(p.person()), names.get(g.id(p.person())), round(p.gain()),
                    round(p.cumulative())));
        }
        return new Recruits(m.key(), k, out, base.length, round(r.baseValue()), candidates.length, details, notes,
                r.truncated(), current.description(), (System.nanoTime() - started) / 1_000_000);
    }

    private int[] seeds(PeopleGraph g, SeedSource source, Collection<String> names) {
        switch (source) {
            case ADVOCATES -> {
                if (names.isEmpty()) {
                    throw new InvalidFieldException("advocates", "list at least one advocate id");
                }
                if (names.size() > MAX_SEEDS) {
                    throw new InvalidFieldException("advocates", "at most " + MAX_SEEDS + " ids, got " + names.size());
                }
                List<String> unknown = names.stream().filter(id -> g.indexOf(id) < 0 || !g.isEmployee(g.indexOf(id)))
                        .toList();
                if (!unknown.isEmpty()) {
                    throw new NotFoundException("advocates", "advocate", unknown.subList(0, Math.min(unknown.size(), 20)));
                }
                return names.stream().mapToInt(g::indexOf).distinct().toArray();
            }
            case PROGRAM -> {
                String id = names.iterator().next();
                store.program(id).orElseThrow(() -> new NotFoundException("program", "program", List.of(id)));
                return store.membersOf(id).stream().mapToInt(g::indexOf).filter(i -> i >= 0).distinct().toArray();
            }
            default -> {
                String name = names.iterator().next();
                @SuppressWarnings("unchecked")
                Map<String, int[]> departments = (Map<String, int[]>) memo.get(g, "departments", () -> departments(g));
                int[] members = departments.get(name);
                if (members == null) {
                    throw new NotFoundException("department", "department", List.of(name));
                }
                return members;
            }
        }
    }

    /** @return department name -> its employees in the projection, by one scan of the employees */
    private Map<String, int[]> departments(PeopleGraph g) {
        Map<String, List<Integer>> lists = new HashMap<>();
        store.scan(Employee.class, ProjectionLoader.BATCH, batch -> {
            for (Employee e : batch) {
                int u = g.indexOf(e.id());
                if (u >= 0 && e.department() != null && !e.department().isBlank()) {
                    lists.computeIfAbsent(e.department(), d -> new ArrayList<>()).add(u);
                }
            }
        });
        Map<String, int[]> out = new HashMap<>();
        lists.forEach((d, l) -> {
            int[] a = l.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            out.put(d, a);
        });
        return out;
    }

    private static void checkHops(int hops) {
        if (hops < MIN_HOPS || hops > MAX_HOPS) {
            throw new InvalidFieldException("hops", "must be in " + MIN_HOPS + ".."
                    + MAX_HOPS + ", was " + hops);
        }
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
