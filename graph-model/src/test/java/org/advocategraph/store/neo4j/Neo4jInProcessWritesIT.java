package org.advocategraph.store.neo4j;

import org.advocategraph.store.GraphStore;

/**
 * The storage contract against a real embedded Neo4j written through the in-process transaction API (the import
 * path) and read through the driver: proves it writes what the Cypher statements write.
 */
class Neo4jInProcessWritesIT extends Neo4jGraphStoreIT {
    @Override
    protected GraphStore newEmptyStore() {
        return NEO4J.emptyStoreWritingInProcess();
    }
}
