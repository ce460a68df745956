package org.advocategraph.service.matching;

import java.util.List;

/**
 * Proximity of one advocate to the customer.
 *
 * @param value   0..1
 * @param path    ids from the customer to the advocate, empty when not connected within the hop bound
 * @param reasons human-readable reasons
 */
record ProximityScore(double value, List<String> path, List<String> reasons) {
    static final ProximityScore NONE = new ProximityScore(0, List.of(), List.of());
}
