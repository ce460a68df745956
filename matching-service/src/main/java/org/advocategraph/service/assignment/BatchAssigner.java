package org.advocategraph.service.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.alg.interfaces.MinimumCostFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.GraphStore;

/**
 * Assigns a whole queue of conversations at once, maximizing the total match score under every advocate's free
 * capacity: an optimal assignment, computed as a minimum-cost flow, reported beside the greedy one (best pair
 * first) for comparison.
 *
 * <p>Network: source to each conversation (capacity 1, cost 0); conversation to each of its candidate advocates
 * (capacity 1, cost {@code 1 - score}); conversation straight to the sink (capacity 1, cost 1: left unassigned);
 * advocate to sink (capacity = free capacity, cost 0); the source supplies one unit per conversation. A flow of
 * least cost maximizes the total score of the assigned pairs, because an unassigned conversation costs what a
 * pair of score 0 would. Solved with JGraphT's capacity-scaling algorithm, whose optimality the solver checks.
 *
 * <p>Candidates: each conversation's best {@value #CANDIDATES} matches from the matching engine (so filters and
 * policies apply). Conversations that already have an open assignment are left out (and named in the notes). At
 * most {@value #MAX_CONVERSATIONS} conversations per call.
 */
public final class BatchAssigner {
    static final int CANDIDATES = 20;
    /** Most conversations one batch may hold. */
    public static final int MAX_CONVERSATIONS = 1000;
    private static final String SOURCE = "source";
    private static final String SINK = "sink";

    private final GraphStore store;
    private final AdvocateMatcher matcher;

    /**
     * @param store   the graph
     * @param matcher the matching engine, for each conversation's candidates
     */
    public BatchAssigner(GraphStore store, AdvocateMatcher matcher) {
        this.store = store;
        this.matcher = matcher;
    }

    /**
     * One conversation given to one advocate.
     *
     * @param conversationId the conversation
     * @param advocateId     the advocate
     * @param score          their match score
     */
    public record Pick(String conversationId, String advocateId, double score) {
    }

    /**
     * @param optimal      the optimal assignment
     * @param optimalTotal its total score
     * @param greedy       the greedy assignment
     * @param greedyTotal  its total score
     * @param conversations conversations in the batch
     * @param unmatched    conversations with no candidate at all
     * @param notes        bounds hit and similar
     */
    public record Plan(List<Pick> optimal, double optimalTotal, List<Pick> greedy, double greedyTotal,
                       int conversations, List<String> unmatched, List<String> notes) {
    }

    /**
     * @param conversationIds the conversations to assign, or empty for every open one
     * @return both assignments
     * @throws NotFoundException naming conversations that do not exist
     */
    public Plan plan(List<String> conversationIds) {
        List<String> notes = new ArrayList<>();
        List<String> ids;
        if (conversationIds.isEmpty()) {
            ids = store.conversationsWithStatus(List.of(ConversationStatus.OPEN)).stream().map(Conversation::id).toList();
            if (ids.size() > MAX_CONVERSATIONS) {
                notes.add("assigned the first " + MAX_CONVERSATIONS + " of " + ids.size() + " open conversations (by id)");
                ids = ids.subList(0, MAX_CONVERSATIONS);
            }
        } else {
            ids = List.copyOf(new LinkedHashSet<>(conversationIds));
            if (ids.size() > MAX_CONVERSATIONS) {
                throw new InvalidFieldException("conversationIds", "at most " + MAX_CONVERSATIONS + ", got " + ids.size());
            }
            List<String> unknown = ids.stream().filter(id -> store.conversation(id).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new NotFoundException("conversationIds", "conversation", unknown);
            }
        }
        // A conversation that already has an open assignment is not in the queue.
        List<String> busy = ids.stream().filter(this::hasOpenAssignment).toList();
        if (!busy.isEmpty()) {
            notes.add("left out " + busy.size() + " conversation(s) that already have an open assignment: "
                    + String.join(", ", busy.subList(0, Math.min(20, busy.size()))) + (busy.size() > 20 ? ", ..." : ""));
            ids = ids.stream().filter(id -> !busy.contains(id)).toList();
        }
        Map<String, List<Match>> candidates = new HashMap<>();
        Map<String, Integer> free = new HashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (String id : ids) {
            List<Match> ms = matcher.match(new MatchRequest(null, id, List.of(), null, null, null, CANDIDATES)).matches();
            if (ms.isEmpty()) {
                unmatched.add(id);
            }
            candidates.put(id, ms);
            for (Match m : ms) {
                free.putIfAbsent(m.advocateId(), Math.max(0, m.capacity() - m.openAssignments()));
            }
        }
        List<Pick> optimal = optimal(ids, candidates, free);
        List<Pick> greedy = greedy(ids, candidates, free);
        return new Plan(optimal, total(optimal), greedy, total(greedy), ids.size(), unmatched, notes);
    }

