package org.advocategraph.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.advocategraph.model.GraphElement;
import org.advocategraph.tools.format.CsvWriter;
import org.advocategraph.tools.format.ImportFile;

/** One open CSV writer per import file, each with its header written, counting the data rows. */
final class Sinks implements AutoCloseable {
    private static final int BUFFER_CHARS = 1 << 16;

    private final CsvWriter[] writers;
    private final long[] rows;

    private Sinks(CsvWriter[] writers) {
        this.writers = writers;
        this.rows = new long[writers.length];
    }

    static Sinks open(Path dir) {
        ImportFile[] files = ImportFile.values();
        CsvWriter[] writers = new CsvWriter[files.length];
        var sinks = new Sinks(writers);
        try {
            for (ImportFile f : files) {
                var out = new BufferedWriter(new OutputStreamWriter(
                        Files.newOutputStream(dir.resolve(f.fileName())), StandardCharsets.UTF_8), BUFFER_CHARS);
                writers[f.ordinal()] = new CsvWriter(out);
                writers[f.ordinal()].write(f.columns());
            }
        } catch (IOException e) {
            sinks.closeQuietly(e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            sinks.closeQuietly(e);
            throw e;
        }
        return sinks;
    }

    void write(ImportFile file, GraphElement element) {
        writers[file.ordinal()].write(file.format(element));
        rows[file.ordinal()]++;
    }

    long rows(ImportFile file) {
        return rows[file.ordinal()];
    }

    /** @return data rows per file name, in {@link ImportFile} order */
    Map<String, Long> rowsPerFile() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ImportFile f : ImportFile.values()) {
            m.put(f.fileName(), rows[f.ordinal()]);
        }
        return m;
    }

    private void closeQuietly(Exception cause) {
        for (CsvWriter w : writers) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    }

    @Override
    public void close() {
        IOException first = null;
        for (CsvWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }
}
