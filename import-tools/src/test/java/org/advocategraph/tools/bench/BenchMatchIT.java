package org.advocategraph.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.advocategraph.tools.cli.Cli;
import org.junit.jupiter.api.Test;

/** {@code advocates bench match} end to end on a small generated graph: both peers measured, ratios printed. */
class BenchMatchIT {

    @Test
    void shouldMeasureBothPeersSideBySideAndReportTheRatios() {
        // When the benchmark runs on 300 generated people, a second a phase
        Cli cli = Cli.run("bench", "match", "--people", "300", "--seconds", "1", "--rate", "20", "--workers", "2");

        // Then it succeeds, with the four measurements and the two ratios, and every service request answered
        assertEquals(0, cli.code(), cli.err());
        String out = cli.out();
        Matcher ours = Pattern.compile("advocates +open-loop 20/s +([\\d,]+) req +(\\d+) err +(\\d+) timed out").matcher(out);
        assertTrue(ours.find(), out);
        assertEquals("20", ours.group(1));
        assertEquals("0", ours.group(2));
        assertEquals("0", ours.group(3));
        assertTrue(out.contains("advocates     closed-loop 2 workers"), out);
        assertTrue(out.contains("naive-cypher  open-loop 20/s"), out);
        assertTrue(out.contains("naive-cypher  closed-loop 2 workers"), out);
        assertTrue(Pattern.compile("throughput: advocates [\\d.]+ req/s, naive [\\d.]+ req/s \\(advocates / naive [\\d.]+x\\)")
                .matcher(out).find(), out);
        assertTrue(out.contains("p99 at the fixed rate: advocates"), out);
    }
}
