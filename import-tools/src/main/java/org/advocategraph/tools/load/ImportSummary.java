package org.advocategraph.tools.load;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param rowsPerFile   rows read per file name
 * @param rows          rows read in all
 * @param nodes         nodes written
 * @param relationships relationships written
 * @param skipped       relationships not written because an endpoint was missing (listed in {@code skippedExamples})
 * @param skippedExamples some of the skipped relationships
 * @param errors        problems found, as {@code file:line: column: reason}; non-empty means nothing was written
 * @param rejectedRows  rows that failed validation
 * @param seconds       wall time
 * @param dryRun        true when nothing was meant to be written
 */
public record ImportSummary(Map<String, Long> rowsPerFile, long rows, long nodes, long relationships, long skipped,
                            List<String> skippedExamples, List<String> errors, long rejectedRows, double seconds,
                            boolean dryRun) {
    public ImportSummary {
        rowsPerFile = Map.copyOf(rowsPerFile);
        skippedExamples = List.copyOf(skippedExamples);
        errors = List.copyOf(errors);
    }

    /** @return rows per second over the whole import */
    public double rowsPerSecond() {
        return seconds <= 0 ? rows : rows / seconds;
    }

    /** @return true when the files were valid */
    public boolean ok() {
        return errors.isEmpty();
    }
}
