package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CentralityTest {
    private static final double EXACT = 1e-12;
    private static final double REFERENCE = 1e-9;
    private static final Betweenness ALWAYS_EXACT = new Betweenness(Integer.MAX_VALUE, 2, 1);

    /** Zachary's karate club: people "0".."33", with the reference values of karate_reference.py beside this test. */
    // networkx 3.6.1, karate_reference.py
    private static final int[][] KARATE_EDGES = {
            {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6}, {0, 7}, {0, 8}, {0, 10}, {0, 11}, {0, 12}, {0, 13}, {0, 17},
            {0, 19}, {0, 21}, {0, 31}, {1, 2}, {1, 3}, {1, 7}, {1, 13}, {1, 17}, {1, 19}, {1, 21}, {1, 30}, {2, 3},
            {2, 7}, {2, 8}, {2, 9}, {2, 13}, {2, 27}, {2, 28}, {2, 32}, {3, 7}, {3, 12}, {3, 13}, {4, 6}, {4, 10},
            {5, 6}, {5, 10}, {5, 16}, {6, 16}, {8, 30}, {8, 32}, {8, 33}, {9, 33}, {13, 33}, {14, 32}, {14, 33},
            {15, 32}, {15, 33}, {18, 32}, {18, 33}, {19, 33}, {20, 32}, {20, 33}, {22, 32}, {22, 33}, {23, 25},
            {23, 27}, {23, 29}, {23, 32}, {23, 33}, {24, 25}, {24, 27}, {24, 31}, {25, 31}, {26, 29}, {26, 33},
            {27, 33}, {28, 31}, {28, 33}, {29, 32}, {29, 33}, {30, 32}, {30, 33}, {31, 32}, {31, 33}, {32, 33}};
    private static final double[] KARATE_BETWEENNESS = {
            0.4376352813852815, 0.05393668831168831, 0.14365680615680615, 0.011909271284271283, 0.0006313131313131313,
            0.02998737373737374, 0.029987373737373736, 0.0, 0.05592682780182782, 0.0008477633477633478,
            0.0006313131313131313, 0.0, 0.0, 0.045863395863395856, 0.0, 0.0, 0.0, 0.0, 0.0, 0.03247504810004811, 0.0,
            0.0, 0.0, 0.017613636363636363, 0.0022095959595959595, 0.0038404882154882162, 0.0, 0.022333453583453587,
            0.0017947330447330447, 0.0029220779220779218, 0.014411976911976905, 0.13827561327561327,
            0.14524711399711404, 0.30407497594997596};
    private static final int[] KARATE_CORE = {
            4, 4, 4, 4, 3, 3, 3, 4, 4, 2, 3, 1, 2, 4, 2, 2, 2, 2, 2, 3, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 4, 3, 4, 4};
    private static final int[] KARATE_SOURCES = {
            7, 1, 30, 26, 25, 4, 33, 3, 32, 20};
    private static final double[] KARATE_SAMPLED = {
            0.3500049603174603, 0.06745205026455027, 0.1360689484126984, 0.009485229276895943, 0.0, 0.0140625,
            0.018229166666666668, 0.0, 0.05721478174603174, 0.0018303571428571431, 0.0010416666666666667, 0.0, 0.0,
            0.06441964285714286, 0.0, 0.0, 0.0, 0.0, 0.0, 0.035649801587301584, 0.0, 0.0, 0.0, 0.034583333333333334,
            0.0020833333333333333, 0.00038580246913580245, 0.0, 0.016240079365079364, 0.0023511904761904763,
            0.007633928571428571, 0.025628306878306882, 0.14823164682539683, 0.1310570987654321, 0.2879133597883598};

    /** People "0".."n-1", numbered alike, with a mutual tie of strength 1 for each pair of ends. */
    private static PeopleGraph graph(int n, int[]... ties) {
        PeopleGraph.Builder b = new PeopleGraph.Builder();
        for (int v = 0; v < n; v++) {
            b.person(String.valueOf(v), true, true);
        }
        for (int[] t : ties) {
            b.tie(String.valueOf(t[0]), String.valueOf(t[1]), true, 1);
        }
        return b.build();
    }

    private static PeopleGraph karate() {
        return graph(34, KARATE_EDGES);
    }

    /** @return the scores in the order of the ids "0".."n-1" */
    private static double[] byId(PeopleGraph g, double[] scores) {
        return IntStream.range(0, g.size()).mapToDouble(v -> scores[g.indexOf(String.valueOf(v))]).toArray();
    }

    private static void assertExact(PeopleGraph g, Betweenness.Result r, double[] expected, double tolerance) {
        assertTrue(r.exact());
        assertFalse(r.truncated());
        assertEquals(g.size(), r.sources());
        assertArrayEquals(expected, byId(g, r.scores()), tolerance);
        assertArrayEquals(new double[g.size()], r.standardError(), "an exact score has no error");
    }

    @Test
    void shouldCountThePairsThroughEachPersonOnAPath() {
        // given a path 0-1-2-3-4, built of mutual ties, a follow and a duplicate: betweenness ignores direction
        PeopleGraph g = new PeopleGraph.Builder().person("0", true, true).person("1", true, true)
                .person("2", false, false).person("3", false, false).person("4", false, false)
                .tie("0", "1", true, 1).tie("2", "1", false, 0.1).tie("2", "3", true, 0.5).tie("3", "2", false, 1)
                .tie("4", "3", true, 1).build();
        // when
        Betweenness.Result r = ALWAYS_EXACT.run(g);
        // then 1 and 3 lie between 3 of the 6 pairs of the others, 2 between 4: {0,3} {0,4} {1,3} {1,4}
        assertExact(g, r, new double[] {0, 3 / 6.0, 4 / 6.0, 3 / 6.0, 0}, EXACT);
    }

    @Test
    void shouldPutTheHubOfAStarBetweenEveryPairOfLeaves() {
        PeopleGraph g = graph(5, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3}, new int[] {0, 4});
        assertExact(g, ALWAYS_EXACT.run(g), new double[] {1, 0, 0, 0, 0}, EXACT);
    }

    @Test
    void shouldSplitTheOppositePairsOfACycleBetweenTheirTwoShortestPaths() {
        // given a cycle of 6: each person lies on the one shortest path between their two neighbours (1 pair) and on
        // one of the two shortest paths of the two opposite pairs they are between (1/2 + 1/2)
        PeopleGraph g = graph(6, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 4},
                new int[] {4, 5}, new int[] {5, 0});
        // then each has 2 of the 10 pairs of the others
        double[] expected = new double[6];
        Arrays.fill(expected, 2 / 10.0);
        assertExact(g, ALWAYS_EXACT.run(g), expected, EXACT);
    }

    @Test
    void shouldMatchNetworkxOnTheKarateClub() {
        PeopleGraph g = karate();
        assertExact(g, ALWAYS_EXACT.run(g), KARATE_BETWEENNESS, REFERENCE);
        CoreNumbers.Result cores = CoreNumbers.run(g);
        assertArrayEquals(KARATE_CORE, IntStream.range(0, 34).map(v -> cores.core()[g.indexOf(String.valueOf(v))])
                .toArray());
        assertEquals(4, cores.degeneracy());
    }

    @Test
    void shouldScaleSampledSourcesAsNetworkxDoes() {
        // given the ten sources networkx draws for k=10, seed=42
        PeopleGraph g = karate();
        int[] sources = Arrays.stream(KARATE_SOURCES).map(v -> g.indexOf(String.valueOf(v))).toArray();
        // when
        Betweenness.Result r = ALWAYS_EXACT.run(g, sources, Instant.MAX);
        // then the estimate is networkx's: drawn people scaled by (n-1)/9, the others by (n-1)/10
        assertFalse(r.exact());
        assertFalse(r.truncated());
        assertEquals(10, r.sources());
        assertArrayEquals(KARATE_SAMPLED, byId(g, r.scores()), REFERENCE);

        // and with everyone but 0 as a source, 0's estimate is exact, with no error, and the others' are not
        int[] allBut0 = IntStream.range(1, 34).map(v -> g.indexOf(String.valueOf(v))).toArray();
        Betweenness.Result most = ALWAYS_EXACT.run(g, allBut0, Instant.MAX);
        int zero = g.indexOf("0");
        assertEquals(KARATE_BETWEENNESS[0], most.scores()[zero], REFERENCE);
        assertEquals(0.0, most.standardError()[zero]);
        int two = g.indexOf("2");
        assertTrue(most.standardError()[two] > 0);
        assertTrue(Math.abs(most.scores()[two] - KARATE_BETWEENNESS[2]) > REFERENCE);
        assertThrows(IllegalArgumentException.class, () -> ALWAYS_EXACT.run(g, new int[] {1, 2, 1}, Instant.MAX));
    }

    @Test
    void shouldBeExactWhenSamplingEveryone() {
        // given more people than exactUpTo, and as many samples as people
        PeopleGraph g = karate();
        Betweenness.Result r = new Betweenness(10, 34, 7).run(g);
        assertExact(g, r, KARATE_BETWEENNESS, REFERENCE);
    }

    @Test
    void shouldEstimateTheTopPeopleWithinAFewStandardErrors() {
        PeopleGraph g = karate();
        Betweenness sampling = new Betweenness(10, 17, 7);
        Betweenness.Result r = sampling.run(g);
        assertFalse(r.exact());
        assertFalse(r.truncated());
        assertEquals(17, r.sources());
        // the five most between people: 0, 33, 32, 2, 31
        int[] top = IntStream.range(0, 34).boxed()
                .sorted(Comparator.comparingDouble((Integer v) -> KARATE_BETWEENNESS[v]).reversed())
                .limit(5).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(new int[] {0, 33, 32, 2, 31}, top);
        for (int id : top) {
            int v = g.indexOf(String.valueOf(id));
            double error = r.standardError()[v];
            assertTrue(error > 0, "person " + id + " has an error");
            assertTrue(Math.abs(r.scores()[v] - KARATE_BETWEENNESS[id]) <= 3 * error,
                    "person " + id + ": " + r.scores()[v] + " +- " + error + " vs " + KARATE_BETWEENNESS[id]);
        }
        // the same seed draws the same sources; another seed, others
        Betweenness.Result again = sampling.run(g);
        assertArrayEquals(r.scores(), again.scores());
        assertArrayEquals(r.standardError(), again.standardError());
        assertFalse(Arrays.equals(r.scores(), new Betweenness(10, 17, 8).run(g).scores()));
    }

    @Test
    void shouldReportStandardErrorsAsLargeAsTheSpreadOverSeeds() {
        // given 400 estimates from 17 of the 34 people, each with other sources
        PeopleGraph g = karate();
        int runs = 400;
        int[] top = {0, 33, 32, 2, 31};
        double[] squaredError = new double[top.length];
        double[] reportedVariance = new double[top.length];
        for (int seed = 0; seed < runs; seed++) {
            Betweenness.Result r = new Betweenness(10, 17, seed).run(g);
            for (int i = 0; i < top.length; i++) {
                int v = g.indexOf(String.valueOf(top[i]));
                squaredError[i] += Math.pow(r.scores()[v] - KARATE_BETWEENNESS[top[i]], 2) / runs;
                reportedVariance[i] += Math.pow(r.standardError()[v], 2) / runs;
            }
        }
        // then the estimates are unbiased and the reported variance is theirs: the ratio is 1 within its own noise
        for (int i = 0; i < top.length; i++) {
            double ratio = reportedVariance[i] / squaredError[i];
            assertTrue(ratio > 0.8 && ratio < 1.25, "person " + top[i] + ": reported/observed variance " + ratio);
        }
    }

    @Test
    void shouldStopAtTheDeadlineWithTwoSourcesScaledByThemselves() {
        // given a deadline already past
        PeopleGraph g = karate();
        Betweenness.Result r = new Betweenness(10, 20, 3).run(g, Instant.EPOCH);
        // then two sources were used, and the scores are an estimate from them
        assertTrue(r.truncated());
        assertFalse(r.exact());
        assertEquals(Betweenness.MIN_SOURCES, r.sources());
        assertTrue(Arrays.stream(r.scores()).allMatch(s -> s >= 0 && s <= 1), Arrays.toString(r.scores()));
        assertTrue(r.scores()[g.indexOf("0")] > 0, "0 is between many of every source's pairs");
        assertEquals(2, Arrays.stream(r.standardError()).filter(Double::isNaN).count(),
                "a drawn person's error rests on the one other source: unknown");
        // an exact run cut short is an estimate too; a deadline ahead changes nothing
        Betweenness.Result cut = ALWAYS_EXACT.run(g, Instant.EPOCH);
        assertTrue(cut.truncated() && !cut.exact() && cut.sources() == Betweenness.MIN_SOURCES);
        assertExact(g, ALWAYS_EXACT.run(g, Instant.now().plusSeconds(600)), KARATE_BETWEENNESS, REFERENCE);
    }

    @Test
    void shouldGiveNothingForNoPeopleAndZeroWithoutTies() {
        Betweenness.Result empty = ALWAYS_EXACT.run(new PeopleGraph.Builder().build());
        assertEquals(0, empty.scores().length);
        assertEquals(0, empty.standardError().length);
        assertEquals(0, empty.sources());
        assertTrue(empty.exact() && !empty.truncated());
        CoreNumbers.Result noCores = CoreNumbers.run(new PeopleGraph.Builder().build());
        assertEquals(0, noCores.core().length);
        assertEquals(0, noCores.degeneracy());

        // given five people without ties, sampled
        PeopleGraph alone = graph(5);
        Betweenness.Result sampled = new Betweenness(0, 3, 1).run(alone);
        assertArrayEquals(new double[5], sampled.scores());
        assertArrayEquals(new double[5], sampled.standardError());
        assertEquals(3, sampled.sources());
        assertFalse(sampled.exact());
        assertExact(alone, ALWAYS_EXACT.run(alone), new double[5], 0);
        assertArrayEquals(new int[5], CoreNumbers.run(alone).core());
        assertEquals(0, CoreNumbers.run(alone).degeneracy());
        // and two tied people: no pair of others to be between
        assertExact(graph(2, new int[] {0, 1}), new Betweenness(0, 2, 1).run(graph(2, new int[] {0, 1})),
                new double[2], 0);
    }

    @Test
    void shouldFindTheCoresOfHandGraphs() {
        // given a triangle a-b-c with d hanging from a, and e alone
        PeopleGraph pendant = new PeopleGraph.Builder().person("a", true, true).person("d", false, false)
                .person("e", false, false).person("b", true, true).person("c", true, true)
                .tie("a", "b", true, 1).tie("b", "c", false, 1).tie("c", "a", true, 1).tie("d", "a", false, 1)
                .build();
        CoreNumbers.Result r = CoreNumbers.run(pendant);
        assertEquals(2, r.core()[pendant.indexOf("a")]);
        assertEquals(2, r.core()[pendant.indexOf("b")]);
        assertEquals(2, r.core()[pendant.indexOf("c")]);
        assertEquals(1, r.core()[pendant.indexOf("d")]);
        assertEquals(0, r.core()[pendant.indexOf("e")]);
        assertEquals(2, r.degeneracy());
        // a 4-clique, its ties given twice over, in both directions
        PeopleGraph clique = graph(4, new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3}, new int[] {1, 2},
                new int[] {1, 3}, new int[] {2, 3}, new int[] {3, 2}, new int[] {1, 0});
        assertArrayEquals(new int[] {3, 3, 3, 3}, CoreNumbers.run(clique).core());
        assertEquals(3, CoreNumbers.run(clique).degeneracy());
    }

    @Test
    void shouldFindTheSameCommunitiesWhateverTheNumberOfThreads() {
        // Given the karate club and eight Leiden starts with a budget that never runs out
        PeopleGraph g = karate();
        Duration ample = Duration.ofHours(1);

        // When they run one at a time and three at a time
        Communities.Result alone = new Communities(1.0, 8, 7, ample, 1).detect(g);
        Communities.Result together = new Communities(1.0, 8, 7, ample, 3).detect(g);

        // Then every start ran both times and the partitions are the same
        assertEquals(8, alone.randomStarts());
        assertEquals(8, together.randomStarts());
        assertArrayEquals(alone.community(), together.community());
        assertEquals(alone.modularity(), together.modularity(), 0);
    }

    @Test
    void shouldTreatTiesOfStrengthZeroAsNoTiesInCommunities() {
        // Given two pairs tied with strength 1, each of one pair tied to each of the other with strength 0, and f alone
        PeopleGraph.Builder b = new PeopleGraph.Builder();
        for (String p : new String[] {"a", "b", "c", "d", "f"}) {
            b.person(p, true, true);
        }
        b.tie("a", "b", true, 1).tie("c", "d", true, 1);
        b.tie("a", "c", true, 0).tie("a", "d", true, 0).tie("b", "c", true, 0).tie("b", "d", true, 0);
        PeopleGraph g = b.build();

        // When communities are detected (the library failed on two ties of weight 0 from one community to another)
        Communities.Result r = new Communities(1.0, 5, 42).detect(g);

        // Then the pairs are two communities and f a third, with the modularity of the graph without those ties
        int[] c = r.community();
        assertEquals(3, r.count());
        assertEquals(c[g.indexOf("a")], c[g.indexOf("b")]);
        assertEquals(c[g.indexOf("c")], c[g.indexOf("d")]);
        assertTrue(c[g.indexOf("a")] != c[g.indexOf("c")]);
        assertEquals(0.5, r.modularity(), EXACT);
    }

    @Test
    void shouldStartNoNewRunNorIterationOnceTheBudgetIsSpentButAlwaysRunOneIteration() {
        // Given a budget of nothing, one thread, and the same start unbounded
        PeopleGraph g = karate();
        Communities.Result unbounded = new Communities(1.0, 1, 42, Duration.ofHours(1), 1).detect(g);

        // When five starts are asked for
        Communities.Result r = new Communities(1.0, 5, 42, Duration.ZERO, 1).detect(g);

        // Then one start ran one iteration, said it was cut short, and found no more than the unbounded start
        assertEquals(1, r.randomStarts());
        assertEquals(1, r.iterations());
        assertFalse(r.converged());
        assertTrue(unbounded.converged());
        assertTrue(unbounded.iterations() > 1, "karate needs more than one iteration: " + unbounded.iterations());
        assertTrue(r.modularity() <= unbounded.modularity() + 1e-12);
        assertTrue(r.modularity() > 0.3, "one iteration already finds communities: " + r.modularity());
    }

    @Test
    void shouldRefuseBadArgumentsNamingThem() {
        IllegalArgumentException exactUpTo = assertThrows(IllegalArgumentException.class,
                () -> new Betweenness(-1, 10, 1));
        assertTrue(exactUpTo.getMessage().contains("exactUpTo"), exactUpTo.getMessage());
        IllegalArgumentException samples = assertThrows(IllegalArgumentException.class, () -> new Betweenness(0, 1, 1));
        assertTrue(samples.getMessage().contains("samples"), samples.getMessage());
        NullPointerException deadline = assertThrows(NullPointerException.class,
                () -> ALWAYS_EXACT.run(graph(1), null));
        assertEquals("deadline", deadline.getMessage());
    }
}
