package org.advocategraph.store.neo4j;

import org.advocategraph.store.GraphStore;

/**
 * The storage contract against a real embedded Neo4j written through the driver and scanned through the
 * in-process transaction API (the service's embedded default): proves the in-process reader reads back exactly
 * what the Cypher scans read, in the same order.
 */
class Neo4jInProcessReadsIT extends Neo4jGraphStoreIT {
    @Override
    protected GraphStore newEmptyStore() {
        return NEO4J.emptyStoreReadingInProcess();
    }
}
