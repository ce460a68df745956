package org.advocategraph.service.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Tie;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.MatchResult;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.WeightedId;

/**
 * Mobilizes a team for a conversation that turned critical: advocates who together cover its topics and the
 * community it touches, chosen greedily.
 *
 * <p>Objective, for a team {@code S}: {@code f(S) = a * sum_t w_t max_{x in S} c(x, t) / sum_t w_t
 * + (1 - a) * |(union of N(x), x in S) & C| / |C|}, where {@code w_t} is the conversation's weight on topic
 * {@code t}, {@code c(x, t)} the advocate's expertise credit on it (the matching engine's, topic hierarchy
 * included), {@code C} the community (participants and the author's direct contacts), {@code N(x)} the people
 * tied to {@code x} (and {@code x}), and {@code a} = {@value #TOPIC_SHARE} (0 or 1 when there are no topics or no
 * community). Both terms are monotone and submodular (a weighted facility location and a coverage), so the
 * greedy choice, adding the advocate with the largest marginal gain each time, reaches at least
 * {@code 1 - 1/e} (about 63%) of the best team of the same size (Nemhauser, Wolsey and Fisher, 1978).
 *
 * <p>Candidates are the matching engine's best {@value #CANDIDATES} for the conversation, so every hard filter
 * and policy applies and nobody at capacity is chosen. Cost: one match and one neighbourhood read, then
 * {@code O(size * candidates * (topics + degree))}.
 */
public final class TeamBuilder {
    static final double TOPIC_SHARE = 0.6;
    static final int CANDIDATES = 100;
    /** The largest team one request may ask for. */
    public static final int MAX_SIZE = 25;
    static final String GUARANTEE = "greedy on a monotone submodular objective: at least 1 - 1/e (about 63%) of "
            + "the best team of this size (Nemhauser, Wolsey and Fisher, 1978)";

    private final GraphStore store;
    private final AdvocateMatcher matcher;

    /**
     * @param store   the graph
     * @param matcher the matching engine, which finds and filters candidates
     */
    public TeamBuilder(GraphStore store, AdvocateMatcher matcher) {
        this.store = store;
        this.matcher = matcher;
    }

    /**
     * One member, in the order chosen.
     *
     * @param advocateId   the advocate
     * @param name         their name
     * @param gain         what they added to the objective when chosen
     * @param topics       the topics on which they raised the team's coverage
     * @param reachesNew   community members they reach that the team did not yet
     * @param match        their match for the conversation, with its factors and reasons
     */
    public record Member(String advocateId, String name, double gain, List<String> topics, int reachesNew, Match match) {
    }

    /**
     * @param conversationId the conversation
     * @param members        in the order chosen
     * @param objective      f of the team, 0..1
     * @param topicCoverage  per topic, the team's best credit
     * @param communitySize  people in the community
     * @param reached        of those, how many the team is tied to
     * @param guarantee      what the choice guarantees
     * @param notes          why the team is smaller than asked, and similar
     */
    public record Team(String conversationId, List<Member> members, double objective, Map<String, Double> topicCoverage,
                       int communitySize, int reached, String guarantee, List<String> notes) {
    }

    /**
     * @param conversationId the conversation
     * @param size           how many advocates, 1..{@value #MAX_SIZE}
     * @return the team
     * @throws NotFoundException naming the conversation when it does not exist
     */
    public Team mobilize(String conversationId, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be in 1.." + MAX_SIZE + ", was " + size);
        }
        Conversation conversation = store.conversation(conversationId).orElseThrow(
                () -> new NotFoundException("id", "conversation", List.of(conversationId)));
        MatchResult candidates = matcher.match(new MatchRequest(null, conversationId, List.of(), null, null, null, CANDIDATES));
        Map<String, Double> weights = new LinkedHashMap<>();
        for (WeightedId t : store.topicsOf(conversationId)) {
            weights.put(t.id(), Math.max(t.weight(), 0.05));
        }
        double weightSum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        Set<String> community = community(conversation);
        Map<String, Set<String>> reach = neighbours(candidates.matches());
        double a = weights.isEmpty() ? 0 : community.isEmpty() ? 1 : TOPIC_SHARE;

