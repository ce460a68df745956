package org.advocategraph.service.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Enums;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Topic;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.WeightedId;

/**
 * Where demand outruns the advocates who could meet it, ranked: per topic, or per community of the network.
 *
 * <p><b>Demand</b> is counted in people and conversations that have no trusted advocate: a customer interested in
 * a topic is <i>uncovered</i> when they pay attention to (follow, or share a mutual tie with) no advocate who knows
 * that topic, since people trust the people they know; an open conversation (status {@code open}: nobody assigned
 * yet) is demand on its topics (by its topic weights) and on its author's community. <b>Supply</b> is the free
 * capacity of advocates (employees who may be matched): capacity minus open assignments. For topics, each
 * advocate's free capacity is shared among the topics they know in proportion to their expertise levels, so that
 * no capacity is counted twice.
 *
 * <p>The ranking score is {@code (uncovered demand + open conversations) / (1 + free capacity)}: the unmet
 * demand per unit of free capacity, where the 1 keeps a topic or community without any capacity finite and still
 * ordered by its demand. Every part is reported beside it, with two flags: {@code noAdvocate} (no advocate knows
 * the topic, or none is in the community) and {@code overCapacity} (more open conversations than free capacity).
 *
 * <p>Cost: one pass over expertise, interests (with each interested customer's attention entries) and the open
 * conversations; O(E + I·d + X) for E ties, I interests of average attention degree d and X expertise records.
 * The community view reuses the Leiden partition of {@link InfluenceAnalytics}, computed once per projection.
 */
public final class CoverageGaps {
    /** Most gaps one answer lists. */
    public static final int MAX_LIMIT = InfluenceAnalytics.MAX_LIMIT;
    /** Most open conversations read; past this the answer says {@code truncated}. */
    static final int MAX_CONVERSATIONS = 200_000;
    /** Topics listed per community. */
    static final int COMMUNITY_TOPICS = 3;

    /** What the gaps are grouped by. */
    public enum By {
        /** Topics: interested customers and open conversations against expert advocates. */
        TOPIC,
        /** Communities of the network (Leiden): customers and open conversations against advocates in them. */
        COMMUNITY;

        /** @return the lower-case name used in requests */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One topic's gap.
     *
     * @param rank               1 for the widest gap
     * @param id                 topic id
     * @param name               topic name
     * @param score              unmet demand per unit of free capacity (see the class comment)
     * @param customers          customers interested in the topic
     * @param uncoveredCustomers those of them who pay attention to no advocate knowing the topic
     * @param uncoveredInterest  the interest weights of the uncovered customers, summed
     * @param openConversations  open conversations about the topic
     * @param openWeight         their topic weights, summed
     * @param advocates          advocates who know the topic
     * @param freeCapacity       their free capacity, shared among their topics by expertise level
     * @param noAdvocate         no advocate knows the topic
     * @param overCapacity       more open conversations (by weight) than free capacity
     */
    public record TopicGap(int rank, String id, String name, double score, int customers, int uncoveredCustomers,
                           double uncoveredInterest, int openConversations, double openWeight, int advocates,
                           double freeCapacity, boolean noAdvocate, boolean overCapacity) {
    }

    /**
     * One community's gap.
     *
     * @param rank               1 for the widest gap
     * @param community          the community's id, as in the communities answer (0 for the largest)
     * @param size               people in it
     * @param customers          customers in it
     * @param uncoveredCustomers those who pay attention to no advocate at all
     * @param openConversations  open conversations started by its members
     * @param advocates          advocates in it
     * @param freeCapacity       their free capacity
     * @param score              unmet demand per unit of free capacity
     * @param topTopics          the topics its uncovered customers are most interested in
     * @param noAdvocate         no advocate in the community
     * @param overCapacity       more open conversations than free capacity
     */
    public record CommunityGap(int rank, int community, int size, double score, int customers, int uncoveredCustomers,
                               int openConversations, int advocates, double freeCapacity,
                               List<InfluenceAnalytics.TopicWeight> topTopics, boolean noAdvocate,
                               boolean overCapacity) {
    }

