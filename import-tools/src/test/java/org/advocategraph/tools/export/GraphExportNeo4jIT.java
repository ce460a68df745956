package org.advocategraph.tools.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.store.GraphStore;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;

/** Exports of a real embedded Neo4j, reached over Bolt: the same bytes as TinkerGraph's, and a round trip. */
class GraphExportNeo4jIT {
    @TempDir
    static Path home;
    private static EmbeddedNeo4j database;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDatabase() {
        database = EmbeddedNeo4j.start(home.resolve("db"), 0);
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    private static Neo4jGraphStore emptyStore() {
        Neo4jGraphStore store = Neo4jGraphStore.connect(database.settings());
        store.ensureSchema();
        store.deleteAll();
        return store;
    }

    @Test
    void shouldExportTheSameBytesAsTinkerGraphAndReimportToTheSameGraph() throws IOException {
        // Given a generated dataset imported into Neo4j and into TinkerGraph
        Path generated = dir.resolve("generated");
        new DatasetGenerator(GeneratorSpec.of(5, 300)).writeTo(generated);
        try (Neo4jGraphStore neo4j = emptyStore(); GraphStore tinker = TinkerPopGraphStore.inMemory()) {
            GraphExporterTest.importInto(neo4j, generated);
            GraphExporterTest.importInto(tinker, generated);
            Map<String, Long> counts = neo4j.counts();
            assertEquals(tinker.counts(), counts);

            // When both are exported to the import format
            Path fromNeo4j = dir.resolve("neo4j");
            Path fromTinker = dir.resolve("tinker");
            ExportSummary summary = new GraphExporter(neo4j).toImportFormat(fromNeo4j);
            new GraphExporter(tinker).toImportFormat(fromTinker);

            // Then the files are byte for byte the same: both adapters scan in the same order, to equal records
            for (ImportFile f : ImportFile.values()) {
                assertEquals(-1L, Files.mismatch(fromNeo4j.resolve(f.fileName()), fromTinker.resolve(f.fileName())),
                        f.fileName());
            }

            // And the export, imported into an emptied Neo4j and exported again, gives the same graph and bytes
            neo4j.deleteAll();
            GraphExporterTest.importInto(neo4j, fromNeo4j);
            assertEquals(counts, neo4j.counts());
            Path again = dir.resolve("again");
            assertEquals(summary.rowsPerFile(), new GraphExporter(neo4j).toImportFormat(again).rowsPerFile());
            for (ImportFile f : ImportFile.values()) {
                assertEquals(-1L, Files.mismatch(fromNeo4j.resolve(f.fileName()), again.resolve(f.fileName())),
                        f.fileName());
            }

            // And the network exports hold every person, topic and edge of the store
            Networks.Network graphMl = Networks.graphMl(write(neo4j, "network.graphml"));
            Networks.Network gexf = Networks.gexf(write(neo4j, "network.gexf"));
            long nodes = counts.get("Employee") + counts.get("Customer") + counts.get("Topic");
            long edges = counts.get("CONNECTED_TO") + counts.get("EXPERT_IN") + counts.get("INTERESTED_IN");
            for (Networks.Network n : new Networks.Network[] {graphMl, gexf}) {
                assertEquals(nodes, n.nodes().size());
                assertEquals(edges, n.edges().size());
            }
        }
    }

    private Path write(GraphStore store, String name) {
        Path file = dir.resolve(name);
        GraphExporter exporter = new GraphExporter(store);
        if (name.endsWith(".gexf")) {
            exporter.toGexf(file, new ExportOptions(true));
        } else {
            exporter.toGraphMl(file, new ExportOptions(true));
        }
        return file;
    }
}
