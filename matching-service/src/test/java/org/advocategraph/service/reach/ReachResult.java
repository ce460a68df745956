package org.advocategraph.service.reach;

import java.util.List;

/**
 * Unique reach of a set of seeds.
 *
 * @param seeds        how many seed people
 * @param hops         hops walked
 * @param reach        distinct people reached within {@code hops}, seeds excluded
 * @param byHop        people first reached at each hop (index 0 = hop 1); sums to {@code reach}
 * @param sumOfDirect  the naive figure advocacy tools report: each seed's direct audience added up, overlaps
 *                     counted again; compare with {@code byHop[0]}
 * @param truncated    true when the walk stopped at the visit bound before finishing
 * @param millis       time taken
 */
public record ReachResult(int seeds, int hops, long reach, List<Long> byHop, Long sumOfDirect, boolean truncated,
                          long millis) {
    public ReachResult {
        byHop = List.copyOf(byHop);
    }
}
