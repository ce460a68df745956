package org.advocategraph.service.matching;

/** Finds and explains the best advocates for a request. */
public interface AdvocateMatcher {
    /**
     * @param request what to match
     * @return ranked, explained matches
     * @throws org.advocategraph.service.NotFoundException when the request names an unknown customer,
     *                                                     conversation or topic
     */
    MatchResult match(MatchRequest request);
}
