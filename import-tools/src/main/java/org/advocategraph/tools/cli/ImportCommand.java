package org.advocategraph.tools.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/** Loads a folder of import files into the configured store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Validate a folder of import files and load it into the configured store.",
                "Every row is checked first; if any is wrong, nothing is written (exit 1).",
                "Re-running an import is harmless: writes are upserts by id.",
                "Subcommands convert third-party sources first: stackexchange DIR, edges FILE."},
        subcommands = {ImportSourceCommands.StackExchange.class, ImportSourceCommands.Edges.class})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "Folder with employees.csv, ties.csv, ... (CSV or JSON Lines, plain or .gz).")
    Path dir;

    @Option(scope = ScopeType.INHERIT, names = "--dry-run", description = "Validate only; write nothing.")
    boolean dryRun;

    @Option(scope = ScopeType.INHERIT, names = "--batch-size", paramLabel = "N", defaultValue = "10000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(scope = ScopeType.INHERIT, names = "--max-errors", paramLabel = "N", defaultValue = "50", description = "Stop after N problems (default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Option(scope = ScopeType.INHERIT, names = "--threads", paramLabel = "N", defaultValue = "1", description = "Concurrent write transactions (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(scope = ScopeType.INHERIT, names = "--bulk",
            description = "Offline bulk load of a brand-new embedded database (--data) through Neo4j's parallel importer; "
                    + "the folder must not hold a database with data yet, and the service must not be running on it.")
    boolean bulk;

    @Option(scope = ScopeType.INHERIT, names = "--always-merge", description = "Merge by id even into an empty store (by default an empty store is filled with plain creates, which is faster and gives the same graph).")
    boolean alwaysMerge;

    @Override
    public Integer call() {
        if (dir == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'DIR' (or a subcommand: stackexchange, edges)");
        }
        return load(dir);
    }

    /** Validates and loads a folder of import files into the configured store; the exit code. */
    int load(Path folder) {
        ServiceConfig config = store.load(Map.of());
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ImportOptions options;
        try {
            options = new ImportOptions(batchSize, maxErrors, dryRun, threads, !alwaysMerge);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (bulk) {
            return bulkLoad(folder, config, out, err);
        }
        try (OpenStore open = OpenStore.openForImport(config.store())) {
            out.println("Importing " + folder + " into " + open.store().describe() + (dryRun ? " (dry run)" : ""));
            ImportSummary summary = GraphImporter.forConsole(open.store(), options, out::println).importDirectory(folder);
            report(summary, out, err);
            return summary.ok() ? 0 : AdvocatesCli.FAILED;
        }
    }

    private int bulkLoad(Path folder, ServiceConfig config, java.io.PrintWriter out, java.io.PrintWriter err) {
        if (config.store().kind() != org.advocategraph.store.select.StoreSettings.Kind.EMBEDDED_NEO4J || dryRun) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--bulk loads a new embedded database (--data DIR); it does not go with --store-uri or --dry-run");
        }
        out.println("Bulk loading " + folder + " into a new embedded database in " + config.store().dataDir());
        org.advocategraph.tools.bulk.BulkSummary s = new org.advocategraph.tools.bulk.BulkImporter(out::println)
                .importInto(folder, config.store().dataDir());
        if (!s.ok()) {
            s.errors().forEach(err::println);
            err.println(s.errors().size() + " problem(s) found; nothing was written.");
            return AdvocatesCli.FAILED;
        }
        out.printf(Locale.ROOT, "Loaded %,d nodes and %,d relationships in %.1f s (%,.0f relationships/s)%n",
                s.nodes(), s.relationships(), s.seconds(), s.relationshipsPerSecond());
        return 0;
    }

    static void report(ImportSummary s, java.io.PrintWriter out, java.io.PrintWriter err) {
        for (String e : s.errors()) {
            err.println(e);
        }
        if (!s.ok()) {
            err.printf(Locale.ROOT, "%d problem(s) found (%,d of %,d rows rejected); nothing was written.%n",
                    s.errors().size(), s.rejectedRows(), s.rows());
            return;
        }
        if (s.dryRun()) {
            out.printf(Locale.ROOT, "Checked %,d rows in %.1f s (%,.0f rows/s): all valid (dry run: nothing written)%n",
                    s.rows(), s.seconds(), s.rowsPerSecond());
            return;
        }
        var w = s.written();
        out.printf(Locale.ROOT, "Read %,d rows in %.1f s (%,.0f rows/s): %,d nodes (%,d created, %,d updated) and "
                        + "%,d relationships (%,d created, %,d updated) written, %,d rejected%n",
                s.rows(), s.seconds(), s.rowsPerSecond(), w.nodes(), w.nodesCreated(), w.nodesUpdated(),
                w.relationships(), w.relationshipsCreated(), w.relationshipsUpdated(), s.rejectedRows());
        if (s.skipped() > 0) {
            out.printf(Locale.ROOT, "Skipped %,d relationships whose endpoint is missing, e.g. %s%n", s.skipped(), s.skippedExamples());
        }
    }
}
