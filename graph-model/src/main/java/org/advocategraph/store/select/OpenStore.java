package org.advocategraph.store.select;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * A graph store opened from {@link StoreSettings}, together with whatever must be stopped with it (the
 * embedded database). Closing it closes the store, then stops the embedded database.
 */
public final class OpenStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenStore.class);

    private final GraphStore store;
    private final EmbeddedNeo4j embedded;
    private final StoreSettings.Kind kind;

    private OpenStore(GraphStore store, EmbeddedNeo4j embedded, StoreSettings.Kind kind) {
        this.store = store;
        this.embedded = embedded;
        this.kind = kind;
    }

    /**
     * Opens the selected store and makes sure its schema exists. An embedded database is scanned through Neo4j's
     * in-process transaction API ({@link Neo4jGraphStore#connectReadingInProcess}): the service's start-up load and
     * its analytics projection read the whole graph that way.
     *
     * @param settings which store
     * @return the open store
     * @throws StoreException naming the URI or folder when the store cannot be opened; nothing is left running
     */
    public static OpenStore open(StoreSettings settings) {
        return open(settings, false);
    }

    /**
     * Opens the selected store for an import: like {@link #open}, but an embedded database is written through
     * Neo4j's in-process transaction API ({@link Neo4jGraphStore#connectWritingInProcess}), several times faster
     * than Cypher over Bolt and the same graph. Other stores are opened as usual.
     *
     * @param settings which store
     * @return the open store
     * @throws StoreException naming the URI or folder when the store cannot be opened; nothing is left running
     */
    public static OpenStore openForImport(StoreSettings settings) {
        return open(settings, true);
    }

    private static OpenStore open(StoreSettings settings, boolean inProcessWrites) {
        switch (settings.kind()) {
            case TINKERGRAPH -> {
                GraphStore store = TinkerPopGraphStore.inMemory();
                store.ensureSchema();
                return new OpenStore(store, null, settings.kind());
            }
            case GREMLIN -> {
                return new OpenStore(withSchema(TinkerPopGraphStore.remote(settings.gremlin())), null, settings.kind());
            }
            case JANUSGRAPH -> {
                TinkerPopGraphStore store = settings.janusGraphProperties().map(TinkerPopGraphStore::janusGraph)
                        .orElseGet(TinkerPopGraphStore::janusGraphInMemory);
                return new OpenStore(withSchema(store), null, settings.kind());
            }
            case NEO4J -> {
                return new OpenStore(withSchema(Neo4jGraphStore.connect(settings.neo4j())), null, settings.kind());
            }
            default -> {
                EmbeddedNeo4j embedded = EmbeddedNeo4j.start(settings.dataDir(), settings.boltPort());
                try {
                    Neo4jGraphStore store = inProcessWrites
                            ? Neo4jGraphStore.connectWritingInProcess(embedded)
                            : Neo4jGraphStore.connectReadingInProcess(embedded);
                    return new OpenStore(withSchema(store), embedded, settings.kind());
                } catch (RuntimeException e) {
                    embedded.close();
                    throw e;
                }
            }
        }
    }

    private static <S extends GraphStore> S withSchema(S store) {
        try {
            store.ensureSchema();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** @return the store */
    public GraphStore store() {
        return store;
    }

    /** @return which kind of store this is */
    public StoreSettings.Kind kind() {
        return kind;
    }

    /** @return the embedded database, when this store runs one */
    public java.util.Optional<EmbeddedNeo4j> embedded() {
        return java.util.Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        try {
            store.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            LOG.warn("Closing the store failed: {}", failures.get(0).getMessage());
        }
    }
}
