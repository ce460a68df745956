package org.advocategraph.tools.connect;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Tie;
import org.advocategraph.tools.format.CsvWriter;
import org.advocategraph.tools.format.FormatException;
import org.advocategraph.tools.format.ImportFile;

/**
 * Writes one CSV per {@link ImportFile} into a folder, header first, rows through {@link ImportFile#format}.
 *
 * <p>Files are written under temporary names and moved into place only by {@link #commit()}, so that a failed
 * conversion never leaves a half-written folder that an import would load. Every import file is written, empty
 * ones with just their header, so that files of an earlier conversion in the same folder are replaced rather
 * than mixed in.
 *
 * <p>It also refuses a second row with the key of an earlier one (and a person id used by both an employee and a
 * customer): the importer rejects those, and the connectors promise files it accepts. Such a refusal is a bug in
 * a connector, hence an {@link IllegalStateException}, not a {@link FormatException}.
 */
final class ImportFolderWriter implements AutoCloseable {
    private static final int BUFFER_CHARS = 1 << 16;
    private static final String PARTIAL = ".partial";

    private final Path dir;
    private final ImportFile[] files = ImportFile.values();
    private final CsvWriter[] writers = new CsvWriter[files.length];
    private final Path[] temporary = new Path[files.length];
    private final long[] rows = new long[files.length];
    private final List<Set<String>> keys = new ArrayList<>();
    private final Set<String> personIds = new HashSet<>();
    private boolean committed;

    private ImportFolderWriter(Path dir) {
        this.dir = dir;
        for (int i = 0; i < files.length; i++) {
            keys.add(new HashSet<>());
        }
    }

    /**
     * @param dir the folder; created when missing
     * @throws FormatException when the folder holds a gzipped import file, which the importer would read
     *                         beside (and in conflict with) the plain one written here
     */
    static ImportFolderWriter open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FormatException(dir.toString(), 0, null, "cannot create the output folder: " + e.getMessage());
        }
        for (ImportFile f : ImportFile.values()) {
            Path gz = dir.resolve(f.fileName() + ".gz");
            if (Files.exists(gz)) {
                throw new FormatException(gz.toString(), 0, null, "the output folder already holds " + gz.getFileName()
                        + "; convert into an empty folder");
            }
        }
        ImportFolderWriter w = new ImportFolderWriter(dir);
        try {
            for (ImportFile f : w.files) {
                Path tmp = dir.resolve("." + f.fileName() + PARTIAL);
                w.temporary[f.ordinal()] = tmp;
                w.writers[f.ordinal()] = new CsvWriter(new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(tmp), StandardCharsets.UTF_8), BUFFER_CHARS));
                w.writers[f.ordinal()].write(f.columns());
            }
        } catch (IOException e) {
            w.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
        return w;
    }

    /** Writes an element into the file of its type. */
    void write(GraphElement element) {
        ImportFile file = ImportFile.of(element.getClass());
        if (!keys.get(file.ordinal()).add(key(element))) {
            throw new IllegalStateException("connector bug: a second " + file.fileName() + " row with the key of an "
                    + "earlier one: " + element);
        }
        if ((element instanceof Employee || element instanceof Customer) && !personIds.add(((GraphNode) element).id())) {
            throw new IllegalStateException("connector bug: person id used by an employee and a customer: " + element);
        }
        writers[file.ordinal()].write(file.format(element));
        rows[file.ordinal()]++;
    }

    /** Closes the files and moves them to their final names. */
    void commit() {
        closeWriters();
        try {
            for (ImportFile f : files) {
                move(temporary[f.ordinal()], dir.resolve(f.fileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        committed = true;
    }

    /** @return data rows per file name, in {@link ImportFile} order */
    Map<String, Long> rowsPerFile() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ImportFile f : files) {
            m.put(f.fileName(), rows[f.ordinal()]);
        }
        return m;
    }

    /** Without a {@link #commit()}, deletes what was written. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        closeWriters();
        for (Path p : temporary) {
            if (p != null) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a leftover hidden .partial file is never read by the importer.
                }
            }
        }
    }

    private void closeWriters() {
        IOException first = null;
        for (int i = 0; i < writers.length; i++) {
            if (writers[i] == null) {
                continue;
            }
            try {
                writers[i].close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
            writers[i] = null;
        }
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The importer's natural key of a row: id, endpoints plus kind for ties, endpoints for the others. */
    static String key(GraphElement e) {
        if (e instanceof GraphNode) {
            return ((GraphNode) e).id();
        } else if (e instanceof Tie) {
            Tie t = (Tie) e;
            return t.fromId() + '\u0000' + t.toId() + '\u0000' + t.kind();
        } else if (e instanceof Assignment) {
            return ((Assignment) e).id();
        }
        List<String> fields = ImportFile.of(e.getClass()).format(e);
        return fields.get(0) + '\u0000' + fields.get(1);
    }
}
