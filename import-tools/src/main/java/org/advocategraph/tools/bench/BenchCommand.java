package org.advocategraph.tools.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;
import org.advocategraph.tools.load.ImportOptions;

/** {@code advocates bench}: measurements side by side with a named peer, in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure against a named peer in one run and print the ratios.",
        subcommands = {BenchCommand.Import.class, BenchCommand.Match.class, BenchCommand.Analytics.class,
                BenchCommand.Backends.class})
public final class BenchCommand {

    /** What the benchmarks measure on: a folder of import files, or a dataset generated into a work folder. */
    static final class Dataset {
        @Option(names = "--people", defaultValue = "100000", description = "Size of the generated dataset (default: ${DEFAULT-VALUE}).")
        int people;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--dir", paramLabel = "DIR", description = "Import these files instead of generating.")
        Path dir;

        /** A benchmark's work on the dataset's files, with a work folder of its own. */
        interface Work {
            void run(Path files, Path work) throws Exception;
        }

        /**
         * Makes a work folder, generates the dataset into it unless {@code --dir} names one, prints the machine,
         * runs the work, and deletes the folder whatever happens.
         *
         * @return the exit code: 0
         */
        int inWorkFolder(PrintWriter out, Work work) throws Exception {
            Path folder = Files.createTempDirectory("advocates-bench");
            try {
                Path files = dir;
                if (files == null) {
                    files = folder.resolve("files");
                    new DatasetGenerator(new GeneratorSpec(seed, people, 0.3, 10)).writeTo(files);
                    out.printf("Generated %,d people (seed %d) in %s%n", people, seed, files);
                }
                out.printf("Java %s, %d cores, max heap %,d MB%n", System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
                work.run(files, folder);
                return 0;
            } finally {
                org.advocategraph.store.Folders.deleteTree(folder);
            }
        }
    }

    /** The match load: an open-loop phase at a fixed rate, then a closed-loop one. */
    static final class Load {
        @Option(names = "--rate", defaultValue = "100", description = "Requests per second of the open-loop phase (default: ${DEFAULT-VALUE}).")
        int rate;

        @Option(names = "--seconds", defaultValue = "30", description = "Length of each phase (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--workers", defaultValue = "8", description = "Requests in flight in the closed-loop phase (default: ${DEFAULT-VALUE}).")
        int workers;

        /** @throws ParameterException when a figure is not positive */
        void check(CommandSpec spec) {
            if (rate < 1 || seconds < 1 || workers < 1) {
                throw new ParameterException(spec.commandLine(), "--rate, --seconds and --workers must be positive");
            }
        }
    }

    /** {@code advocates bench import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Online import into fresh embedded Neo4j databases: advocates import vs the naive",
                    "hand-written import (1 thread, UNWIND 10k, MERGE per row), on the same generated files;",
                    "then proves both wrote the same graph."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Dataset dataset;

        @Option(names = "--threads", defaultValue = "1", description = "Writers of advocates import (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--batch-size", defaultValue = "10000", description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--no-naive", description = "Skip the naive peer.")
        boolean noNaive;

        @Option(names = "--always-merge", description = "Measure advocates import with merges even into the empty store.")
        boolean alwaysMerge;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            return dataset.inWorkFolder(out, (files, work) -> new ImportBenchmark(out).run(files, work, !noNaive,
                    new ImportOptions(batchSize, 50, false, threads, !alwaysMerge)));
        }
    }


    /** {@code advocates bench match}. */
    @Command(name = "match", mixinStandardHelpOptions = true,
            description = {"Match latency and throughput on embedded Neo4j: POST /api/v1/matches vs the same",
                    "ranking as one hand-written Cypher query, both loaded from a separate load-generator process,",
                    "open-loop at a fixed rate, then closed-loop for throughput."})
    static final class Match implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Dataset dataset;

        @Mixin
        Load load;

        @Override
        public Integer call() throws Exception {
            load.check(spec);
            var out = spec.commandLine().getOut();
            return dataset.inWorkFolder(out, (files, work) -> new MatchBenchmark(out).run(files, work, load.rate, load.seconds,
                    load.workers));
        }
    }

    /** {@code advocates bench analytics}. */
    @Command(name = "analytics", mixinStandardHelpOptions = true,
            description = {"Analytics on one embedded Neo4j (bulk loaded): the service's projection, PageRank,",
                    "Leiden communities and reach vs Neo4j Graph Data Science in the same database (reach vs one",
                    "Cypher query), cold and warm; checks that the answers agree. Run with -Xmx8g or so: both share the heap."})
    static final class Analytics implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Dataset dataset;

        @Option(names = "--iterations", defaultValue = "20", description = "PageRank iterations, both sides (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--repeat", defaultValue = "3", description = "Projection loads and warm runs per measure; the median is shown (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--leiden-starts", defaultValue = "1", description = "Random starts of our Leiden; GDS runs one (default: ${DEFAULT-VALUE}).")
        int leidenStarts;

        @Option(names = "--online", description = "Build the database with the online import instead of the bulk importer (quicker for small datasets).")
        boolean online;

        @Option(names = "--store-load", description = "Also measure in-process reads against the driver's: the projection and the service's start-up load.")
        boolean storeLoad;

        @Override
        public Integer call() throws Exception {
            if (iterations < 1 || repeat < 1 || leidenStarts < 1) {
                throw new ParameterException(spec.commandLine(),
                        "--iterations, --repeat and --leiden-starts must be positive");
            }
            var out = spec.commandLine().getOut();
            return dataset.inWorkFolder(out, (files, work) -> new AnalyticsBenchmark(out, iterations, repeat, leidenStarts, online, storeLoad)
                    .run(files, work));
        }
    }

    /** {@code advocates bench backends}. */
    @Command(name = "backends", mixinStandardHelpOptions = true,
            description = {"Import rate and match latency on every store backend, side by side in one run, against",
                    "embedded Neo4j: the dataset imported into each (as advocates import --store does), the service",
                    "started on it, its answers compared with Neo4j's, then POST /api/v1/matches loaded from a separate",
                    "process, open-loop at a fixed rate and closed-loop. Gremlin Server and JanusGraph Server run in",
                    "this process. Run it with -Xmx8g or so for 100,000 people."})
    static final class Backends implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Dataset dataset;

        @Option(names = "--backends", split = ",", paramLabel = "NAME",
                defaultValue = "neo4j,tinkergraph,gremlin-server,janusgraph,janusgraph-server",
                description = "Backends to start and measure, of neo4j, tinkergraph, gremlin-server, janusgraph, "
                        + "janusgraph-server (default: all); embedded Neo4j is always measured, first.")
        List<String> backends;

        @Option(names = "--store", paramLabel = "URI",
                description = "Also measure this store (any store URI, e.g. a JanusGraph Server with Cassandra); it must "
                        + "be empty. Login: --store-user, password in ADVOCATES_STORE_PASSWORD. Repeatable.")
        List<String> stores = new ArrayList<>();

        @Option(names = "--store-user", paramLabel = "USER", description = "User of the --store stores.")
        String storeUser;

        @Mixin
        Load load;

        @Option(names = "--compare", defaultValue = "200", description = "Requests whose answers are compared with Neo4j's on each backend (default: ${DEFAULT-VALUE}).")
        int compare;

        @Override
        public Integer call() throws Exception {
            load.check(spec);
            if (compare < 0) {
                throw new ParameterException(spec.commandLine(), "--compare must be 0 or more");
            }
            List<BackendBenchmark.Backend> chosen = new ArrayList<>();
            for (String name : backends) {
                try {
                    chosen.add(BackendBenchmark.Backend.of(name.trim()));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--backends: " + e.getMessage());
                }
            }
            String password = System.getenv("ADVOCATES_STORE_PASSWORD");
            List<BackendBenchmark.External> externals = stores.stream()
                    .map(uri -> new BackendBenchmark.External(uri, storeUser, password)).toList();
            var out = spec.commandLine().getOut();
            boolean[] same = {true};
            dataset.inWorkFolder(out, (files, work) -> {
                for (BackendBenchmark.Figures f : new BackendBenchmark(out, load.rate, load.seconds, load.workers, compare)
                        .run(files, work, chosen, externals)) {
                    same[0] &= f.ok();
                }
            });
            if (!same[0]) {
                spec.commandLine().getErr().println("bench backends: a backend failed, or its graph or answers differ from embedded Neo4j's (see FAILED or DIFF above)");
                return 1;
            }
            return 0;
        }
    }
}
