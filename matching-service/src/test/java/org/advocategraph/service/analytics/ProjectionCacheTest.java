package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

class ProjectionCacheTest {
    private static Employee employee(String id) {
        return new Employee(id, id, "", "", "", List.of("en"), Set.of(), Set.of(Purpose.CARE), 5, true, true, null);
    }

    private static Customer customer(String id) {
        return new Customer(id, id, null, "", "", List.of(), List.of(), 0);
    }

    @Test
    void shouldRebuildAfterAWriteThroughTheServiceAndSaySo() {
        try (GraphStore store = new CachedGraphStore(TinkerPopGraphStore.inMemory())) {
            store.upsert(List.of(employee("e1"), customer("c1"), new Tie("c1", "e1", TieKind.FOLLOWS, 0.5, null)));
            ProjectionCache cache = new ProjectionCache(store, Duration.ofSeconds(60), java.time.Clock.systemUTC());

            ProjectionCache.Current first = cache.current();
            assertTrue(first.rebuilt());
            assertEquals(2, first.graph().size());
            assertEquals(true, first.description().get("rebuiltForThisAnswer"));

            ProjectionCache.Current again = cache.current();
            assertFalse(again.rebuilt(), "nothing was written: the same projection serves");
            assertSame(first.graph(), again.graph());

            store.upsert(List.of(employee("e2"), new Tie("e1", "e2", TieKind.COLLEAGUE, 1.0, null)));
            ProjectionCache.Current after = cache.current();
            assertTrue(after.rebuilt(), "a write went through the copy: the next answer must see it");
            assertEquals(3, after.graph().size());
            assertEquals(2L, after.graph().pairs());
            assertTrue(after.description().get("currency").toString().contains("every write"));
        }
    }

    @Test
    void shouldRebuildByAgeOverAStoreThatCannotTellAboutWrites() {
        try (GraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(List.of(employee("e1")));
            MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
            ProjectionCache cache = new ProjectionCache(store, Duration.ofSeconds(60), clock);
            assertTrue(cache.current().rebuilt());
            store.upsert(List.of(employee("e2")));
            clock.now = clock.now.plusSeconds(30);
            ProjectionCache.Current young = cache.current();
            assertFalse(young.rebuilt());
            assertEquals(1, young.graph().size(), "within its age the old projection serves, and says how old it is");
            assertEquals(30L, young.description().get("ageSeconds"));
            assertTrue(young.description().get("currency").toString().contains("60 s"));
            clock.now = clock.now.plusSeconds(31);
            ProjectionCache.Current old = cache.current();
            assertTrue(old.rebuilt());
            assertEquals(2, old.graph().size());
        }
    }

    private static final class MutableClock extends java.time.Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
