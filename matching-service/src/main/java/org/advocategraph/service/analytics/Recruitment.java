package org.advocategraph.service.analytics;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses whom to enlist next: the people who, added to those already enlisted (the base), add the most reach
 * under some model of reach. One implementation per model ({@link GreedyCoverage}, {@link InfluenceMaximization}).
 */
public interface Recruitment {
    /**
     * One pick.
     *
     * @param person     the person's number
     * @param gain       what this pick adds to the base and the picks before it
     * @param cumulative what the picks so far add to the base
     */
    record Pick(int person, double gain, double cumulative) {
    }

    /**
     * @param picks     best first, at most k
     * @param baseValue the base's own value under the model, itself included (people within hops, or expected spread)
     * @param details   how it was computed: model, guarantee, parameters, bounds hit
     * @param truncated true when the deadline or a memory bound stopped the computation early
     */
    record Result(List<Pick> picks, double baseValue, Map<String, Object> details, boolean truncated) {
        public Result {
            picks = List.copyOf(picks);
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }

    /**
     * @param base       people already enlisted (distinct numbers); what they reach does not count
     * @param candidates people who may be picked (distinct, none in the base)
     * @param k          how many to pick, 1 or more; fewer when there are fewer candidates
     * @param deadline   when to stop and answer with what was found
     * @return the picks, each with its marginal gain
     */
    Result select(int[] base, int[] candidates, int k, Instant deadline);
}
