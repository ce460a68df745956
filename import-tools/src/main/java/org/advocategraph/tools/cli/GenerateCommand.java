package org.advocategraph.tools.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GenerationSummary;
import org.advocategraph.tools.generate.GeneratorSpec;

/** Writes a deterministic synthetic dataset in the import format. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a deterministic synthetic advocacy dataset (import format) to a folder.",
                "The same seed and sizes always give the same files."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--people", paramLabel = "N", defaultValue = "1000", description = "People in all, employees and customers (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--employee-share", paramLabel = "F", defaultValue = "0.3", description = "Share of people who are employees (default: ${DEFAULT-VALUE}).")
    double employeeShare;

    @Option(names = "--mean-degree", paramLabel = "D", defaultValue = "10", description = "Mean ties per person (default: ${DEFAULT-VALUE}).")
    double meanDegree;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write.")
    Path out;

    @Override
    public Integer call() {
        GeneratorSpec s = new GeneratorSpec(seed, people, employeeShare, meanDegree);
        GenerationSummary summary = new DatasetGenerator(s).writeTo(out);
        var w = spec.commandLine().getOut();
        summary.rowsPerFile().forEach((file, rows) -> w.printf(Locale.ROOT, "  %-22s %,12d rows%n", file, rows));
        w.printf(Locale.ROOT, "Wrote %,d rows to %s in %.1f s%n", summary.totalRows(), out,
                summary.elapsed().toMillis() / 1000.0);
        return 0;
    }
}
