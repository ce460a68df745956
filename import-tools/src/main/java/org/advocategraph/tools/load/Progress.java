package org.advocategraph.tools.load;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows how far an import is: a bar redrawn in place on a terminal, a plain line every few seconds otherwise
 * (logs, CI). Thread-safe: writers add rows as they commit them.
 */
final class Progress {
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;
    private static final long BAR_EVERY_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final java.util.function.Consumer<String> lines;
    private final boolean terminal;
    private final long total;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastShown;
    private volatile String file = "";

    /**
     * @param terminal where to draw a bar in place, or null to hand plain lines to {@code lines} instead
     * @param lines    receives a plain progress line every few seconds when there is no terminal
     * @param total    rows expected
     */
    Progress(PrintStream terminal, java.util.function.Consumer<String> lines, long total) {
        this.out = terminal;
        this.lines = lines;
        this.terminal = terminal != null;
        this.total = Math.max(1, total);
    }

    void file(String name) {
        file = name;
    }

    void add(long rows) {
        long now = System.nanoTime();
        long d = done.addAndGet(rows);
        if (now - lastShown < (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            return;
        }
        synchronized (this) {
            if (now - lastShown < (terminal ? BAR_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
                return;
            }
            lastShown = now;
            show(d, now);
        }
    }

    /** Ends the bar's line on a terminal. */
    synchronized void finish() {
        if (terminal) {
            show(done.get(), System.nanoTime());
            out.println();
        }
    }

    private void show(long d, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        double rate = d / seconds;
        double share = Math.min(1.0, (double) d / total);
        long eta = rate > 0 ? Math.round((total - d) / rate) : 0;
        if (terminal) {
            int filled = (int) Math.round(share * WIDTH);
            out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %,d/%,d rows %,.0f rows/s ETA %ds %-24s",
                    "=".repeat(filled), " ".repeat(WIDTH - filled), share * 100, d, total, rate, eta, file);
            out.flush();
        } else {
            lines.accept(String.format(Locale.ROOT, "  %3.0f%% %,d of %,d rows, %,.0f rows/s, %s", share * 100, d, total, rate, file));
        }
    }
}
