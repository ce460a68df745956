package org.advocategraph.service.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;

/**
 * The seeker's neighbourhood as fetched for one request, and the proximity of any advocate to the seeker.
 *
 * @param seeker   the person seeking help
 * @param search   the fetched ties
 * @param paths    best paths from the seeker, by target
 * @param direct   people with a direct tie to the seeker
 * @param owners   employees who own the seeker's account (none for an employee)
 */
record Proximity(Seeker seeker, ProximitySearch search, Map<String, ProximitySearch.Path> paths,
                 Set<String> direct, Set<String> owners) {
    private static final double OWNER = 0.6;
    private static final double SHARED_MAX = 0.3;
    /** Shared connections at which the shared-connection part reaches about 63% of its maximum. */
    private static final double SHARED_SCALE = 2.0;

    /** @return the advocate's proximity, with reasons when {@code explain} (they cost string formatting) */
    ProximityScore score(String advocateId, boolean explain) {
        List<String> reasons = new ArrayList<>();
        ProximitySearch.Path path = paths.get(advocateId);
        double pathScore = 0;
        if (path != null) {
            pathScore = path.score();
            if (!explain) {
                // scored only
            } else if (path.hops() == 1) {
                Tie tie = search.tie(seeker.id(), advocateId);
                reasons.add(String.format(Locale.ROOT, "Directly connected to %s (%s, strength %.2f)",
                        seeker.describe(), describe(tie, advocateId), tie.strength()));
            } else {
                reasons.add(String.format(Locale.ROOT, "Connected to %s in %d hops through %s (%s)", seeker.role(),
                        path.hops(), String.join(", ", path.nodes().subList(1, path.nodes().size() - 1)),
                        String.join(", ", path.kinds().stream().map(TieKind::key).toList())));
            }
        }
        Set<String> shared = new HashSet<>(search.neighbours(advocateId));
        shared.retainAll(direct);
        double sharedScore = SHARED_MAX * (1 - Math.exp(-shared.size() / SHARED_SCALE));
        if (explain && !shared.isEmpty()) {
            reasons.add("Shares " + shared.size() + (shared.size() == 1 ? " connection" : " connections") + " with "
                    + seeker.role());
        }
        double ownerScore = owners.contains(advocateId) ? OWNER : 0;
        if (explain && ownerScore > 0) {
            reasons.add(0, "Owns the customer's account " + seeker.accountId());
        }
        double value = 1 - (1 - pathScore) * (1 - sharedScore) * (1 - ownerScore);
        return new ProximityScore(value, path == null ? List.of() : path.nodes(), reasons);
    }

    private String describe(Tie tie, String advocateId) {
        if (tie.kind() == TieKind.FOLLOWS) {
            return (tie.fromId().equals(advocateId) ? "follows " : "followed by ") + seeker.role();
        }
        return tie.kind().key();
    }
}
