package org.advocategraph.service.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Enums;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.Interest;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Topic;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.GraphStore;

/**
 * The analyst's questions over the current projection ({@link ProjectionCache}): who carries influence, and which
 * communities the network falls into, each answer saying how current its projection is.
 *
 * <p>Communities are computed once per projection and resolution and kept until the projection is rebuilt, since
 * Leiden on a large graph takes seconds; influence by PageRank likewise, except personalized PageRank, which
 * depends on its seeds.
 */
public final class InfluenceAnalytics {
    /** Most people or communities one answer lists. */
    public static final int MAX_LIMIT = 100;
    /** Most seeds a personalized PageRank may name. */
    public static final int MAX_SEEDS = 1_000;
    /** Most topics listed per community. */
    public static final int MAX_TOPICS = 20;
    /** Resolution bounds for communities. */
    public static final double MIN_RESOLUTION = 0.05;
    /** Resolution bounds for communities. */
    public static final double MAX_RESOLUTION = 20;
    /** Random starts of Leiden; the seed is fixed so that the same graph gives the same communities. */
    static final int STARTS = 5;
    static final long SEED = 42;
    private static final PageRank PAGE_RANK = new PageRank(PageRank.DEFAULT_DAMPING, 1e-9, 200);
    /** Betweenness is exact up to this many people, else estimated from {@link #BETWEENNESS_SAMPLES} sources. */
    static final int BETWEENNESS_EXACT_UP_TO = 5_000;
    static final int BETWEENNESS_SAMPLES = 500;
    /** The most time one betweenness computation may take; past it, it stops and says so. */
    static final Duration BETWEENNESS_BUDGET = Duration.ofSeconds(10);

    /** The centrality measures offered. */
    public enum Algorithm {
        /** Weighted PageRank over attention: influence as attention received. */
        PAGERANK,
        /** Number of people tied to. */
        DEGREE,
        /** Share of shortest paths through a person ({@link Betweenness}): brokers between groups. */
        BETWEENNESS,
        /** Core number ({@link CoreNumbers}): the densest group a person belongs to. */
        KCORE;

        /** @return the lower-case name used in requests */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return the measure named in a request, or a 400 naming {@code field} */
        static Algorithm parse(String field, String value) {
            return Enums.parse(Algorithm.class, field, value);
        }

        static Algorithm parse(String value) {
            return parse("algorithm", value);
        }
    }

    /**
     * One influential person.
     *
     * @param rank     1 for the most influential
     * @param id       person id
     * @param name     display name
     * @param kind     {@code employee} or {@code customer}
     * @param advocate true for an employee who may be matched
     * @param score    the measure's value
     * @param degree   people tied to
     */
    public record Influencer(int rank, String id, String name, String kind, boolean advocate, double score, int degree) {
    }

    /**
     * @param algorithm     the measure
     * @param influencers   the most influential, best first
     * @param people        people ranked (after {@code advocatesOnly})
     * @param details       how it was computed (iterations, convergence, seeds)
     * @param projection    how current the projection is ({@link ProjectionCache.Current#description()})
     * @param millis        time taken by this answer
     */
    public record Influencers(String algorithm, List<Influencer> influencers, int people, Map<String, Object> details,
                              Map<String, Object> projection, long millis) {
    }

    /**
     * One community.
     *
     * @param id         0 for the largest
     * @param size       people in it
     * @param employees  employees among them
     * @param advocates  employees who may be matched among them
     * @param topTopics  the topics its customers are interested in and its employees know, by summed weight
     * @param topAdvocates its best-connected advocates, by ties inside the community
     */
    public record Community(int id, int size, int employees, int advocates, List<TopicWeight> topTopics,
                            List<String> topAdvocates) {
    }

    /** A topic and its summed weight (interest weights and expertise levels) in a community. */
    public record TopicWeight(String id, String name, double weight) {
    }

    /**
     * @param communities the largest communities, largest first
     * @param count       how many communities in all
     * @param modularity  the partition's modularity at the resolution asked for
     * @param resolution  that resolution
     * @param details     how it was computed
     * @param projection  how current the projection is
     * @param millis      time taken by this answer
     */
    public record CommunityList(List<Community> communities, int count, double modularity, double resolution,
                                Map<String, Object> details, Map<String, Object> projection, long millis) {
    }

    private final GraphStore store;
    private final ProjectionCache projections;
    private final ProjectionMemo memo = new ProjectionMemo();

    /**
     * @param store       the graph, for names and topics
     * @param projections the projection of its people and ties
     */
    public InfluenceAnalytics(GraphStore store, ProjectionCache projections) {
        this.store = store;
        this.projections = projections;
    }

