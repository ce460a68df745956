package org.advocategraph.tools.export;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param nodes       nodes written: rows of the node files of the import format, or nodes of the network
 * @param edges       relationships written: rows of the relationship files, or edges of the network
 * @param rowsPerFile data rows (header not counted) per file name of the import format, in
 *                    {@link org.advocategraph.tools.format.ImportFile} order; empty for a network export
 * @param elapsed     wall-clock time the export took
 */
public record ExportSummary(long nodes, long edges, Map<String, Long> rowsPerFile, Duration elapsed) {
    public ExportSummary {
        if (nodes < 0 || edges < 0) {
            throw new IllegalArgumentException("counts must not be negative, were " + nodes + " and " + edges);
        }
        Objects.requireNonNull(elapsed, "elapsed");
        // Unmodifiable, in the order given: the files are listed in the order an import reads them.
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(rowsPerFile, "rowsPerFile")));
    }
}
