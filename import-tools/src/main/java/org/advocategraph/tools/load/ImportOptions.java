package org.advocategraph.tools.load;

/**
 * How an import runs.
 *
 * @param batchSize rows per write transaction
 * @param maxErrors stop reporting (and validating) after this many problems
 * @param dryRun    validate only, write nothing
 * @param writers   concurrent write transactions (the file is read on one more thread)
 * @param createWhenEmpty when the store is empty at the start, create instead of merge (the files were
 *                  validated to hold unique keys, so the result is the same, without the existence checks)
 */
public record ImportOptions(int batchSize, int maxErrors, boolean dryRun, int writers, boolean createWhenEmpty) {
    /** Defaults: batches of 10,000 rows, 50 errors at most, writes on, one writer (measured faster than two on 2 cores: lock contention), create into an empty store. */
    public static final ImportOptions DEFAULT = new ImportOptions(10_000, 50, false, 1, true);

    /** Options with the default writers and empty-store path. */
    public ImportOptions(int batchSize, int maxErrors, boolean dryRun) {
        this(batchSize, maxErrors, dryRun, DEFAULT.writers(), DEFAULT.createWhenEmpty());
    }

    public ImportOptions {
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("batch size must be in 1..100000, was " + batchSize);
        }
        if (writers < 1 || writers > 16) {
            throw new IllegalArgumentException("writers must be in 1..16, was " + writers);
        }
        if (maxErrors < 1) {
            throw new IllegalArgumentException("max errors must be positive, was " + maxErrors);
        }
    }
}
