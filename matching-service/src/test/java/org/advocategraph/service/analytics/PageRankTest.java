package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PageRankTest {
    private static final PageRank EXACT = new PageRank(PageRank.DEFAULT_DAMPING, 1e-13, 1000);

    @Test
    void shouldMatchTheClosedFormOnAStar() {
        // Three followers of a hub who follows nobody, so the hub's rank teleports uniformly. With leaves l and hub h:
        // h = (1 - d)/4 + d * 3l + d * h/4 and 3l + h = 1, so h = ((1 - d)/4 + d) / (1 + d - d/4).
        PeopleGraph g = new PeopleGraph.Builder().person("h", true, true).person("x", false, false)
                .person("y", false, false).person("z", false, false)
                .tie("x", "h", false, 1).tie("y", "h", false, 1).tie("z", "h", false, 1).build();
        double d = PageRank.DEFAULT_DAMPING;
        double h = ((1 - d) / 4 + d) / (1 + d - d / 4);
        double[] r = EXACT.run(g).scores();
        assertEquals(h, r[g.indexOf("h")], 1e-12);
        assertEquals((1 - h) / 3, r[g.indexOf("x")], 1e-12);
        assertEquals(1.0, Arrays.stream(r).sum(), 1e-12);
    }

    @Test
    void shouldSplitAttentionByStrength() {
        // a attends to b at 0.75 and to c at 0.25: b gets three times c's share of a's rank.
        PeopleGraph g = new PeopleGraph.Builder().person("a", true, true).person("b", true, true).person("c", true, true)
                .tie("a", "b", false, 0.75).tie("a", "c", false, 0.25).build();
        PageRank.Result r = EXACT.run(g);
        assertTrue(r.converged());
        double d = PageRank.DEFAULT_DAMPING;
        double[] s = r.scores();
        double b = s[g.indexOf("b")];
        double c = s[g.indexOf("c")];
        // What b and c have alike: the teleport, and the dangling rank of b and c spread over everyone.
        double alike = (1 - d) / 3 + d * (b + c) / 3;
        assertEquals(3.0, (b - alike) / (c - alike), 1e-9);
        assertEquals(d * s[g.indexOf("a")] * 0.75, b - alike, 1e-12);
    }

    @Test
    void shouldTeleportOnlyToTheSeedsWhenPersonalized() {
        PeopleGraph g = new PeopleGraph.Builder().person("a", true, true).person("b", true, true)
                .person("c", true, true).person("d", true, true)
                .tie("a", "b", true, 1).tie("c", "d", true, 1).build();
        double[] r = EXACT.personalized(g, new int[] {g.indexOf("a")}).scores();
        assertEquals(0.0, r[g.indexOf("c")], 1e-15, "c is unreachable from the seed");
        assertEquals(0.0, r[g.indexOf("d")], 1e-15);
        assertTrue(r[g.indexOf("a")] > r[g.indexOf("b")]);
        assertEquals(1.0, r[g.indexOf("a")] + r[g.indexOf("b")], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> EXACT.personalized(g, new int[0]));
    }

    @Test
    void shouldReportWhenItRanOutOfIterations() {
        PeopleGraph g = PeopleGraphTest.small();
        PageRank.Result once = new PageRank(0.85, 1e-15, 1).run(g);
        assertEquals(1, once.iterations());
        assertTrue(!once.converged() && once.change() > 0);
        assertEquals(0, EXACT.run(new PeopleGraph.Builder().build()).scores().length);
    }
}
