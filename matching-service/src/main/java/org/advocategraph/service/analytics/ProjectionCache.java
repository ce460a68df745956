package org.advocategraph.service.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.advocategraph.store.Freshness;
import org.advocategraph.store.GraphStore;

/**
 * Keeps the {@link PeopleGraph} of a store current for the analytics, and says how current in every answer.
 *
 * <p>When the store reads from an in-memory copy ({@link GraphStore#freshness()}), the projection is rebuilt
 * before the next answer as soon as the copy was reloaded or written through since the projection was built: an
 * answer never comes from a projection older than the last write the service saw. Over a store without such a
 * copy, which cannot tell about writes, the projection is rebuilt when older than {@code maxAge}; the answer
 * says which rule applied. Rebuilding is synchronized: concurrent requests wait for one rebuild and share it.
 */
public final class ProjectionCache {
    /**
     * One projection and what it was built from.
     *
     * @param graph        the projection
     * @param builtAt      when the build started
     * @param buildSeconds how long it took
     * @param basis        the in-memory copy's freshness it was built from, or null over a store without one
     */
    public record Snapshot(PeopleGraph graph, Instant builtAt, double buildSeconds, Freshness basis) {
    }

    private final GraphStore store;
    private final Duration maxAge;
    private final Clock clock;
    private Snapshot current;

    /**
     * @param store  the store to project
     * @param maxAge the oldest a projection may be over a store that cannot tell about writes
     * @param clock  the time ages are measured with
     */
    public ProjectionCache(GraphStore store, Duration maxAge, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A projection as current as the rules above make it, and a description of it for the answer.
     *
     * @param snapshot the projection
     * @param rebuilt  true when this call rebuilt it
     */
    public record Current(Snapshot snapshot, boolean rebuilt, Map<String, Object> description) {
        /** @return the projection */
        public PeopleGraph graph() {
            return snapshot.graph();
        }
    }

    /** @return the projection, rebuilt first when stale */
    public synchronized Current current() {
        // The copy's freshness counts the writes through it and changes with each reload: equal means nothing new.
        Optional<Freshness> freshness = store.freshness();
        Instant now = clock.instant();
        boolean stale = current == null
                || (freshness.isPresent() ? !freshness.get().equals(current.basis())
                : Duration.between(current.builtAt(), now).compareTo(maxAge) > 0);
        if (stale) {
            long started = System.nanoTime();
            PeopleGraph graph = ProjectionLoader.load(store);
            current = new Snapshot(graph, now, (System.nanoTime() - started) / 1e9, freshness.orElse(null));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("builtAt", current.builtAt().toString());
        d.put("ageSeconds", Math.max(0, Duration.between(current.builtAt(), clock.instant()).toSeconds()));
        d.put("buildSeconds", Math.round(current.buildSeconds() * 1000) / 1000.0);
        d.put("rebuiltForThisAnswer", stale);
        d.put("people", current.graph().size());
        d.put("tiedPairs", current.graph().pairs());
        d.put("currency", freshness.isPresent() ? "includes every write the service has seen"
                : "rebuilt when older than " + maxAge.toSeconds() + " s; writes by others since may be missing");
        return new Current(current, stale, d);
    }
}