    /**
     * @param by         {@code topic} or {@code community}
     * @param gaps       the widest gaps first: {@link TopicGap}s or {@link CommunityGap}s
     * @param count      topics or communities with any demand, of which {@code gaps} lists the first
     * @param totals     the whole network's demand and supply
     * @param details    how it was computed
     * @param projection how current the projection is
     * @param millis     time taken by this answer
     */
    public record Gaps(String by, List<Object> gaps, int count, Map<String, Object> totals, Map<String, Object> details,
                       Map<String, Object> projection, long millis) {
    }

    private final GraphStore store;
    private final InfluenceAnalytics analytics;

    /**
     * @param store     the graph: expertise, interests, open conversations, capacities
     * @param analytics the projection and its communities
     */
    public CoverageGaps(GraphStore store, InfluenceAnalytics analytics) {
        this.store = store;
        this.analytics = analytics;
    }

    /**
     * @param by         {@code topic} or {@code community}
     * @param limit      how many gaps to list, 1..{@value #MAX_LIMIT}
     * @param resolution the communities' resolution (community view only)
     * @return the widest gaps first
     */
    public Gaps gaps(String by, int limit, double resolution) {
        long started = System.nanoTime();
        By view = Enums.parse(By.class, "by", by);
        InfluenceAnalytics.checkLimit(limit);
        Supply supply;
        Gaps gaps;
        if (view == By.TOPIC) {
            ProjectionCache.Current current = analytics.projection();
            supply = supply(current.graph());
            gaps = topics(current, supply, limit);
        } else {
            InfluenceAnalytics.Partition partition = analytics.partition(resolution);
            supply = supply(partition.current().graph());
            gaps = communities(partition, supply, limit, resolution);
        }
        return new Gaps(gaps.by(), gaps.gaps(), gaps.count(), gaps.totals(), gaps.details(), gaps.projection(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Advocates' free capacity and who knows what. */
    private record Supply(double[] free, Map<String, int[]> experts, Map<String, Double> capacityByTopic,
                          List<Conversation> open, boolean truncated) {
    }

    private Supply supply(PeopleGraph g) {
        List<String> advocateIds = new ArrayList<>();
        for (int u = 0; u < g.size(); u++) {
            if (g.isAdvocate(u)) {
                advocateIds.add(g.id(u));
            }
        }
        double[] free = new double[g.size()];
        Map<String, Integer> load = store.openAssignments(advocateIds);
        for (Employee e : store.employees(advocateIds)) {
            int u = g.indexOf(e.id());
            if (u >= 0) {
                free[u] = Math.max(0, e.capacity() - load.getOrDefault(e.id(), 0));
            }
        }
        // Each advocate's topics and levels, then their free capacity shared among their topics by level.
        double[] levelSum = new double[g.size()];
        List<Expertise> known = new ArrayList<>();
        store.scan(Expertise.class, ProjectionLoader.BATCH, batch -> {
            for (Expertise x : batch) {
                int u = g.indexOf(x.employeeId());
                if (u >= 0 && g.isAdvocate(u) && x.level() > 0) {
                    known.add(x);
                    levelSum[u] += x.level();
                }
            }
        });
        Map<String, List<Integer>> byTopic = new HashMap<>();
        Map<String, Double> capacity = new HashMap<>();
        for (Expertise x : known) {
            int u = g.indexOf(x.employeeId());
            byTopic.computeIfAbsent(x.topicId(), t -> new ArrayList<>()).add(u);
            capacity.merge(x.topicId(), free[u] * x.level() / levelSum[u], Double::sum);
        }
        Map<String, int[]> experts = new HashMap<>();
        byTopic.forEach((topic, people) -> experts.put(topic,
                people.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
        List<Conversation> open = store.conversationsWithStatus(List.of(ConversationStatus.OPEN));
        boolean truncated = open.size() > MAX_CONVERSATIONS;
        if (truncated) {
            open = open.subList(0, MAX_CONVERSATIONS);
        }
        return new Supply(free, experts, capacity, open, truncated);
    }

    private Gaps topics(ProjectionCache.Current current, Supply supply, int limit) {
        PeopleGraph g = current.graph();
        Map<String, double[]> demand = new HashMap<>(); // customers, uncovered, uncovered interest, open, open weight
        store.scan(Interest.class, ProjectionLoader.BATCH, batch -> {
            for (Interest i : batch) {
                double[] d = demand.computeIfAbsent(i.topicId(), t -> new double[5]);
                d[0]++;
                int c = g.indexOf(i.customerId());
                if (c < 0 || !attendsToAny(g, c, supply.experts().get(i.topicId()))) {
                    d[1]++;
                    d[2] += i.weight();
                }
            }
        });
        for (Conversation c : supply.open()) {
            for (WeightedId t : store.topicsOf(c.id())) {
                double[] d = demand.computeIfAbsent(t.id(), x -> new double[5]);
                d[3]++;
                d[4] += t.weight();
            }
        }
        for (String topic : supply.experts().keySet()) {
            demand.computeIfAbsent(topic, t -> new double[5]);
        }
        List<String> ranked = new ArrayList<>(demand.keySet());
        Map<String, Double> score = new HashMap<>();
        for (String t : ranked) {
            double[] d = demand.get(t);
            score.put(t, (d[2] + d[4]) / (1 + supply.capacityByTopic().getOrDefault(t, 0.0)));
        }
        ranked.removeIf(t -> demand.get(t)[0] == 0 && demand.get(t)[3] == 0);
        ranked.sort(Comparator.<String>comparingDouble(t -> -score.get(t)).thenComparing(t -> t));
        List<String> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<String, String> names = new HashMap<>();
        for (Topic t : store.topics(shown)) {
            names.put(t.id(), t.name());
        }
        List<Object> out = new ArrayList<>();
        for (String t : shown) {
            double[] d = demand.get(t);
            int[] experts = supply.experts().getOrDefault(t, new int[0]);
            double capacity = supply.capacityByTopic().getOrDefault(t, 0.0);
            out.add(new TopicGap(out.size() + 1, t, names.getOrDefault(t, t), round(score.get(t)), (int) d[0],
                    (int) d[1], round(d[2]), (int) d[3], round(d[4]), experts.length, round(capacity),
                    experts.length == 0, d[4] > capacity));
        }
        double customers = 0;
        double uncovered = 0;
        for (double[] d : demand.values()) {
            customers += d[0];
            uncovered += d[1];
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("topics", ranked.size());
        totals.put("interests", (long) customers);
        totals.put("uncoveredInterests", (long) uncovered);
        totals.put("openConversations", supply.open().size());
        totals.put("freeCapacity", round(Arrays.stream(supply.free()).sum()));
        return new Gaps(By.TOPIC.key(), out, ranked.size(), totals, details(supply), current.description(), 0);
    }

    private Gaps communities(InfluenceAnalytics.Partition partition, Supply supply, int limit, double resolution) {
        PeopleGraph g = partition.current().graph();
        Communities.Result r = partition.communities();
        int[] community = r.community();
        int n = r.count();
        int[] customers = new int[n];
        int[] uncovered = new int[n];
        int[] open = new int[n];
        int[] advocates = new int[n];
        double[] free = new double[n];
        boolean[] uncoveredPerson = new boolean[g.size()];
        for (int u = 0; u < g.size(); u++) {
            int c = community[u];
            if (g.isAdvocate(u)) {
                advocates[c]++;
                free[c] += supply.free()[u];
            } else if (!g.isEmployee(u)) {
                customers[c]++;
                if (!attendsToAdvocate(g, u)) {
                    uncovered[c]++;
                    uncoveredPerson[u] = true;
                }
            }
        }
        for (Conversation conversation : supply.open()) {
            int author = conversation.authorId() == null ? -1 : g.indexOf(conversation.authorId());
            if (author >= 0) {
                open[community[author]]++;
            }
        }
        List<Integer> ranked = new ArrayList<>();
        double[] score = new double[n];
        for (int c = 0; c < n; c++) {
            score[c] = (uncovered[c] + open[c]) / (1 + free[c]);
            if (customers[c] > 0 || open[c] > 0) {
                ranked.add(c);
            }
        }
        ranked.sort(Comparator.<Integer>comparingDouble(c -> -score[c]).thenComparingInt(c -> c));
        List<Integer> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < shown.size(); i++) {
            position.put(shown.get(i), i);
        }
        List<Map<String, Double>> interests = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            interests.add(new HashMap<>());
        }
        store.scan(Interest.class, ProjectionLoader.BATCH, batch -> {
            for (Interest i : batch) {
                int u = g.indexOf(i.customerId());
                Integer at = u < 0 || !uncoveredPerson[u] ? null : position.get(community[u]);
                if (at != null) {
                    interests.get(at).merge(i.topicId(), i.weight(), Double::sum);
                }
            }
        });
        Map<String, String> names = new HashMap<>();
        interests.forEach(m -> m.keySet().forEach(t -> names.put(t, t)));
        for (Topic t : store.topics(names.keySet())) {
            names.put(t.id(), t.name());
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            int c = shown.get(i);
            List<InfluenceAnalytics.TopicWeight> topics = interests.get(i).entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(COMMUNITY_TOPICS)
                    .map(e -> new InfluenceAnalytics.TopicWeight(e.getKey(), names.get(e.getKey()), round(e.getValue())))
                    .toList();
            out.add(new CommunityGap(i + 1, c, r.sizes()[c], round(score[c]), customers[c], uncovered[c], open[c],
                    advocates[c], round(free[c]), topics, advocates[c] == 0, open[c] > free[c]));
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("communities", n);
        totals.put("customers", Arrays.stream(customers).sum());
        totals.put("uncoveredCustomers", Arrays.stream(uncovered).sum());
        totals.put("openConversations", supply.open().size());
        totals.put("freeCapacity", round(Arrays.stream(free).sum()));
        Map<String, Object> details = details(supply);
        details.put("communities", "leiden");
        details.put("resolution", resolution);
        details.put("modularity", Math.round(r.modularity() * 1e9) / 1e9);
        return new Gaps(By.COMMUNITY.key(), out, ranked.size(), totals, details, partition.current().description(), 0);
    }

    private static Map<String, Object> details(Supply supply) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("score", "(uncovered demand + open conversations) / (1 + free capacity)");
        details.put("covered", "a customer is covered when they follow or share a mutual tie with an advocate"
                + " (who knows the topic, in the topic view)");
        details.put("openConversationsRead", supply.open().size());
        details.put("truncated", supply.truncated());
        return details;
    }

    /** @return true when person {@code u} pays attention to one of {@code experts} (sorted indices) */
    private static boolean attendsToAny(PeopleGraph g, int u, int[] experts) {
        if (experts == null || experts.length == 0) {
            return false;
        }
        for (int e = g.start(u); e < g.end(u); e++) {
            if (g.has(e, PeopleGraph.ATTENTION) && Arrays.binarySearch(experts, g.target(e)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** @return true when person {@code u} pays attention to an advocate */
    private static boolean attendsToAdvocate(PeopleGraph g, int u) {
        for (int e = g.start(u); e < g.end(u); e++) {
            if (g.has(e, PeopleGraph.ATTENTION) && g.isAdvocate(g.target(e))) {
                return true;
            }
        }
        return false;
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
