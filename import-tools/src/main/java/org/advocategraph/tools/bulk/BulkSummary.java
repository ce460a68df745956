package org.advocategraph.tools.bulk;

import java.util.List;

/**
 * What a bulk import did.
 *
 * @param nodes         nodes written
 * @param relationships relationships written, including the derived BELONGS_TO, AUTHORED and REPORTS_TO
 * @param seconds       wall time, validation included
 * @param errors        problems found in the files, as {@code file:line: column: reason}; non-empty means the
 *                      files failed validation and nothing was written
 */
public record BulkSummary(long nodes, long relationships, double seconds, List<String> errors) {
    public BulkSummary {
        if (nodes < 0 || relationships < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + nodes + " nodes, " + relationships
                    + " relationships");
        }
        errors = List.copyOf(errors);
    }

    /** @return true when the files were valid and the database was written */
    public boolean ok() {
        return errors.isEmpty();
    }

    /** @return relationships written per second of wall time */
    public double relationshipsPerSecond() {
        return seconds <= 0 ? relationships : relationships / seconds;
    }
}