        List<String> notes = new ArrayList<>();
        Map<String, Double> best = new LinkedHashMap<>();
        weights.keySet().forEach(t -> best.put(t, 0.0));
        Set<String> reached = new HashSet<>();
        List<Member> members = new ArrayList<>();
        List<Match> pool = new ArrayList<>(candidates.matches());
        double objective = 0;
        while (members.size() < size && !pool.isEmpty()) {
            Match pick = null;
            double pickGain = 0;
            for (Match m : pool) {
                double gain = gain(m, a, weights, weightSum, best, community, reached, reach);
                if (gain > pickGain + 1e-12 || (pick != null && Math.abs(gain - pickGain) <= 1e-12
                        && (m.score() > pick.score() || (m.score() == pick.score() && m.advocateId().compareTo(pick.advocateId()) < 0)))) {
                    pick = m;
                    pickGain = gain;
                }
            }
            if (pick == null || pickGain <= 1e-12) {
                notes.add("stopped at " + members.size() + ": no other candidate adds topic coverage or community reach");
                break;
            }
            List<String> raised = new ArrayList<>();
            for (var t : weights.keySet()) {
                double c = pick.coverage().getOrDefault(t, 0.0);
                if (c > best.get(t) + 1e-12) {
                    best.put(t, c);
                    raised.add(t);
                }
            }
            int before = reached.size();
            for (String p : reach.getOrDefault(pick.advocateId(), Set.of())) {
                if (community.contains(p)) {
                    reached.add(p);
                }
            }
            objective += pickGain;
            members.add(new Member(pick.advocateId(), pick.name(), round(pickGain), raised, reached.size() - before, pick));
            pool.remove(pick);
        }
        if (members.size() < size && pool.isEmpty()) {
            notes.add("only " + candidates.matches().size() + " advocates pass the filters for this conversation"
                    + (candidates.excluded().isEmpty() ? "" : "; excluded: " + candidates.excluded()));
        }
        Map<String, Double> coverage = new LinkedHashMap<>();
        best.forEach((t, v) -> coverage.put(t, round(v)));
        return new Team(conversationId, members, round(objective), coverage, community.size(), reached.size(),
                GUARANTEE, notes);
    }

    private static double gain(Match m, double a, Map<String, Double> weights, double weightSum, Map<String, Double> best,
                               Set<String> community, Set<String> reached, Map<String, Set<String>> reach) {
        double topicGain = 0;
        for (var t : weights.entrySet()) {
            topicGain += t.getValue() * Math.max(0, m.coverage().getOrDefault(t.getKey(), 0.0) - best.get(t.getKey()));
        }
        int newlyReached = 0;
        for (String p : reach.getOrDefault(m.advocateId(), Set.of())) {
            if (community.contains(p) && !reached.contains(p)) {
                newlyReached++;
            }
        }
        return (weightSum == 0 ? 0 : a * topicGain / weightSum)
                + (community.isEmpty() ? 0 : (1 - a) * newlyReached / community.size());
    }

    private Set<String> community(Conversation conversation) {
        Set<String> community = new HashSet<>(store.participantsOf(conversation.id()));
        if (conversation.authorId() != null) {
            community.add(conversation.authorId());
            for (Tie t : store.tiesOf(List.of(conversation.authorId()))) {
                community.add(t.other(conversation.authorId()));
            }
        }
        return community;
    }

    private Map<String, Set<String>> neighbours(List<Match> matches) {
        Map<String, Set<String>> out = new HashMap<>();
        List<String> ids = matches.stream().map(Match::advocateId).toList();
        for (String id : ids) {
            out.computeIfAbsent(id, k -> new HashSet<>()).add(id);
        }
        for (Tie t : store.tiesOf(ids)) {
            out.computeIfAbsent(t.fromId(), k -> new HashSet<>()).add(t.toId());
            out.computeIfAbsent(t.toId(), k -> new HashSet<>()).add(t.fromId());
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
