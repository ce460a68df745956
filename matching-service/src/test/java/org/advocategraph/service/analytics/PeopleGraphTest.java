package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PeopleGraphTest {
    /** a knows b (0.4) and follows b (0.9); c follows a (0.3); b and c both follow each other (0.2 and 0.7). */
    static PeopleGraph small() {
        return new PeopleGraph.Builder()
                .person("a", true, true).person("b", true, false).person("c", false, false)
                .tie("a", "b", true, 0.4).tie("a", "b", false, 0.9)
                .tie("c", "a", false, 0.3)
                .tie("b", "c", false, 0.2).tie("c", "b", false, 0.7)
                .build();
    }

    private static int entry(PeopleGraph g, String from, String to) {
        int u = g.indexOf(from);
        for (int e = g.start(u); e < g.end(u); e++) {
            if (g.id(g.target(e)).equals(to)) {
                return e;
            }
        }
        throw new AssertionError(from + " has no entry for " + to);
    }

    @Test
    void shouldMergeTiesBetweenTheSamePeopleAndKeepEachDirectionsStrength() {
        PeopleGraph g = small();
        assertEquals(3, g.size());
        assertEquals(3, g.pairs());
        assertEquals(2, g.degree(g.indexOf("a")));

        int ab = entry(g, "a", "b");
        assertTrue(g.has(ab, PeopleGraph.ATTENTION | PeopleGraph.VOICE), "knows is mutual");
        assertEquals(0.9f, g.strength(ab), "a attends to b by the stronger of knows and follows");
        int ba = entry(g, "b", "a");
        assertTrue(g.has(ba, PeopleGraph.ATTENTION | PeopleGraph.VOICE));
        assertEquals(0.4f, g.strength(ba), "b attends to a by knows only");
        assertEquals(0.9f, g.weight(g.indexOf("b"), ba), "the symmetric weight is the larger direction");

        int ca = entry(g, "c", "a");
        assertTrue(g.has(ca, PeopleGraph.ATTENTION));
        assertFalse(g.has(ca, PeopleGraph.VOICE), "a does not follow c: c is not heard by a");
        int ac = entry(g, "a", "c");
        assertTrue(g.has(ac, PeopleGraph.VOICE));
        assertFalse(g.has(ac, PeopleGraph.ATTENTION));
        assertEquals(0.3f, g.strength(ac), "a voice-only entry carries the follower's strength");

        assertEquals(0.2f, g.strength(entry(g, "b", "c")));
        assertEquals(0.7f, g.strength(entry(g, "c", "b")));
    }

    @Test
    void shouldKnowWhoIsAnEmployeeAndWhoAnAdvocate() {
        PeopleGraph g = small();
        assertTrue(g.isAdvocate(g.indexOf("a")));
        assertTrue(g.isEmployee(g.indexOf("b")));
        assertFalse(g.isAdvocate(g.indexOf("b")));
        assertFalse(g.isEmployee(g.indexOf("c")));
        assertEquals(-1, g.indexOf("nobody"));
    }

    @Test
    void shouldRefuseTiesToUnknownPeopleAndDuplicates() {
        PeopleGraph.Builder b = new PeopleGraph.Builder().person("a", true, true);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> b.tie("a", "zz", true, 1));
        assertTrue(unknown.getMessage().contains("zz"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.person("a", false, false));
        assertThrows(IllegalArgumentException.class, () -> b.tie("a", "a", true, 1));
        b.person("b", false, false);
        IllegalArgumentException strength = assertThrows(IllegalArgumentException.class, () -> b.tie("a", "b", true, 1.5));
        assertTrue(strength.getMessage().contains("strength"), strength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.tie("a", "b", true, Double.NaN));
        b.build();
        assertThrows(IllegalStateException.class, () -> b.person("c", false, false), "a built builder is closed");
    }

    @Test
    void shouldHoldTenBytesPerPairPlusOffsetsAndTableWhenStrengthsAreFew() {
        PeopleGraph g = small();
        assertEquals(1, g.strengthBytes());
        // 5 distinct strengths in the table: a to b 0.9, b to a 0.4, 0.3 both ways between a and c, 0.2, 0.7
        assertEquals(10L * g.pairs() + 4L * (g.size() + 1) + 4L * 5, g.adjacencyBytes());
        PeopleGraph empty = new PeopleGraph.Builder().build();
        assertEquals(0, empty.size());
        assertEquals(0, empty.pairs());
    }

    @Test
    void shouldKeepEveryStrengthExactlyWhateverHowManyAreDistinct() {
        // Given rings whose ties have 200, 5,000 and 70,000 distinct strengths (and one of each end)
        for (int distinct : new int[] {200, 5_000, 70_000}) {
            int n = 100_000;
            java.util.Random random = new java.util.Random(distinct);
            float[] pool = new float[distinct];
            for (int i = 0; i < distinct; i++) {
                pool[i] = i == 0 ? 0f : i == 1 ? 1f : random.nextFloat();
            }
            PeopleGraph.Builder b = new PeopleGraph.Builder();
            for (int i = 0; i < n; i++) {
                b.person("p" + i, false, false);
            }
            float[] given = new float[n];
            for (int i = 0; i < n; i++) {
                given[i] = pool[i % distinct];
                b.tie(i, (i + 1) % n, false, given[i]);
            }

            // When the projection is built
            PeopleGraph g = b.build();

            // Then each follow's strength reads back as given, in as few bytes as that allows
            assertEquals(distinct <= 256 ? 1 : distinct <= 65_536 ? 2 : 4, g.strengthBytes(), distinct + " distinct");
            for (int i = 0; i < n; i++) {
                int u = i;
                int e = entry(g, "p" + u, "p" + (u + 1) % n);
                assertEquals(given[i], g.strength(e), 0f, "strength of tie " + i + " with " + distinct + " distinct");
            }
            long perPair = (g.adjacencyBytes() - 4L * (n + 1)) / g.pairs();
            assertTrue(perPair <= 2 * (4 + g.strengthBytes()) + 1, perPair + " bytes per pair, " + distinct + " distinct");
        }
    }
}