    /**
     * @param algorithm     {@code pagerank}, {@code degree}, {@code betweenness} or {@code kcore}
     * @param limit         how many to list, 1..{@value #MAX_LIMIT}
     * @param advocatesOnly list only employees who may be matched
     * @param seeds         person ids to personalize PageRank to, or empty
     * @return the most influential people
     */
    public Influencers influencers(String algorithm, int limit, boolean advocatesOnly, Collection<String> seeds) {
        long started = System.nanoTime();
        Algorithm a = Algorithm.parse(algorithm);
        checkLimit(limit);
        if (seeds.size() > MAX_SEEDS) {
            throw new InvalidFieldException("seeds", "at most " + MAX_SEEDS + " ids, got " + seeds.size());
        }
        if (!seeds.isEmpty() && a != Algorithm.PAGERANK) {
            throw new InvalidFieldException("seeds", "only PageRank can be personalized, not " + a.key());
        }
        ProjectionCache.Current current = projections.current();
        PeopleGraph g = current.graph();
        Map<String, Object> details = new LinkedHashMap<>();
        double[] scores;
        if (seeds.isEmpty()) {
            scores = scores(a, g, details);
        } else {
            PageRank.Result r = PAGE_RANK.personalized(g, indices(g, seeds));
            details.put("personalizedTo", seeds.size());
            scores = pageRankScores(r, details);
        }
        // Best first: the higher score, then the smaller id. Keep the best `limit` in a heap whose head is the
        // worst of them: O(n log limit), not a sort of everyone.
        final double[] sc = scores;
        Comparator<Integer> best = Comparator.<Integer>comparingDouble(u -> -sc[u]).thenComparing(g::id);
        PriorityQueue<Integer> heap = new PriorityQueue<>(limit + 1, best.reversed());
        int people = 0;
        for (int u = 0; u < g.size(); u++) {
            if (!advocatesOnly || g.isAdvocate(u)) {
                people++;
                heap.add(u);
                if (heap.size() > limit) {
                    heap.poll();
                }
            }
        }
        List<Integer> top = new ArrayList<>(heap);
        top.sort(best);
        Map<String, String> names = names(top.stream().map(g::id).toList());
        List<Influencer> out = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            int u = top.get(i);
            out.add(new Influencer(i + 1, g.id(u), names.get(g.id(u)), g.isEmployee(u) ? "employee" : "customer",
                    g.isAdvocate(u), scores[u], g.degree(u)));
        }
        return new Influencers(a.key(), out, people, details, current.description(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Each person's score by a measure (PageRank not personalized), computed once per projection.
     *
     * @param details receives how it was computed
     * @return scores indexed like the projection
     */
    double[] scores(Algorithm a, PeopleGraph g, Map<String, Object> details) {
        double[] scores;
        if (a == Algorithm.DEGREE) {
            scores = new double[g.size()];
            for (int u = 0; u < g.size(); u++) {
                scores[u] = g.degree(u);
            }
        } else if (a == Algorithm.KCORE) {
            CoreNumbers.Result r = (CoreNumbers.Result) cached(g, "kcore", () -> CoreNumbers.run(g));
            scores = new double[g.size()];
            for (int u = 0; u < g.size(); u++) {
                scores[u] = r.core()[u];
            }
            details.put("degeneracy", r.degeneracy());
        } else if (a == Algorithm.BETWEENNESS) {
            Betweenness.Result r = (Betweenness.Result) cached(g, "betweenness", () -> new Betweenness(
                    BETWEENNESS_EXACT_UP_TO, BETWEENNESS_SAMPLES, SEED).run(g, Instant.now().plus(BETWEENNESS_BUDGET)));
            scores = r.scores();
            details.put("exact", r.exact());
            details.put("sources", r.sources());
            details.put("truncated", r.truncated());
            details.put("timeBoundSeconds", BETWEENNESS_BUDGET.toSeconds());
            double worst = 0;
            for (double se : r.standardError()) {
                if (!Double.isNaN(se)) {
                    worst = Math.max(worst, se);
                }
            }
            details.put("largestStandardError", worst);
        } else {
            scores = pageRankScores((PageRank.Result) cached(g, "pagerank", () -> PAGE_RANK.run(g)), details);
        }
        return scores;
    }

    private static double[] pageRankScores(PageRank.Result r, Map<String, Object> details) {
        details.put("damping", PageRank.DEFAULT_DAMPING);
        details.put("iterations", r.iterations());
        details.put("converged", r.converged());
        details.put("change", r.change());
        return r.scores();
    }

    /**
     * @param resolution 1 for classic modularity, in {@value #MIN_RESOLUTION}..{@value #MAX_RESOLUTION}
     * @param limit      how many communities to describe, 1..{@value #MAX_LIMIT}
     * @param topics     topics per community, 0..{@value #MAX_TOPICS}
     * @return the communities of the network, largest first
     */
    public CommunityList communities(double resolution, int limit, int topics) {
        long started = System.nanoTime();
        checkLimit(limit);
        if (topics < 0 || topics > MAX_TOPICS) {
            throw new InvalidFieldException("topics", "must be in 0.." + MAX_TOPICS + ", was " + topics);
        }
        Partition partition = partition(resolution);
        ProjectionCache.Current current = partition.current();
        PeopleGraph g = current.graph();
        Communities.Result r = partition.communities();
        int shown = Math.min(limit, r.count());
        int[] employees = new int[shown];
        int[] advocates = new int[shown];
        List<List<int[]>> advocateLinks = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            advocateLinks.add(new ArrayList<>());
        }
        for (int u = 0; u < g.size(); u++) {
            int c = r.community()[u];
            if (c >= shown) {
                continue;
            }
            if (g.isEmployee(u)) {
                employees[c]++;
            }
            if (g.isAdvocate(u)) {
                advocates[c]++;
                int inside = 0;
                for (int e = g.start(u); e < g.end(u); e++) {
                    if (r.community()[g.target(e)] == c) {
                        inside++;
                    }
                }
                advocateLinks.get(c).add(new int[] {u, inside});
            }
        }
        List<Map<String, Double>> topicWeights = topics == 0 ? List.of() : topicWeights(g, r.community(), shown);
        Map<String, String> topicNames = new HashMap<>();
        if (topics > 0) {
            Set<String> ids = new LinkedHashSet<>();
            topicWeights.forEach(m -> ids.addAll(m.keySet()));
            for (Topic t : store.topics(ids)) {
                topicNames.put(t.id(), t.name());
            }
        }
        List<Community> out = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            List<TopicWeight> tw = new ArrayList<>();
            if (topics > 0) {
                topicWeights.get(c).entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(topics)
                        .forEach(e -> tw.add(new TopicWeight(e.getKey(), topicNames.getOrDefault(e.getKey(), e.getKey()),
                                Math.round(e.getValue() * 1e6) / 1e6)));
            }
            List<String> best = advocateLinks.get(c).stream()
                    .sorted(Comparator.<int[]>comparingInt(x -> -x[1]).thenComparing(x -> g.id(x[0])))
                    .limit(5).map(x -> g.id(x[0])).toList();
            out.add(new Community(c, r.sizes()[c], employees[c], advocates[c], tw, best));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("algorithm", "leiden");
        details.put("quality", "modularity");
        details.put("randomStarts", r.randomStarts());
        details.put("iterations", r.iterations());
        details.put("converged", r.converged());
        details.put("seed", SEED);
        details.put("computeMillis", r.millis());
        return new CommunityList(out, r.count(), Math.round(r.modularity() * 1e9) / 1e9, resolution, details,
                current.description(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The communities of the current projection at a resolution, and that projection.
     *
     * @param current     the projection, with its description
     * @param communities its Leiden partition
     */
    record Partition(ProjectionCache.Current current, Communities.Result communities) {
    }

    /** @return the Leiden partition of the current projection, computed once per projection and resolution */
    Partition partition(double resolution) {
        if (!(resolution >= MIN_RESOLUTION && resolution <= MAX_RESOLUTION)) {
            throw new InvalidFieldException("resolution", "must be in " + MIN_RESOLUTION + ".." + MAX_RESOLUTION
                    + ", was " + resolution);
        }
        ProjectionCache.Current current = projections.current();
        PeopleGraph g = current.graph();
        return new Partition(current, (Communities.Result) cached(g, "communities/" + resolution,
                () -> new Communities(resolution, STARTS, SEED).detect(g)));
    }

    /** @return the projection, rebuilt first when stale */
    ProjectionCache.Current projection() {
        return projections.current();
    }

    /** Interest weights of customers and expertise levels of employees, summed per topic per shown community. */
    private List<Map<String, Double>> topicWeights(PeopleGraph g, int[] community, int shown) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (int c = 0; c < shown; c++) {
            out.add(new HashMap<>());
        }
        store.scanUnordered(Interest.class, ProjectionLoader.BATCH, batch -> {
            for (Interest i : batch) {
                add(out, g, community, shown, i.customerId(), i.topicId(), i.weight());
            }
        });
        store.scanUnordered(Expertise.class, ProjectionLoader.BATCH, batch -> {
            for (Expertise x : batch) {
                add(out, g, community, shown, x.employeeId(), x.topicId(), x.level());
            }
        });
        return out;
    }

    private static void add(List<Map<String, Double>> out, PeopleGraph g, int[] community, int shown, String person,
                            String topic, double weight) {
        int u = g.indexOf(person);
        if (u >= 0 && community[u] < shown) {
            out.get(community[u]).merge(topic, weight, Double::sum);
        }
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    private static int[] indices(PeopleGraph g, Collection<String> ids) {
        List<String> unknown = new ArrayList<>();
        int[] out = new int[ids.size()];
        int i = 0;
        for (String id : ids) {
            int u = g.indexOf(id);
            if (u < 0) {
                unknown.add(id);
            } else {
                out[i++] = u;
            }
        }
        if (!unknown.isEmpty()) {
            throw new NotFoundException("seeds", "person", unknown.subList(0, Math.min(20, unknown.size())));
        }
        return out;
    }

    private Map<String, String> names(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        for (Employee e : store.employees(ids)) {
            names.put(e.id(), e.name());
        }
        for (String id : ids) {
            if (!names.containsKey(id)) {
                store.customer(id).map(Customer::name).ifPresent(n -> names.put(id, n));
            }
        }
        return names;
    }

    private Object cached(PeopleGraph g, Object key, Supplier<Object> compute) {
        return memo.get(g, key, compute);
    }
}
