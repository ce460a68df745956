package org.advocategraph.tools.evaluate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a replay sets to the instant being replayed, so that a matcher measures "how long ago" from then rather
 * than from today. Starts at the epoch; used by one thread.
 */
final class ReplayClock extends Clock {
    private Instant now = Instant.EPOCH;

    /** @param now the instant the clock reads from now on */
    void set(Instant now) {
        this.now = Objects.requireNonNull(now, "now");
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a replay clock reads UTC only");
    }
}
