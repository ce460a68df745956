package org.advocategraph.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import org.advocategraph.model.TieKind;
import org.advocategraph.tools.connect.ConversionSummary;
import org.advocategraph.tools.connect.EdgeListConverter;
import org.advocategraph.tools.connect.EdgeListOptions;
import org.advocategraph.tools.connect.StackExchangeConverter;

/**
 * {@code import stackexchange} and {@code import edges}: convert a third-party source into import files in a
 * temporary folder, then load that folder exactly like {@code import DIR} (same validation, same options).
 */
final class ImportSourceCommands {
    private ImportSourceCommands() {
    }

    /** Converts into a temporary folder, loads it with the parent's options, and removes the folder. */
    private abstract static class Source implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        ImportCommand parent;

        abstract ConversionSummary convert(Path out);

        @Override
        public Integer call() throws IOException {
            Path out = Files.createTempDirectory("advocates-convert");
            try {
                ConversionSummary summary = convert(out);
                var w = spec.commandLine().getOut();
                w.printf(Locale.ROOT, "Converted: %s%s%n", summary.rowsPerFile(),
                        summary.skippedInputRecords() > 0 ? ", " + summary.skippedInputRecords() + " input records skipped" : "");
                summary.warnings().stream().limit(10).forEach(m -> w.println("  warning: " + m));
                if (summary.warnings().size() > 10) {
                    w.println("  ... and " + (summary.warnings().size() - 10) + " more warnings");
                }
                return parent.load(out);
            } finally {
                org.advocategraph.store.Folders.deleteTree(out);
            }
        }
    }

    /** {@code import stackexchange DIR}. */
    @Command(name = "stackexchange", mixinStandardHelpOptions = true,
            description = "Import a Stack Exchange data dump (Posts.xml; Users.xml, Comments.xml, Tags.xml when "
                    + "present; plain or .gz): answerers become advocates, askers customers, tags topics, questions "
                    + "conversations, answers and comments participation, interaction ties and expertise evidence.")
    static final class StackExchange extends Source {
        @Parameters(paramLabel = "DIR", description = "Folder of the dump.")
        Path dump;

        @Option(names = "--until", paramLabel = "DATE",
                description = "Only what happened before this date or date-time (ISO 8601, e.g. 2014-04-01).")
        String until;

        @Override
        ConversionSummary convert(Path out) {
            return new StackExchangeConverter(until == null ? null : parseInstant(until)).convert(dump, out);
        }

        private Instant parseInstant(String text) {
            try {
                return text.length() <= 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                        : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--until: '" + text
                        + "' is not an ISO 8601 date (2014-04-01) or date-time (2014-04-01T00:00:00Z)");
            }
        }
    }

    /** {@code import edges FILE}. */
    @Command(name = "edges", mixinStandardHelpOptions = true,
            description = "Import a network as people and ties: an edge list (\"src dst [weight|timestamp]\", "
                    + "tab or space separated, # comments, plain or .gz) or a GML file.")
    static final class Edges extends Source {
        @Parameters(paramLabel = "FILE", description = "Edge list or .gml file.")
        Path file;

        @Option(names = "--attributes", paramLabel = "FILE", description = "\"id value\" lines: the value becomes the person's department.")
        Path attributes;

        @Option(names = "--directed", description = "Ties are one-way (follows unless --kind says otherwise).")
        boolean directed;

        @Option(names = "--kind", paramLabel = "KIND", description = "Tie kind: colleague, follows, knows, interacted.")
        String kind;

        @Option(names = "--bipartite", description = "Second column are events: they become conversations people took part in.")
        boolean bipartite;

        @Option(names = "--customers", description = "People become customers instead of employees.")
        boolean customers;

        @Override
        ConversionSummary convert(Path out) {
            TieKind k = kind == null ? null : TieKind.parse("--kind", kind);
            return new EdgeListConverter(new EdgeListOptions(directed, k, bipartite, customers)).convert(file, attributes, out);
        }
    }
}
