package org.advocategraph.tools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.advocategraph.tools.connect.StackExchangeDump;
import org.advocategraph.tools.evaluate.RoutingEvaluation;
import org.advocategraph.tools.evaluate.RoutingMethod;
import org.advocategraph.tools.evaluate.RoutingReport;
import org.advocategraph.tools.evaluate.RoutingTable;
import org.advocategraph.tools.format.FormatException;

/** {@code evaluate}: measures the quality of what the engine does on real data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure the engine on real data. Subcommands: routing DIR.",
        subcommands = {EvaluateCommand.Routing.class})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: routing DIR");
    }

    /** {@code evaluate routing DIR}. */
    @Command(name = "routing", mixinStandardHelpOptions = true,
            description = {"Measure routing quality on a Stack Exchange dump (Posts.xml[.gz]; Comments.xml, "
                    + "Users.xml, Tags.xml when present): questions by (CreationDate, Id), the first 80%% train, the "
                    + "rest test; for each test question each method ranks candidate answerers from what happened "
                    + "before it. Prints hit@1, hit@5, hit@10 and MRR of the accepted answerer and of any answerer, "
                    + "for our engine and the baselines tag_count and popularity, with profiles frozen at the split "
                    + "(static) and grown up to each question (online)."})
    static final class Routing implements Callable<Integer> {
        private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Folder of the dump.")
        Path dump;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the results, with every test question's ranks, as JSON.")
        Path json;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var err = spec.commandLine().getErr();
            RoutingReport report;
            try {
                report = new RoutingEvaluation(StackExchangeDump.read(dump, null)).run(RoutingMethod.defaults());
            } catch (FormatException e) {
                err.println(e.getMessage());
                return AdvocatesCli.FAILED;
            }
            out.print(RoutingTable.of(report));
            out.flush();
            if (json != null) {
                try {
                    Files.writeString(json, JSON.writeValueAsString(report) + "\n");
                } catch (IOException e) {
                    err.println(json + ": cannot write: " + e.getMessage());
                    return AdvocatesCli.FAILED;
                }
            }
            return 0;
        }
    }
}
