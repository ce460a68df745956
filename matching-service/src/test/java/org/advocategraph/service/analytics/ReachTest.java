package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReachTest {
    /** A chain heard one way: b follows a, c follows b, d follows c; and e knows a (mutual); f follows nobody. */
    private static PeopleGraph chain() {
        return new PeopleGraph.Builder()
                .person("a", true, true).person("b", false, false).person("c", false, false)
                .person("d", false, false).person("e", false, false).person("f", false, false)
                .tie("b", "a", false, 0.5).tie("c", "b", false, 0.5).tie("d", "c", false, 0.5)
                .tie("e", "a", true, 0.5)
                .build();
    }

    @Test
    void shouldCountPeopleFirstReachedAtEachHopAlongVoiceOnly() {
        PeopleGraph g = chain();

        // a is heard by b and e, then c, then d; f is never reached
        assertArrayEquals(new long[] {2, 1, 1}, Reach.perHop(g, new int[] {g.indexOf("a")}, 3));
        // d follows c but is followed by nobody: d's voice reaches no one
        assertArrayEquals(new long[] {0, 0, 0}, Reach.perHop(g, new int[] {g.indexOf("d")}, 3));
        // two hops from a stop before d
        assertArrayEquals(new long[] {2, 1}, Reach.perHop(g, new int[] {g.indexOf("a")}, 2));
    }

    @Test
    void shouldNotCountSeedsOrRepeatsWhenStartingFromSeveralPeople() {
        PeopleGraph g = chain();
        int a = g.indexOf("a");
        int b = g.indexOf("b");

        // from a and b (b twice): e and c at one hop (b is a seed), d at two
        assertArrayEquals(new long[] {2, 1, 0}, Reach.perHop(g, new int[] {a, b, b}, 3));
    }

    @Test
    void shouldRefuseFewerThanOneHop() {
        assertThrows(IllegalArgumentException.class, () -> Reach.perHop(chain(), new int[] {0}, 0));
    }
}
