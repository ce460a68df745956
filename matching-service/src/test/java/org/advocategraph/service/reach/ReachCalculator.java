package org.advocategraph.service.reach;

import java.util.Collection;

/** Counts the distinct people a set of seed people reaches: the tests' references for the projection's reach. */
public interface ReachCalculator {
    /** Fewest hops a reach question may ask for. */
    int MIN_HOPS = 1;
    /** Most hops a reach question may ask for: beyond three, almost everyone reaches almost everyone. */
    int MAX_HOPS = 3;

    /**
     * @param seeds the people whose audience is counted (must exist)
     * @param hops  1..3: 1 is the seeds' own audience, 2 adds their audience's audience, and so on
     * @return distinct people reached, seeds excluded
     */
    ReachResult reach(Collection<String> seeds, int hops);
}
