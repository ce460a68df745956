package org.advocategraph.tools.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds and opens import files by name: {@code employees.csv}, {@code employees.csv.gz},
 * {@code employees.jsonl}, {@code employees.jsonl.gz}, and so on.
 */
public final class RecordSources {
    /** The endings an import file may have, in the order they are looked for. */
    public static final List<String> ENDINGS = List.of(".csv", ".csv.gz", ".jsonl", ".jsonl.gz");

    private RecordSources() {
    }

    /**
     * @return the one file of this type in the folder, if any
     * @throws FormatException when the folder holds the same type in more than one form (whatever the encodings)
     */
    public static Optional<Path> find(Path dir, ImportFile type) {
        List<Path> found = new ArrayList<>();
        for (String ending : ENDINGS) {
            Path p = dir.resolve(type.baseName() + ending);
            if (Files.exists(p)) {
                found.add(p);
            }
        }
        if (found.size() > 1) {
            throw new FormatException(found.get(1).toString(), 0, null, "more than one file holds "
                    + type.baseName() + ": " + found.stream().map(p -> p.getFileName().toString()).toList() + "; keep one");
        }
        return found.stream().findFirst();
    }

    /**
     * @return a source of the file's records, CSV or JSON Lines by the file's ending
     * @throws FormatException when the file cannot be opened as an import file
     */
    public static RecordSource open(ImportFile type, Path path) {
        String name = path.getFileName().toString();
        try {
            if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
                return new JsonLinesRecordSource(type, path);
            }
            return new CsvRecordSource(type, path);
        } catch (IOException e) {
            throw new FormatException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }
}
