package org.advocategraph.tools.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.advocategraph.model.GraphElement;
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RowParser;

/** Reads a generated dataset back through the import format, as an import would. */
final class Datasets {
    private Datasets() {
    }

    static Map<ImportFile, List<GraphElement>> read(Path dir) {
        Map<ImportFile, List<GraphElement>> all = new EnumMap<>(ImportFile.class);
        for (ImportFile f : ImportFile.values()) {
            all.put(f, read(dir, f));
        }
        return all;
    }

    static List<GraphElement> read(Path dir, ImportFile f) {
        try (var reader = new CsvReader(Files.newBufferedReader(dir.resolve(f.fileName()), StandardCharsets.UTF_8), f.fileName())) {
            CsvReader.Row header = reader.next();
            RowParser parser = f.header(f.fileName(), header.line(), header.fields());
            List<GraphElement> out = new ArrayList<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                out.add(parser.parse(row.line(), row.fields()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends GraphElement> List<T> of(Map<ImportFile, List<GraphElement>> all, Class<T> type) {
        return (List<T>) (List<?>) all.get(ImportFile.of(type));
    }
}
