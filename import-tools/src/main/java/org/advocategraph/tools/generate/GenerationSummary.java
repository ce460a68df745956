package org.advocategraph.tools.generate;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DatasetGenerator} run wrote.
 *
 * @param rowsPerFile data rows (header not counted) per file name, in the order the import reads the files
 * @param totalRows   sum of the data rows of all files
 * @param elapsed     wall-clock time the run took (reported only; it never influences the data)
 */
public record GenerationSummary(Map<String, Long> rowsPerFile, long totalRows, Duration elapsed) {
    public GenerationSummary {
        Objects.requireNonNull(rowsPerFile, "rowsPerFile");
        Objects.requireNonNull(elapsed, "elapsed");
        if (totalRows < 0) {
            throw new IllegalArgumentException("totalRows: must not be negative, was " + totalRows);
        }
        // Map.copyOf would lose the file order, which is the order an import processes them.
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    /**
     * @param fileName a file name such as {@code ties.csv}
     * @return its data rows, 0 when the file is unknown
     */
    public long rows(String fileName) {
        return rowsPerFile.getOrDefault(fileName, 0L);
    }
}
