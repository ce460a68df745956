package org.advocategraph.tools.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;
import org.advocategraph.service.app.AdvocateService;
import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.TextFiles;
import org.advocategraph.tools.generate.DatasetGenerator;
import org.advocategraph.tools.generate.GeneratorSpec;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/** Starts the HTTP service; with {@code --demo}, loads a demo dataset into an empty store and prints a key. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP service on the configured store (default: embedded Neo4j in ./data).",
                "--demo loads a 1,000-person demo dataset into an empty store and prints a ready-to-paste curl."})
final class ServeCommand implements Callable<Integer> {
    /** Returned when the server is running and the JVM must stay up. */
    static final int KEEP_RUNNING = -1;
    static final String DEMO_CUSTOMER_FILE = "demo-customer.txt";
    private static final int DEMO_PEOPLE = 1000;
    private static final long DEMO_SEED = 42;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", paramLabel = "PORT", description = "HTTP port (default: 7070).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Interface to bind (default: 0.0.0.0).")
    String host;

    @Option(names = "--demo", description = "Load the demo dataset if the store is empty and print a demo API key.")
    boolean demo;

    @Override
    public Integer call() throws IOException {
        Map<String, String> more = new HashMap<>();
        if (port != null) {
            more.put("http.port", port.toString());
        }
        if (host != null) {
            more.put("http.host", host);
        }
        ServiceConfig config = store.load(more);
        PrintWriter out = spec.commandLine().getOut();
        ApiKeys keys = config.keys();
        String demoKey = null;
        if (demo) {
            demoKey = ApiKeys.newKey();
            keys = keys.with(Role.ADMIN, demoKey);
        } else if (keys.isEmpty()) {
            out.println("Warning: no API keys configured; every /api route will answer 401. Create one with 'advocates keygen --role admin'.");
        }
        AdvocateService service = AdvocateService.open(config, keys);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "advocates-shutdown"));
        try {
            Optional<String> demoCustomer = demo ? loadDemo(service, config, out) : Optional.empty();
            service.start();
            double ready = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            String url = "http://localhost:" + service.port();
            out.printf(Locale.ROOT, "Advocate Graph is ready at %s in %.1f s (store: %s)%n", url, ready, service.store().describe());
            if (demoKey != null) {
                out.println("Demo API key (role admin, valid until this process stops): " + demoKey);
                String customer = demoCustomer.orElse("c0001");
                out.println("Try:");
                out.println("  curl -s -H 'Authorization: Bearer " + demoKey + "' -H 'Content-Type: application/json' \\");
                out.println("       -d '{\"customerId\":\"" + customer + "\",\"limit\":3}' " + url + "/api/v1/matches");
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            return KEEP_RUNNING;
        } catch (RuntimeException | IOException e) {
            service.close();
            throw e;
        }
    }

    private Optional<String> loadDemo(AdvocateService service, ServiceConfig config, PrintWriter out) throws IOException {
        Path marker = config.store().dataDir().resolve(DEMO_CUSTOMER_FILE);
        if (service.store().counts().getOrDefault("Employee", 0L) > 0) {
            out.println("The store already holds data; not loading the demo dataset.");
            return Files.exists(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8).trim()) : Optional.empty();
        }
        Path dir = Files.createTempDirectory("advocates-demo");
        try {
            out.println("Loading the demo dataset (" + DEMO_PEOPLE + " people, seed " + DEMO_SEED + ") ...");
            new DatasetGenerator(GeneratorSpec.of(DEMO_SEED, DEMO_PEOPLE)).writeTo(dir);
            ImportSummary summary = new GraphImporter(service.store(), ImportOptions.DEFAULT, line -> { })
                    .importDirectory(dir);
            ImportCommand.report(summary, out, spec.commandLine().getErr());
            Optional<String> customer = pickDemoCustomer(service, dir.resolve("customers.csv"));
            if (customer.isPresent() && Files.isDirectory(config.store().dataDir())) {
                Files.writeString(marker, customer.get(), StandardCharsets.UTF_8);
            }
            return customer;
        } finally {
            org.advocategraph.store.Folders.deleteTree(dir);
        }
    }

    /** A customer whose best match knows them directly: the most telling first example. */
    private static Optional<String> pickDemoCustomer(AdvocateService service, Path customers) throws IOException {
        String first = null;
        try (CsvReader reader = new CsvReader(TextFiles.open(customers), customers.toString())) {
            reader.next();
            for (int i = 0; i < 200; i++) {
                CsvReader.Row row = reader.next();
                if (row == null) {
                    break;
                }
                String id = row.fields().get(0);
                first = first == null ? id : first;
                var result = service.matcher().match(new MatchRequest(id, null, List.of(), null, null, null, 1));
                if (!result.matches().isEmpty() && result.matches().get(0).path().size() == 2) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