    private boolean hasOpenAssignment(String conversationId) {
        return store.assignments(new AssignmentQuery(conversationId, null, null, AssignmentQuery.MAX_LIMIT)).stream()
                .anyMatch(a -> a.status().open());
    }

    static List<Pick> optimal(List<String> conversations, Map<String, List<Match>> candidates, Map<String, Integer> free) {
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        Map<DefaultWeightedEdge, Integer> capacity = new HashMap<>();
        Map<DefaultWeightedEdge, Pick> picks = new HashMap<>();
        g.addVertex(SOURCE);
        g.addVertex(SINK);
        for (String c : conversations) {
            String cv = "c:" + c;
            g.addVertex(cv);
            edge(g, capacity, SOURCE, cv, 1, 0);
            edge(g, capacity, cv, SINK, 1, 1);
            for (Match m : candidates.get(c)) {
                String av = "a:" + m.advocateId();
                if (g.addVertex(av)) {
                    edge(g, capacity, av, SINK, free.get(m.advocateId()), 0);
                }
                picks.put(edge(g, capacity, cv, av, 1, 1 - m.score()), new Pick(c, m.advocateId(), m.score()));
            }
        }
        int n = conversations.size();
        MinimumCostFlowProblem<String, DefaultWeightedEdge> problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
                g, v -> v.equals(SOURCE) ? n : v.equals(SINK) ? -n : 0, capacity::get);
        CapacityScalingMinimumCostFlow<String, DefaultWeightedEdge> solver = new CapacityScalingMinimumCostFlow<>();
        MinimumCostFlowAlgorithm.MinimumCostFlow<DefaultWeightedEdge> flow = solver.getMinimumCostFlow(problem);
        if (!solver.testOptimality(1e-9)) {
            throw new IllegalStateException("the minimum-cost flow solver did not reach an optimal flow");
        }
        List<Pick> out = new ArrayList<>();
        for (var e : picks.entrySet()) {
            if (flow.getFlow(e.getKey()) > 0.5) {
                out.add(e.getValue());
            }
        }
        out.sort(Comparator.comparing(Pick::conversationId));
        return out;
    }

    private static DefaultWeightedEdge edge(Graph<String, DefaultWeightedEdge> g, Map<DefaultWeightedEdge, Integer> capacity,
                                            String from, String to, int cap, double cost) {
        DefaultWeightedEdge e = g.addEdge(from, to);
        g.setEdgeWeight(e, cost);
        capacity.put(e, cap);
        return e;
    }

    static List<Pick> greedy(List<String> conversations, Map<String, List<Match>> candidates, Map<String, Integer> free) {
        List<Pick> all = new ArrayList<>();
        for (String c : conversations) {
            for (Match m : candidates.get(c)) {
                all.add(new Pick(c, m.advocateId(), m.score()));
            }
        }
        all.sort(Comparator.comparingDouble(Pick::score).reversed().thenComparing(Pick::conversationId)
                .thenComparing(Pick::advocateId));
        Map<String, Integer> left = new HashMap<>(free);
        Set<String> done = new java.util.HashSet<>();
        List<Pick> out = new ArrayList<>();
        for (Pick p : all) {
            if (!done.contains(p.conversationId()) && left.get(p.advocateId()) > 0) {
                done.add(p.conversationId());
                left.merge(p.advocateId(), -1, Integer::sum);
                out.add(p);
            }
        }
        out.sort(Comparator.comparing(Pick::conversationId));
        return out;
    }

    private static double total(List<Pick> picks) {
        return Math.round(picks.stream().mapToDouble(Pick::score).sum() * 1e6) / 1e6;
    }
}
