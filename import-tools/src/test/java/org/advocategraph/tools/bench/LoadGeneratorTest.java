package org.advocategraph.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private static final List<JsonNode> REQUESTS = List.of(IntNode.valueOf(0), IntNode.valueOf(1));
    private static final Duration DEADLINE = Duration.ofMillis(100);

    @Test
    void shouldCountRequestsPastTheirDeadlineAsTimedOutAndLeaveThemOutOfThroughput() throws Exception {
        // Given a peer that answers request 0 at once and reports request 1 as past its deadline
        LoadGenerator.Target target = (request, timeout) -> {
            if (request.asInt() == 1) {
                throw new TimeoutException("late");
            }
        };

        // When 20 requests are sent open-loop over a second
        LoadGenerator.Measurement m = LoadGenerator.openLoop("peer", target, REQUESTS, 20, 1, 4, DEADLINE);

        // Then half timed out, none failed otherwise, the worst latency is the deadline, and only answers count
        assertEquals(20, m.requests());
        assertEquals(10, m.timeouts());
        assertEquals(0, m.errors());
        assertEquals(100.0, m.max(), 1e-9);
        assertEquals(10 / m.seconds(), m.throughput(), 1e-9);
    }

    @Test
    void shouldAbandonRequestsThatCouldNotStartBeforeTheirDeadlineInsteadOfRunningABacklog() throws Exception {
        // Given a peer that does not answer for half a second whatever its deadline, with one thread to send from
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch never = new CountDownLatch(1);
        LoadGenerator.Target slow = (request, timeout) -> {
            sent.incrementAndGet();
            never.await(500, TimeUnit.MILLISECONDS);
        };

        // When 20 requests are due over a second
        long t0 = System.nanoTime();
        LoadGenerator.Measurement m = LoadGenerator.openLoop("slow", slow, REQUESTS, 20, 1, 1, DEADLINE);
        double took = (System.nanoTime() - t0) / 1e9;

        // Then only the few the thread got to were sent, the rest timed out unsent, and the phase did not wait for
        // a backlog of 20 x 0.5 s
        assertTrue(sent.get() <= 4, "sent " + sent.get());
        assertEquals(20, m.timeouts() + sent.get());
        assertTrue(took < 4, "took " + took + " s");
    }

    @Test
    void shouldCountFailuresApartFromTimeoutsInTheClosedLoop() throws Exception {
        // Given a peer that fails request 1
        LoadGenerator.Target failing = (request, timeout) -> {
            if (request.asInt() == 1) {
                throw new IOException("HTTP 500");
            }
        };

        // When two workers keep requests in flight for a second
        LoadGenerator.Measurement m = LoadGenerator.closedLoop("failing", failing, REQUESTS, 1, 2, DEADLINE);

        // Then about half failed, none timed out, and the failures do not count as throughput
        assertTrue(m.requests() > 100, "requests " + m.requests());
        assertEquals(0, m.timeouts());
        assertTrue(Math.abs(m.errors() - m.requests() / 2.0) <= 2, m.errors() + " of " + m.requests());
        assertEquals((m.requests() - m.errors()) / m.seconds(), m.throughput(), 1e-9);
    }
}
