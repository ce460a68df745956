package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.TextFiles;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/** Loads converted folders with the real importer, and reads converted files back, for the connector tests. */
final class Imports {
    private Imports() {
    }

    /**
     * Validates the folder with a dry run, then imports it for real ({@link #load}).
     *
     * @return the loaded store; the caller closes it
     */
    static TinkerPopGraphStore validateAndLoad(Path dir) {
        try (TinkerPopGraphStore dry = TinkerPopGraphStore.inMemory()) {
            ImportSummary checked = new GraphImporter(dry, new ImportOptions(10_000, 50, true), line -> { })
                    .importDirectory(dir);
            assertEquals(List.of(), checked.errors(), "dry run of " + dir);
            assertTrue(checked.dryRun());
        }
        return load(dir);
    }

    /**
     * Imports the folder for real into a fresh in-memory TinkerGraph (the importer validates every row first and
     * writes nothing if one is wrong); it must report no error, and every relationship must find its endpoints.
     *
     * @return the loaded store; the caller closes it
     */
    static TinkerPopGraphStore load(Path dir) {
        TinkerPopGraphStore store = TinkerPopGraphStore.inMemory();
        ImportSummary loaded = new GraphImporter(store, new ImportOptions(10_000, 50, false), line -> { })
                .importDirectory(dir);
        assertEquals(List.of(), loaded.errors(), "import of " + dir);
        assertEquals(0, loaded.skipped(), "relationships without endpoints: " + loaded.skippedExamples());
        assertTrue(loaded.nodes() > 0, "nothing written from " + dir);
        return store;
    }

    /** @return the data rows of a converted file, each as column name to value */
    static List<Map<String, String>> rows(Path file) {
        List<Map<String, String>> out = new ArrayList<>();
        try (CsvReader reader = new CsvReader(TextFiles.open(file), file.toString())) {
            List<String> header = reader.next().fields();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                Map<String, String> m = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    m.put(header.get(i), row.fields().get(i));
                }
                out.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
