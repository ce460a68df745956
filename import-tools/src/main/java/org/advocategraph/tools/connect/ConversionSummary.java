package org.advocategraph.tools.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a connector wrote when it converted a third-party source into a folder of import files.
 *
 * @param rowsPerFile         data rows (header not counted) per file name, in the order the import reads the
 *                            files; every import file is listed, unused ones with 0
 * @param skippedInputRecords input records that could not be converted, for example a post without an owner,
 *                            a comment on a post that is not converted, a self loop or a non-positive weight;
 *                            records left out on purpose (cut by {@code until}, post types outside the model)
 *                            are not counted here but reported in {@code warnings}
 * @param warnings            one line per kind of problem or decision worth knowing, each naming the first
 *                            place it occurred and how often
 */
public record ConversionSummary(Map<String, Long> rowsPerFile, long skippedInputRecords, List<String> warnings) {
    public ConversionSummary {
        Objects.requireNonNull(rowsPerFile, "rowsPerFile");
        Objects.requireNonNull(warnings, "warnings");
        if (skippedInputRecords < 0) {
            throw new IllegalArgumentException("skippedInputRecords: must not be negative, was " + skippedInputRecords);
        }
        // Map.copyOf would lose the file order, which is the order an import processes them.
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
        warnings = List.copyOf(warnings);
    }
}
