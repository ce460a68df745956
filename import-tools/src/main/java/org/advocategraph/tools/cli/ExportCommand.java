package org.advocategraph.tools.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.tools.export.ExportOptions;
import org.advocategraph.tools.export.ExportSummary;
import org.advocategraph.tools.export.GraphExporter;

/** Writes the graph out: as import files (a full, re-importable copy) or as a network for Gephi. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the graph from the configured store.",
                "csv: a folder of import files that 'advocates import' loads back into the same graph.",
                "graphml, gexf: the influence network (people and ties, optionally topics) for Gephi."})
final class ExportCommand implements Callable<Integer> {
    /** The export formats. */
    enum Format { CSV, GRAPHML, GEXF }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            description = "csv (a folder), graphml or gexf (a file) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "Folder (csv) or file (graphml, gexf) to write.")
    Path out;

    @Option(names = "--topics", description = "graphml/gexf: include topics with expertise and interest edges.")
    boolean topics;

    @Override
    public Integer call() {
        Format f;
        try {
            f = Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format: '" + format + "' is not one of csv, graphml, gexf");
        }
        ServiceConfig config = store.load(Map.of());
        try (OpenStore open = OpenStore.open(config.store())) {
            GraphExporter exporter = new GraphExporter(open.store());
            ExportOptions options = new ExportOptions(topics);
            ExportSummary summary = switch (f) {
                case CSV -> exporter.toImportFormat(out);
                case GRAPHML -> exporter.toGraphMl(out, options);
                case GEXF -> exporter.toGexf(out, options);
            };
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d nodes and %,d edges to %s in %.1f s%n",
                    summary.nodes(), summary.edges(), out, summary.elapsed().toMillis() / 1000.0);
            return 0;
        }
    }
}
