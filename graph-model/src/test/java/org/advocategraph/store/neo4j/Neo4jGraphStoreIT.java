package org.advocategraph.store.neo4j;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.GraphStoreContract;

/** The storage contract against a real embedded Neo4j, reached through the driver over Bolt. */
class Neo4jGraphStoreIT extends GraphStoreContract {
    @RegisterExtension
    static final EmbeddedNeo4jExtension NEO4J = new EmbeddedNeo4jExtension();

    @Override
    protected GraphStore newEmptyStore() {
        return NEO4J.emptyStore();
    }
}
