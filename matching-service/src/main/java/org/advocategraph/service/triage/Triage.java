package org.advocategraph.service.triage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.MatchResult;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.WeightedId;

/**
 * Ranks open conversations by urgency and gives each its best advocate.
 *
 * <p>Urgency is a weighted sum of four parts, each in 0..1: negativity ({@code -sentiment}, floored at 0;
 * weight {@value #NEGATIVITY}), the author's reach ({@code log(1 + reach) / log(1 + largest reach among the open
 * ones)}; {@value #REACH}), recency ({@code exp(-age in hours / 24)}; {@value #RECENCY}) and topic heat (the
 * summed negativity of the open conversations on the conversation's hottest topic, relative to the hottest topic
 * of all; {@value #HEAT}). Negativity leads because an unhappy customer is what advocacy is called in for; reach
 * next because it sets how many people see the conversation; heat catches a problem that many small
 * conversations share.
 *
 * <p>Cost: one pass over the open conversations (their topics from the store), then one match per conversation
 * returned, at most {@value #MAX_LIMIT}.
 */
public final class Triage {
    static final double NEGATIVITY = 0.40;
    static final double REACH = 0.25;
    static final double RECENCY = 0.20;
    static final double HEAT = 0.15;
    /** Most conversations one answer returns. */
    public static final int MAX_LIMIT = 100;

    private final GraphStore store;
    private final AdvocateMatcher matcher;
    private final Clock clock;

    /**
     * @param store   the graph
     * @param matcher finds each conversation's best advocate
     * @param clock   the time recency is measured from
     */
    public Triage(GraphStore store, AdvocateMatcher matcher, Clock clock) {
        this.store = store;
        this.matcher = matcher;
        this.clock = clock;
    }

    /**
     * One ranked conversation.
     *
     * @param conversationId the conversation
     * @param channel        where it happens
     * @param excerpt        its text, at most 200 characters
     * @param sentiment      its sentiment
     * @param authorReach    its author's reach
     * @param createdAt      when it started
     * @param status         open or assigned
     * @param urgency        0..1
     * @param parts          the four parts of urgency
     * @param bestMatch      the best advocate, or null
     * @param noMatch        why there is none, or null
     */
    public record Item(String conversationId, String channel, String excerpt, double sentiment, long authorReach,
                       Instant createdAt, String status, double urgency, Map<String, Double> parts, Match bestMatch,
                       String noMatch) {
    }

    /**
     * @param conversations the most urgent first
     * @param considered    how many conversations were ranked
     * @param weights       the weights of the urgency parts
     */
    public record Result(List<Item> conversations, int considered, Map<String, Double> weights) {
    }

    /**
     * @param limit           how many, 1..{@value #MAX_LIMIT}
     * @param includeAssigned also rank conversations that already have an advocate
     * @return the most urgent conversations
     */
    public Result rank(int limit, boolean includeAssigned) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        List<Conversation> open = store.conversationsWithStatus(includeAssigned
                ? List.of(ConversationStatus.OPEN, ConversationStatus.ASSIGNED) : List.of(ConversationStatus.OPEN));
        List<Scored> scored = score(open);
        List<Item> items = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            Conversation c = s.conversation();
            MatchResult m = matcher.match(new MatchRequest(null, c.id(), List.of(), null, null, null, 1));
            Match best = m.matches().isEmpty() ? null : m.matches().get(0);
            String why = best != null ? null : m.notes().isEmpty() ? "no advocate matches" : String.join("; ", m.notes());
            Map<String, Double> parts = new LinkedHashMap<>();
            s.parts().forEach((k, v) -> parts.put(k, round(v)));
            String text = c.text().length() > 200 ? c.text().substring(0, 200) : c.text();
            items.add(new Item(c.id(), c.channel(), text, c.sentiment(), c.authorReach(), c.createdAt(),
                    c.status().key(), round(s.urgency()), parts, best, why));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("negativity", NEGATIVITY);
        weights.put("reach", REACH);
        weights.put("recency", RECENCY);
        weights.put("topicHeat", HEAT);
        return new Result(items, open.size(), weights);
    }

    /**
     * Scores conversations by urgency, the most urgent first (ties by id), without matching anyone: the order
     * {@link #rank} uses. Reach and topic heat are relative to the conversations given.
     *
     * @param conversations the conversations to compare
     * @return each with its urgency and its four parts
     */
    public List<Scored> score(List<Conversation> conversations) {
        Instant now = clock.instant();
        long maxReach = 0;
        Map<String, List<WeightedId>> topics = new HashMap<>();
        Map<String, Double> heat = new HashMap<>();
        for (Conversation c : conversations) {
            maxReach = Math.max(maxReach, c.authorReach());
            List<WeightedId> t = store.topicsOf(c.id());
            topics.put(c.id(), t);
            for (WeightedId w : t) {
                heat.merge(w.id(), negativity(c), Double::sum);
            }
        }
        double hottest = heat.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        List<Scored> scored = new ArrayList<>();
        for (Conversation c : conversations) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("negativity", negativity(c));
            parts.put("reach", maxReach == 0 ? 0 : Math.log1p(c.authorReach()) / Math.log1p(maxReach));
            double hours = c.createdAt() == null ? Double.POSITIVE_INFINITY
                    : Math.max(0, Duration.between(c.createdAt(), now).toMinutes() / 60.0);
            parts.put("recency", Math.exp(-hours / 24));
            double h = 0;
            for (WeightedId w : topics.get(c.id())) {
                h = Math.max(h, heat.get(w.id()));
            }
            parts.put("topicHeat", hottest == 0 ? 0 : h / hottest);
            double urgency = NEGATIVITY * parts.get("negativity") + REACH * parts.get("reach")
                    + RECENCY * parts.get("recency") + HEAT * parts.get("topicHeat");
            scored.add(new Scored(c, urgency, parts));
        }
        scored.sort(Comparator.comparingDouble(Scored::urgency).reversed().thenComparing(s -> s.conversation().id()));
        return scored;
    }

    private static double negativity(Conversation c) {
        return Math.max(0, Math.min(1, -c.sentiment()));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * A conversation with its urgency.
     *
     * @param conversation the conversation
     * @param urgency      0..1
     * @param parts        negativity, reach, recency and topic heat, each 0..1
     */
    public record Scored(Conversation conversation, double urgency, Map<String, Double> parts) {
    }
}
