package org.advocategraph.tools.bulk;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.fs.FileSystemAbstraction;

import org.advocategraph.store.StoreException;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RecordSources;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Loads a folder of import files into a new, empty embedded Neo4j database offline, through Neo4j's own
 * parallel importer: the engine of {@code neo4j-admin database import full}, run in this process. It writes the
 * store files directly, with no transactions, which is many times faster than the online import for a first
 * load; the result is the graph the online import ({@code GraphImporter} into {@code Neo4jGraphStore}) builds
 * from the same files, derived relationships and property types included.
 *
 * <p>Steps, each all-or-nothing:
 * <ol>
 *   <li>Refuse a folder whose database already holds data (the importer only creates databases).</li>
 *   <li>Validate every row with {@link GraphImporter} as a dry run against a throwaway in-memory store: with an
 *       empty target, a reference is valid exactly when the files hold its node. Errors are returned and
 *       nothing is written.</li>
 *   <li>Meanwhile, on a second thread, write the importer's CSV files (header row with {@code :ID},
 *       {@code :START_ID}, {@code :END_ID} and typed columns such as {@code capacity:long},
 *       {@code languages:string[]}, {@code since:datetime}) in a staging folder inside the home folder, deleted
 *       afterwards. Nodes are numbered there and relationships refer to those numbers
 *       ({@code --id-type=actual}): on two cores this makes the importer about twice as fast as letting it map
 *       string ids itself.</li>
 *   <li>Run the importer through {@link AdminTool#execute(ExecutionContext, String...)} with
 *       {@code database import full}: the supported command-line contract (documented options, checks of the
 *       database lock), rather than the internal {@code BatchImporter} factories, whose signatures change
 *       between releases. It runs with no tolerance for bad entries: the files were validated, so one would be
 *       a bug, and it stops the import.</li>
 *   <li>Start {@link EmbeddedNeo4j} on the folder, create
 *       the constraints and indexes with {@link Neo4jGraphStore#ensureSchema()}, and check that the database
 *       counts every label and relationship type as staged.</li>
 * </ol>
 * If anything fails after the importer has started, the database's store and transaction folders are deleted,
 * so no half graph remains.
 *
 * <p>Memory: the importer works mostly off-heap (it sizes itself from free memory, as the command does). On the
 * heap, the validation's id and key sets and, beside them, one map entry per node for staging: a 1,000,000-person
 * dataset (1.6 million nodes, 11 million relationships) imports with {@code -Xmx2g} (and still with 1.4 GB).
 */
public final class BulkImporter {
    private final Consumer<String> messages;

    /**
     * @param messages receives progress lines: validation, staging, the importer's stages, the final checks; one
     *                 line at a time, though not always on the calling thread (the importer prints from its own)
     */
    public BulkImporter(Consumer<String> messages) {
        Objects.requireNonNull(messages, "messages");
        Object lock = new Object();
        this.messages = line -> {
            synchronized (lock) {
                messages.accept(line);
            }
        };
    }

    /**
     * Validates the files and, when every row is valid, builds the database in {@code home} from them.
     *
     * @param files the folder holding {@code employees.csv} and the others (each optional, plain or {@code .gz})
     * @param home  the embedded database's folder, as given to {@link EmbeddedNeo4j#start}; created if absent
     * @return the summary; when it has errors, nothing was written
     * @throws org.advocategraph.tools.format.FormatException when the folder holds no import file at all
     * @throws StoreException when the folder's database already holds data or is in use, or the import fails
     *                        (then the database folders are removed again)
     */
    public BulkSummary importInto(Path files, Path home) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(home, "home");
        long started = System.nanoTime();
        Path target = home.toAbsolutePath().normalize();
        TargetDatabase database = new TargetDatabase(target);
        long existing = database.nodes();
        if (existing > 0) {
            throw new StoreException(String.format(Locale.ROOT, "the database in %s already holds %,d nodes; a bulk "
                    + "import only creates a new database: give an empty folder, or import without --bulk to merge "
                    + "into this one", target, existing), false, null);
        }

        Map<ImportFile, Path> sources = discover(files);
        boolean homeExisted = Files.exists(target);
        Path staging = null;
        ExecutorService stager = null;
        boolean written = false;
        try {
            // Staging only reads the files and writes into its own folder, so it runs on a second thread while the
            // validation reads them: on two cores the importer's files are ready when the validation ends.
            Future<Staged> staged = null;
            if (!sources.isEmpty()) {
                staging = createStaging(target);
                Path into = staging;
                stager = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "bulk-import-staging");
                    t.setDaemon(true);
                    return t;
                });
                staged = stager.submit(() -> {
                    long t = System.nanoTime();
                    return new Staged(AdminImportFiles.write(sources, into), seconds(t));
                });
            }

            long phase = System.nanoTime();
            ImportSummary checked;
            try (TinkerPopGraphStore scratch = TinkerPopGraphStore.inMemory()) {
                checked = new GraphImporter(scratch, new ImportOptions(10_000, 50, true), m -> { })
                        .importDirectory(files);
            }
            messages.accept(String.format(Locale.ROOT, "Validated %,d rows in %.1f s.", checked.rows(),
                    seconds(phase)));
            if (!checked.ok()) {
                return new BulkSummary(0, 0, seconds(started), checked.errors());
            }

            phase = System.nanoTime();
            Staged ready = await(staged);
            AdminImportFiles admin = ready.files();
            messages.accept(String.format(Locale.ROOT, "Staged %,d nodes and %,d relationships for Neo4j's importer in "
                    + "%.1f s, alongside the validation (waited %.1f s more).", admin.nodes(), admin.relationships(),
                    ready.seconds(), seconds(phase)));

            phase = System.nanoTime();
            written = true;
            runImporter(target, staging, admin);
            double imported = seconds(phase);
            messages.accept(String.format(Locale.ROOT, "Neo4j's importer wrote them in %.1f s (%,.0f relationships/s).",
                    imported, admin.relationships() / Math.max(imported, 1e-9)));

            phase = System.nanoTime();
            finish(target, admin);
            messages.accept(String.format(Locale.ROOT, "Started the database, created the schema and checked the "
                    + "counts in %.1f s.", seconds(phase)));
            return new BulkSummary(admin.nodes(), admin.relationships(), seconds(started), List.of());
        } catch (RuntimeException | Error e) {
            if (written) {
                try {
                    database.delete();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        } finally {
            stop(stager);
            if (staging != null) {
                TargetDatabase.deleteRecursively(staging);
            }
            if (!homeExisted && !written && TargetDatabase.isEmptyFolder(target)) {
                // Nothing was written: leave no empty folder behind either.
                TargetDatabase.deleteRecursively(target);
            }
        }
    }

    /** The importer's files and how long writing them took. */
    private record Staged(AdminImportFiles files, double seconds) {
    }

    private static Staged await(Future<Staged> staged) {
        try {
            return staged.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("staging failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("bulk import interrupted");
        }
    }

    /** Stops the staging thread, if still running, and waits for it, so that its folder can be deleted. */
    private static void stop(ExecutorService stager) {
        if (stager == null) {
            return;
        }
        stager.shutdownNow();
        try {
            if (!stager.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the staging thread did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<ImportFile, Path> discover(Path dir) {
        Map<ImportFile, Path> found = new LinkedHashMap<>();
        for (ImportFile type : ImportFile.values()) {
            RecordSources.find(dir, type).ifPresent(p -> found.put(type, p));
        }
        return found;
    }

    private static Path createStaging(Path home) {
        try {
            Files.createDirectories(home);
            Path staging = Files.createTempDirectory(home, ".bulk-import-");
            // The importer's group syntax separates files with ',' and labels from files with '='.
            if (staging.toString().contains(",") || staging.toString().contains("=")) {
                TargetDatabase.deleteRecursively(staging);
                throw new StoreException("a bulk import needs a database folder whose path holds no ',' or '=': "
                        + home, false, null);
            }
            return staging;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder in " + home, e);
        }
    }

    private void runImporter(Path home, Path staging, AdminImportFiles staged) {
        // The database name goes first: after a file list, picocli would take it for one more file.
        List<String> args = new ArrayList<>(List.of("database", "import", "full",
                GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
                "--overwrite-destination=true",
                // The staged files carry node ids, so the importer needs no id mapping of its own.
                "--id-type=actual",
                "--bad-tolerance=0",
                "--skip-bad-relationships=false",
                "--skip-duplicate-nodes=false",
                "--report-file=" + staging.resolve("import.report")));
        for (AdminImportFiles.Group g : staged.nodeGroups()) {
            args.add("--nodes=" + g.name() + "=" + g.file());
        }
        for (AdminImportFiles.Group g : staged.relationshipGroups()) {
            args.add("--relationships=" + g.name() + "=" + g.file());
        }
        if (!staged.multiline().isEmpty()) {
            // Only the files with line breaks in a value are read in the slower multiline mode.
            args.add("--multiline-fields-format=v2");
            args.add("--multiline-fields=" + String.join(",", staged.multiline().stream().map(Path::toString).sorted()
                    .toList()));
        }

        ImporterOutput out = new ImporterOutput(messages, false);
        ImporterOutput err = new ImporterOutput(messages, true);
        int code;
        // An empty configuration folder: the importer then lays the database out exactly as the embedded
        // database does for the same home, whatever neo4j.conf may lie around.
        Path conf = staging.resolve("conf");
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
             FileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            Files.createDirectories(conf);
            code = AdminTool.execute(new ExecutionContext(home, conf, o, e, fs), args.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Neo4j's importer", e);
        }
        if (code != 0) {
            // The error stream starts with the reason (then a stack trace); the output ends with it.
            List<String> why = err.firstLines().isEmpty()
                    ? out.lastLines().subList(Math.max(0, out.lastLines().size() - 3), out.lastLines().size())
                    : err.firstLines().subList(0, Math.min(3, err.firstLines().size()));
            throw new StoreException("Neo4j's importer failed with exit code " + code + ": " + String.join(" / ", why),
                    false, null);
        }
    }

    private void finish(Path home, AdminImportFiles staged) {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(home, 0);
             Neo4jGraphStore store = Neo4jGraphStore.connect(db.settings())) {
            store.ensureSchema();
            Map<String, Long> found = store.counts();
            Map<String, Long> expected = staged.counts();
            List<String> wrong = new ArrayList<>();
            for (var entry : found.entrySet()) {
                long want = expected.getOrDefault(entry.getKey(), 0L);
                if (entry.getValue() != want) {
                    wrong.add(entry.getKey() + " " + entry.getValue() + " instead of " + want);
                }
            }
            if (!wrong.isEmpty()) {
                throw new StoreException("the imported database does not hold what was staged: " + wrong, false, null);
            }
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
