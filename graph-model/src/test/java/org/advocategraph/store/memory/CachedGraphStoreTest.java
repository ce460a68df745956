package org.advocategraph.store.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.advocategraph.model.Employee;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** The storage contract against the in-memory read model over TinkerGraph, plus what is its own: freshness. */
class CachedGraphStoreTest extends GraphStoreContract {
    @Override
    protected GraphStore newEmptyStore() {
        return new CachedGraphStore(TinkerPopGraphStore.inMemory());
    }

    private static Employee employee(String id) {
        return new Employee(id, "E " + id, "", "", "", List.of("en"), Set.of(), Set.of(), 2, true, true, null);
    }

    @Test
    void shouldLoadWhatTheStoreAlreadyHolds() {
        // Given a store with two employees and a tie, written before the read model existed
        TinkerPopGraphStore backing = TinkerPopGraphStore.inMemory();
        backing.upsert(List.of(employee("e1"), employee("e2"), new Tie("e1", "e2", TieKind.COLLEAGUE, 0.5, null)));

        // When the read model is built over it
        try (CachedGraphStore cached = new CachedGraphStore(backing)) {
            // Then it answers from what it loaded
            assertEquals(Optional.of(employee("e1")), cached.employee("e1"));
            assertEquals(1, cached.tiesOf(List.of("e2")).size());
            assertEquals(3, cached.freshness().orElseThrow().elements());
        }
    }

    @Test
    void shouldCountWritesSoThatTwoWritesInOneInstantStillChangeTheFreshness() {
        try (CachedGraphStore cached = new CachedGraphStore(TinkerPopGraphStore.inMemory())) {
            assertEquals(0, cached.freshness().orElseThrow().writes());
            cached.upsert(List.of(employee("e1")));
            var first = cached.freshness().orElseThrow();
            cached.upsert(List.of(employee("e2")));
            var second = cached.freshness().orElseThrow();
            assertEquals(1, first.writes());
            assertEquals(2, second.writes());
            assertFalse(first.equals(second), "each write is a new freshness, whatever the clock says");
        }
    }

    @Test
    void shouldReloadWhenAnotherWriterChangedTheStore() {
        // Given a read model over a store
        TinkerPopGraphStore backing = TinkerPopGraphStore.inMemory();
        try (CachedGraphStore cached = new CachedGraphStore(backing)) {
            cached.upsert(List.of(employee("e1")));
            assertFalse(cached.refreshIfChanged(), "its own writes keep it current");

            // When someone writes to the store directly
            backing.upsert(List.of(employee("e2")));
            assertEquals(Optional.empty(), cached.employee("e2"));

            // Then a refresh finds the change and reloads
            assertTrue(cached.refreshIfChanged());
            assertEquals(Optional.of(employee("e2")), cached.employee("e2"));
            assertFalse(cached.refreshIfChanged());
        }
    }

    @Test
    void shouldCountTheStoreOnlyWhenItsChangeTokenMovedOrAtEveryTenthCheck() {
        // Given a read model over a store that keeps a change token, with the store's counts watched
        TinkerPopGraphStore backing = TinkerPopGraphStore.inMemory();
        AtomicInteger counted = new AtomicInteger();
        GraphStore watched = (GraphStore) Proxy.newProxyInstance(GraphStore.class.getClassLoader(),
                new Class<?>[] {GraphStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("counts")) {
                        counted.incrementAndGet();
                    }
                    try {
                        return method.invoke(backing, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        try (CachedGraphStore cached = new CachedGraphStore(watched)) {
            cached.upsert(List.of(employee("e1")));
            assertFalse(cached.refreshIfChanged(), "its own write moved the token; the counts agree");
            int afterFirst = counted.get();

            // When nothing is written, Then the next checks read the token only, until the tenth
            for (int check = 2; check < CachedGraphStore.FULL_CHECK_EVERY; check++) {
                assertFalse(cached.refreshIfChanged());
            }
            assertEquals(afterFirst, counted.get(), "checks with an unmoved token count nothing");
            assertFalse(cached.refreshIfChanged());
            assertEquals(afterFirst + 1, counted.get(), "the tenth check counts anyway");

            // When another writer writes, Then the next check sees the token move and reloads
            backing.upsert(List.of(employee("e2")));
            assertTrue(cached.refreshIfChanged());
            assertEquals(Optional.of(employee("e2")), cached.employee("e2"));
        }
    }
}
