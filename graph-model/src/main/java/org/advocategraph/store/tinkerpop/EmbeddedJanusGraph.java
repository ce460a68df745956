package org.advocategraph.store.tinkerpop;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.advocategraph.store.StoreException;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;

/** Opens a {@link TinkerPopGraphStore} on a JanusGraph in this process. */
final class EmbeddedJanusGraph {
    private EmbeddedJanusGraph() {
    }

    /**
     * @param properties the graph's configuration file, or null for a fresh graph in memory whose schema is strict
     *                   ({@code schema.default=none}: every key and label must be declared, as {@link JanusGraphSchema}
     *                   does)
     */
    static TinkerPopGraphStore open(Path properties) {
        String where;
        JanusGraph graph;
        if (properties == null) {
            where = "janusgraph:inmemory";
            graph = JanusGraphFactory.build().set("storage.backend", "inmemory").set("schema.default", "none").open();
        } else {
            Path file = properties.toAbsolutePath().normalize();
            where = "janusgraph:" + file;
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new StoreException("cannot open " + where + ": no readable JanusGraph properties file there",
                        false, null);
            }
            where += " (" + backend(file) + ")";
            try {
                graph = JanusGraphFactory.open(file.toString());
            } catch (RuntimeException e) {
                // The file may hold storage credentials: the message names the file, never its content.
                throw new StoreException("cannot open " + where + ": " + RemoteGremlin.oneLine(e), true, e);
            }
        }
        String description = where;
        return new TinkerPopGraphStore(graph.traversal(), "janusgraph " + description.substring("janusgraph:".length()),
                TinkerPopGraphStore.Transactions.THREAD, Batching.LOCAL,
                () -> JanusGraphSchema.ensure(new EmbeddedManagement(graph), description), graph, true);
    }

    private static String backend(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("cannot read janusgraph:" + file + ": " + RemoteGremlin.oneLine(e), false, e);
        }
        return p.getProperty("storage.backend", "no storage.backend");
    }
}
