package org.advocategraph.service.api;

import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.neo4j.EmbeddedNeo4jExtension;

/** Erasing a person through the API, over a real embedded Neo4j reached through the driver (the default store). */
class ErasePersonNeo4jIT extends ErasePersonContract {
    @RegisterExtension
    static final EmbeddedNeo4jExtension NEO4J = new EmbeddedNeo4jExtension();

    @Override
    protected GraphStore newEmptyStore() {
        return NEO4J.emptyStore();
    }
}
