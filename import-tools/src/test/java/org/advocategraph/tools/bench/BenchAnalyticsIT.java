package org.advocategraph.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocategraph.tools.cli.Cli;
import org.junit.jupiter.api.Test;

/**
 * {@code advocates bench analytics} end to end on a small generated graph: GDS registered in the embedded database,
 * every row of the table printed with its peer, and the answers agree.
 */
class BenchAnalyticsIT {

    @Test
    void shouldMeasureOursAndGdsSideBySideAndFindTheSameReach() {
        // When the benchmark runs on 2,000 generated people imported online, one warm repeat, reads compared too
        Cli cli = Cli.run("bench", "analytics", "--people", "2000", "--repeat", "1", "--online", "--store-load");

        // Then it succeeds and prints every row of the table, each with a ratio and its peer named
        assertEquals(0, cli.code(), cli.err());
        String out = cli.out();
        for (String row : List.of("projection load, s", "projection load, relationships/s",
                "projection adjacency, bytes/relationship", "PageRank cold (load + first run + top 10), s",
                "PageRank warm (top 10), s", "communities cold (load + first run), s", "communities warm, s",
                "communities modularity", "reach of 100 advocates, 1..3 hops, cold, s",
                "reach of 100 advocates, 1..3 hops, warm, s", "projection load, in-process reads vs Bolt, s",
                "start-up load of ")) {
            Matcher m = Pattern.compile(Pattern.quote(row) + "[\\d,]*(?: elements, s)? +[\\d.,]+ +[\\d.,]+ +[\\d.]+x +(ours|peer) +\\S").matcher(out);
            assertTrue(m.find(), "row " + row + " in\n" + out);
        }
        assertTrue(out.contains("gds.leiden.stream"), out);
        assertTrue(out.contains("gds.pageRank.stream"), out);

        // And the reach counts agree with the Cypher peer, and the PageRank top 10 overlap
        Matcher reach = Pattern.compile("agree: reach of [\\d,]+ advocates, 1\\.\\.3 hops: ours ([\\d,]+) people, Cypher ([\\d,]+) people: counts agree")
                .matcher(out);
        assertTrue(reach.find(), out);
        assertEquals(reach.group(1), reach.group(2));
        assertFalse(out.contains("DIFFER"), out);
        Matcher overlap = Pattern.compile("PageRank top-10 overlap (\\d+)/10").matcher(out);
        assertTrue(overlap.find(), out);
        assertTrue(Integer.parseInt(overlap.group(1)) >= 5, out);
        Matcher q = Pattern.compile("modularity ours (0\\.\\d+) .*GDS (0\\.\\d+)").matcher(out);
        assertTrue(q.find(), out);
        assertTrue(Double.parseDouble(q.group(1)) > 0.1 && Double.parseDouble(q.group(2)) > 0.1, out);
    }
}
