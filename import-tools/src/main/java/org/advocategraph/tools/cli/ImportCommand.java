package org.advocategraph.tools.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
                "Re-running an import is harmless: writes are upserts by id."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(paramLabel = "DIR", description = "Folder with employees.csv, ties.csv, ... (plain or .gz).")
    Path dir;

    @Option(names = "--dry-run", description = "Validate only; write nothing.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "50", description = "Stop after N problems (default: ${DEFAULT-VALUE}).")
    int maxErrors;

    @Override
    public Integer call() {
        ServiceConfig config = store.load(Map.of());
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(batchSize, maxErrors, dryRun);
        try (OpenStore open = OpenStore.open(config.store())) {
            out.println("Importing " + dir + " into " + open.store().describe() + (dryRun ? " (dry run)" : ""));
            ImportSummary summary = new GraphImporter(open.store(), options, out::println).importDirectory(dir);
            report(summary, out, err);
            return summary.ok() ? 0 : AdvocatesCli.FAILED;
        }
    }

    static void report(ImportSummary s, java.io.PrintWriter out, java.io.PrintWriter err) {
        for (String e : s.errors()) {
            err.println(e);
        }
        if (!s.ok()) {
            err.println(s.errors().size() + " problem(s) found; nothing was written.");
            return;
        }
        out.printf(Locale.ROOT, "Read %,d rows in %.1f s (%,.0f rows/s): %,d nodes and %,d relationships written%s%n",
                s.rows(), s.seconds(), s.rowsPerSecond(), s.nodes(), s.relationships(), s.dryRun() ? " (dry run: none)" : "");
        if (s.skipped() > 0) {
            out.printf(Locale.ROOT, "Skipped %,d relationships whose endpoint is missing, e.g. %s%n", s.skipped(), s.skippedExamples());
        }
    }
}
