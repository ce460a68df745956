package org.advocategraph.tools.evaluate;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Topic;
import org.advocategraph.service.matching.AdvocateMatcher;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.Match;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.MatchResult;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.matching.RoutingPolicy;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.connect.StackExchangeDump;
import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.connect.StackExchangeGraph;

/**
 * Our engine as a routing method: the graph of what happened so far, made by the same mapping as
 * {@code import stackexchange} ({@link StackExchangeGraph}, as a cut graph), kept in an in-memory TinkerGraph
 * store, and asked by an {@link AdvocateMatcher} for the question's tags as topics and, when the asker is a known
 * person (a customer, or an employee: someone who has answered before), the asker as the person seeking help.
 *
 * <p><b>Time.</b> The matcher's clock is fixed at the creation of the question being ranked, so that what depends
 * on the present (fairness: how long ago an advocate was last asked; activity: how much they responded lately) is
 * measured as it would have been then, not today. The mapping's assignments (one resolved assignment per answer) are part of the graph, as they are after
 * {@code import stackexchange}: they take no capacity, so no hard filter applies (the mapping makes every
 * employee active, opted in, speaking {@code en}, for the purposes product and care, and a routing request names
 * no purpose or language); {@link #diagnostics()} counts any candidate a filter still removes.
 *
 * <p><b>Requests.</b> Tags that are not topics in the graph yet (first used by this question) are left out of the
 * request, since a request may only name known topics; a question with no known tag and no known asker cannot be
 * routed and gets an empty list. At most {@link MatchRequest#MAX_LIMIT} matches are asked for; the matcher never
 * returns the asker.
 *
 * <p><b>Increments.</b> {@link #learn} adds the activities to the graph and upserts only what changed. When a
 * customer becomes an employee (an asker answers for the first time), the store is rebuilt from the graph, since
 * an upsert cannot remove the customer node and its interests; {@link #diagnostics()} counts the rebuilds.
 */
public final class EngineRanker implements AnswererRanker {
    private final StackExchangeGraph graph;
    private final BiFunction<GraphStore, Clock, AdvocateMatcher> matcherFactory;
    private TinkerPopGraphStore store;
    private final Map<String, Long> diagnostics = new TreeMap<>();

    /**
     * @param dump           the dump whose history will be learned
     * @param matcherFactory makes the matcher to ask, over the store and with the clock it is given: called for
     *                       each question, with a clock fixed at the question's creation
     */
    public EngineRanker(StackExchangeDump dump, BiFunction<GraphStore, Clock, AdvocateMatcher> matcherFactory) {
        this.graph = new StackExchangeGraph(Objects.requireNonNull(dump, "dump"), true);
        this.matcherFactory = Objects.requireNonNull(matcherFactory, "matcherFactory");
        open();
        for (String key : List.of("rebuilds", "excluded", "unroutable")) {
            diagnostics.put(key, 0L);
        }
    }

    /** @return a ranker asking {@link GraphAdvocateMatcher} with the product's defaults, {@link PurposeWeights#DEFAULT} */
    public static EngineRanker withDefaultMatcher(StackExchangeDump dump) {
        return new EngineRanker(dump, (store, clock) -> new GraphAdvocateMatcher(store, PurposeWeights.DEFAULT,
                RoutingPolicy.NONE, clock));
    }

    private void open() {
        store = TinkerPopGraphStore.inMemory();
    }

    @Override
    public void learn(List<Activity> activities) {
        graph.addAll(activities);
        StackExchangeGraph.Changes changes = graph.changes();
        if (changes.retyped().isEmpty()) {
            write(changes.elements());
            return;
        }
        store.close();
        open();
        write(graph.elements());
        count("rebuilds", 1);
    }

    private void write(List<GraphElement> elements) {
        UpsertResult r = store.upsert(elements);
        if (r.skippedCount() > 0) {
            throw new IllegalStateException("relationships without endpoints in the replayed graph: " + r.skipped());
        }
    }

    @Override
    public List<Long> rank(RoutingQuestion question, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        Set<String> known = new HashSet<>();
        for (Topic t : store.topics(question.topics())) {
            known.add(t.id());
        }
        List<String> topics = question.topics().stream().filter(known::contains).toList();
        String asker = question.asker() == null ? null : StackExchangeGraph.PERSON + question.asker();
        String person = asker != null && (store.customer(asker).isPresent() || store.employee(asker).isPresent())
                ? asker : null;
        if (topics.isEmpty() && person == null) {
            count("unroutable", 1);
            return List.of();
        }
        AdvocateMatcher matcher = matcherFactory.apply(store, Clock.fixed(question.created(), ZoneOffset.UTC));
        MatchResult result = matcher.match(new MatchRequest(null, null, topics, null, null, null,
                Math.min(limit, MatchRequest.MAX_LIMIT), null, person));
        result.excluded().values().forEach(n -> count("excluded", n));
        List<Long> ranked = new ArrayList<>(result.matches().size());
        for (Match m : result.matches()) {
            ranked.add(Long.parseLong(m.advocateId().substring(StackExchangeGraph.PERSON.length())));
        }
        return ranked;
    }

    /**
     * @return {@code rebuilds} (stores rebuilt because a customer became an employee), {@code excluded}
     *         (candidates a hard filter of the matcher removed, summed over requests), {@code unroutable}
     *         (questions with no known tag and no known asker)
     */
    @Override
    public Map<String, Long> diagnostics() {
        return Map.copyOf(diagnostics);
    }

    private void count(String key, long n) {
        diagnostics.merge(key, n, Long::sum);
    }

    @Override
    public void close() {
        store.close();
    }
}
