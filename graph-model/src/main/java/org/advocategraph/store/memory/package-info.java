/**
 * An in-memory read model of the graph: {@link org.advocategraph.store.memory.CachedGraphStore} wraps any store,
 * serves the service's reads from memory and writes through.
 */
package org.advocategraph.store.memory;
