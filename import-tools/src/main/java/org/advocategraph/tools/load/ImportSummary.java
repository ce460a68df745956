package org.advocategraph.tools.load;

import java.util.List;
import java.util.Map;

import org.advocategraph.store.UpsertResult;

/**
 * What an import did.
 *
 * @param rowsPerFile   rows read per file name
 * @param rows          rows read in all
 * @param written       what was written: nodes and relationships, how many of them new, and the relationships
 *                      skipped because an endpoint was missing
 * @param errors        problems found, as {@code file:line: column: reason}; non-empty means nothing was written
 * @param rejectedRows  rows that failed validation
 * @param seconds       wall time
 * @param dryRun        true when nothing was meant to be written
 */
public record ImportSummary(Map<String, Long> rowsPerFile, long rows, UpsertResult written, List<String> errors,
                            long rejectedRows, double seconds, boolean dryRun) {
    public ImportSummary {
        rowsPerFile = Map.copyOf(rowsPerFile);
        errors = List.copyOf(errors);
    }

    /** @return nodes written (created or updated) */
    public long nodes() {
        return written.nodes();
    }

    /** @return relationships written (created or updated) */
    public long relationships() {
        return written.relationships();
    }

    /** @return relationships not written because an endpoint was missing */
    public long skipped() {
        return written.skippedCount();
    }

    /** @return some of the skipped relationships */
    public List<String> skippedExamples() {
        return written.skipped();
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
