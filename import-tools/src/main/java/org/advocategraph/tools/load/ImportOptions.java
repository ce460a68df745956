package org.advocategraph.tools.load;

/**
 * How an import runs.
 *
 * @param batchSize rows per write transaction
 * @param maxErrors stop reporting (and validating) after this many problems
 * @param dryRun    validate only, write nothing
 */
public record ImportOptions(int batchSize, int maxErrors, boolean dryRun) {
    /** Defaults: batches of 10,000 rows, 50 errors at most, writes on. */
    public static final ImportOptions DEFAULT = new ImportOptions(10_000, 50, false);

    public ImportOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be in 1..100000, was " + batchSize);
        }
        if (maxErrors < 1) {
            throw new IllegalArgumentException("max errors must be positive, was " + maxErrors);
        }
    }
}
