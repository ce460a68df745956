package org.advocategraph.tools.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.app.ConfigException;
import org.advocategraph.store.StoreException;
import org.advocategraph.tools.format.FormatException;

/**
 * {@code advocates}: the one executable of the project. Exit codes: 0 success, 1 failure (bad data, store
 * unreachable), 2 usage error.
 */
@Command(name = "advocates", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Graph-based advocate matching and influence analytics.",
        subcommands = {ServeCommand.class, GenerateCommand.class, ImportCommand.class, ExportCommand.class, EvaluateCommand.class,
                KeygenCommand.class,
                org.advocategraph.tools.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class AdvocatesCli {
    /** Exit code for bad data or a failed operation. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    /** Runs the tool and exits with its code; {@code serve} keeps running until stopped. */
    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != ServeCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /**
     * Runs a command line in this JVM, for tests and embedding.
     *
     * @return the exit code, or {@link ServeCommand#KEEP_RUNNING} when a server was started
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AdvocatesCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("advocates " + commandLine.getCommandName() + ": " + oneLine(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    static String oneLine(Exception e) {
        if (e instanceof StoreException || e instanceof ConfigException || e instanceof FormatException
                || e instanceof InvalidFieldException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
