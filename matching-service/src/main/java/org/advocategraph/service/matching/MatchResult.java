package org.advocategraph.service.matching;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link MatchRequest}: matches best first, plus what the request resolved to and why
 * candidates were left out, so that an empty or surprising list explains itself.
 *
 * @param matches    best first
 * @param resolved   what the engine matched on: customerId, conversationId, topics, purpose, language, channel
 * @param considered how many candidate advocates were scored
 * @param excluded   how many candidates each hard filter removed, by filter name
 * @param notes      explanations: fallbacks taken, bounds hit, why the list is empty
 * @param weights    the factor weights used
 */
public record MatchResult(List<Match> matches, Map<String, Object> resolved, int considered,
                          Map<String, Integer> excluded, List<String> notes, Map<String, Double> weights) {
    public MatchResult {
        matches = List.copyOf(matches);
        notes = List.copyOf(notes);
    }
}
