package org.advocategraph.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;
import org.advocategraph.service.app.AdvocateService;
import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.tinkerpop.GremlinSettings;
import org.advocategraph.store.tinkerpop.LocalGremlinServer;
import org.advocategraph.store.tinkerpop.LocalJanusGraphServer;
import org.advocategraph.tools.load.GraphFingerprint;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Import rate and match latency on every store backend, side by side in one run, against embedded Neo4j (the
 * default store, always measured first as the reference).
 *
 * <p>For each backend in turn: the dataset is imported into an empty store exactly as {@code advocates import
 * --store URI} does it; the graph is fingerprinted and compared with Neo4j's; the service is started on the store as
 * {@code advocates serve --store URI} starts it (a store that lives only in this process is handed over instead of
 * reopened); the first requests' answers are compared with Neo4j's (same advocates in the same order, same scores);
 * then a separate load-generator process ({@link LoadGenerator}) measures {@code POST /api/v1/matches} open-loop at a
 * fixed rate and closed-loop for throughput. The service and any in-process server are stopped before the next
 * backend starts, so that each runs on the whole machine.
 */
final class BackendBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The stores the benchmark can start itself. */
    enum Backend {
        /** The default store: an embedded Neo4j in a folder of the work folder. */
        NEO4J("neo4j", "embedded Neo4j"),
        /** {@code tinkergraph:memory}: TinkerGraph in the service's process. */
        TINKERGRAPH("tinkergraph", "tinkergraph:memory"),
        /** A Gremlin Server in this process hosting TinkerGraph, reached over GraphBinary. */
        GREMLIN_SERVER("gremlin-server", "Gremlin Server (TinkerGraph)"),
        /** {@code janusgraph:inmemory}: JanusGraph in the service's process. */
        JANUSGRAPH("janusgraph", "janusgraph:inmemory"),
        /** A JanusGraph Server in this process with its in-memory backend, reached over GraphBinary. */
        JANUSGRAPH_SERVER("janusgraph-server", "JanusGraph Server (inmemory)");

        final String option;
        final String label;

        Backend(String option, String label) {
            this.option = option;
            this.label = label;
        }

        /** @return the backend of a {@code --backends} value */
        static Backend of(String option) {
            for (Backend b : values()) {
                if (b.option.equals(option)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("unknown backend '" + option + "': expected one of neo4j, tinkergraph, "
                    + "gremlin-server, janusgraph, janusgraph-server");
        }
    }

    /**
     * A store to measure: its name, the settings that select it, whether a second open finds the data again, and
     * what to stop afterwards (an in-process server).
     */
    private record Target(String name, Map<String, String> settings, boolean reopens, AutoCloseable server) {
    }

    /** What one backend measured. */
    record Figures(String name, long rows, double importSeconds, double readySeconds, boolean sameGraph, int sameAnswers,
                   int answers, JsonNode open, JsonNode closed, String failure) {
        double rowsPerSecond() {
            return rows / importSeconds;
        }

        /** @return whether the backend ran through, with the reference's graph and answers */
        boolean ok() {
            return failure == null && sameGraph && sameAnswers == answers;
        }

        static Figures failed(String name, String failure) {
            return new Figures(name, 0, 0, 0, false, 0, 0, null, null, failure);
        }
    }

    /** An external store to measure besides the ones started here, with its login. */
    record External(String uri, String user, String password) {
    }

    private final PrintWriter out;
    private final int rate;
    private final int seconds;
    private final int workers;
    private final int compared;

    /**
     * @param out      where the report goes
     * @param rate     requests per second of the open-loop phase
     * @param seconds  length of each load phase
     * @param workers  requests in flight in the closed-loop phase
     * @param compared how many requests' answers are compared with Neo4j's on each backend
     */
    BackendBenchmark(PrintWriter out, int rate, int seconds, int workers, int compared) {
        this.out = out;
        this.rate = rate;
        this.seconds = seconds;
        this.workers = workers;
        this.compared = compared;
    }

    /**
     * Measures embedded Neo4j, then every other backend asked for, then the external stores.
     *
     * @return the figures, Neo4j's first
     */
    List<Figures> run(Path files, Path work, List<Backend> backends, List<External> externals) throws Exception {
        for (External e : externals) {
            refuseUnlessEmpty(external(e));
        }
        List<Figures> all = new ArrayList<>();
        Reference reference = null;
        List<Object> order = new ArrayList<>(List.of(Backend.NEO4J));
        backends.stream().filter(b -> b != Backend.NEO4J).distinct().forEach(order::add);
        order.addAll(externals);
        for (Object which : order) {
            Target target = which instanceof Backend b ? start(b, work) : external((External) which);
            try {
                Measured m = measure(target, files, work, reference);
                if (reference == null) {
                    reference = m.reference();
                }
                all.add(m.figures());
            } catch (RuntimeException e) {
                if (reference == null) {
                    throw e;
                }
                // One backend failing does not hide the others' figures.
                out.printf(Locale.ROOT, "FAILED: %s%n", e.getMessage());
                all.add(Figures.failed(target.name(), e.getMessage()));
            } finally {
                if (target.server() != null) {
                    target.server().close();
                }
            }
        }
        report(all);
        return all;
    }

    /** What the reference backend gives the others to compare with. */
    private record Reference(Map<String, String> fingerprint, Path requests, List<String> answers) {
    }

    private record Measured(Figures figures, Reference reference) {
    }

    private Target start(Backend backend, Path work) {
        return switch (backend) {
            case NEO4J -> new Target(backend.label, Map.of("store.data", work.resolve("neo4j").toString()), true, null);
            case TINKERGRAPH -> new Target(backend.label, Map.of("store.uri", "tinkergraph:memory"), false, null);
            case JANUSGRAPH -> new Target(backend.label, Map.of("store.uri", "janusgraph:inmemory"), false, null);
            case GREMLIN_SERVER -> {
                LocalGremlinServer server = LocalGremlinServer.start(false, GremlinSettings.DEFAULT_MAX_CONTENT_LENGTH, null, null);
                yield new Target(backend.label, Map.of("store.uri", server.uri()), true, server);
            }
            case JANUSGRAPH_SERVER -> {
                LocalJanusGraphServer server = LocalJanusGraphServer.start();
                yield new Target(backend.label, Map.of("store.uri", server.uri("graph")), true, server);
            }
        };
    }

    private static Target external(External e) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("store.uri", e.uri());
        if (e.user() != null) {
            settings.put("store.user", e.user());
        }
        if (e.password() != null) {
            settings.put("store.password", e.password());
        }
        return new Target(e.uri(), settings, true, null);
    }

    private Measured measure(Target target, Path files, Path work, Reference reference) throws Exception {
        out.printf(Locale.ROOT, "%n== %s ==%n", target.name());
        out.flush();
        String key = ApiKeys.newKey();
        Map<String, String> settings = new LinkedHashMap<>(target.settings());
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("api.keys", ApiKeys.entryFor(Role.CRM, key));
        ServiceConfig config = ServiceConfig.load(null, Map.of(), settings);

        OpenStore store = OpenStore.openForImport(config.store());
        AdvocateService service = null;
        try {
            refuseUnlessEmpty(target.name(), store);
            long t0 = System.nanoTime();
            ImportSummary s = new GraphImporter(store.store(), ImportOptions.DEFAULT, line -> { }).importDirectory(files);
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (!s.ok()) {
                throw new IllegalStateException("the files do not import into " + target.name() + ": " + s.errors());
            }
            out.printf(Locale.ROOT, "imported %,d rows in %.1f s (%,.0f rows/s)%n", s.rows(), importSeconds, s.rows() / importSeconds);
            out.flush();
            Map<String, String> fingerprint = GraphFingerprint.of(store.store());
            Path requests = reference == null ? work.resolve("requests.jsonl") : reference.requests();
            if (reference == null) {
                out.printf(Locale.ROOT, "%,d distinct requests (customers with their interests as topics)%n",
                        MatchBenchmark.writeRequests(store.store(), requests));
            }

            long t1 = System.nanoTime();
            if (target.reopens()) {
                store.close();
                store = null;
                service = AdvocateService.open(config, config.keys()).start();
            } else {
                service = AdvocateService.open(config, config.keys(), store).start();
                store = null;
            }
            double ready = (System.nanoTime() - t1) / 1e9;
            out.printf(Locale.ROOT, "service ready in %.1f s (graph read into memory)%n", ready);
            String url = "http://127.0.0.1:" + service.port();
            List<String> answers = answers(url, key, requests);
            boolean sameGraph = reference == null || reference.fingerprint().equals(fingerprint);
            int same = reference == null ? answers.size() : sameCount(reference.answers(), answers);
            if (reference != null) {
                out.printf(Locale.ROOT, "same graph as embedded Neo4j: %s; same matches: %d of %d%n", sameGraph, same, answers.size());
            }
            out.flush();

            if (reference == null) {
                // The service runs in this process: load the first backend once unmeasured, so that every backend is
                // measured with the matching engine already compiled, not only the later ones.
                LoadGenerator.launch(requests, url, key, LoadGenerator.NO_PEER, null, rate, Math.min(seconds, 10), workers,
                        m -> { });
            }
            List<JsonNode> results = new ArrayList<>();
            LoadGenerator.launch(requests, url, key, LoadGenerator.NO_PEER, null, rate, seconds, workers, m -> {
                results.add(m);
                out.println(LoadGenerator.describe(m));
                out.flush();
            });
            Figures f = new Figures(target.name(), s.rows(), importSeconds, ready, sameGraph, same, answers.size(),
                    results.get(0), results.get(1), null);
            return new Measured(f, reference != null ? reference : new Reference(fingerprint, requests, answers));
        } finally {
            if (service != null) {
                service.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }

    private static void refuseUnlessEmpty(Target target) {
        ServiceConfig config = ServiceConfig.load(null, Map.of(), target.settings());
        try (OpenStore store = OpenStore.open(config.store())) {
            refuseUnlessEmpty(target.name(), store);
        }
    }

    private static void refuseUnlessEmpty(String name, OpenStore store) {
        long held = store.store().counts().values().stream().mapToLong(Long::longValue).sum();
        if (held > 0) {
            throw new IllegalStateException(name + " is not empty (" + held + " nodes and relationships): the benchmark"
                    + " imports into an empty store only, and never deletes data");
        }
    }

    /** @return the answers to the first requests, each as its advocates and scores in order */
    private List<String> answers(String url, String key, Path requests) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> answers = new ArrayList<>();
        for (String line : Files.readAllLines(requests, StandardCharsets.UTF_8)) {
            if (answers.size() == compared) {
                break;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/matches"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(line)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST /api/v1/matches " + line + " answered " + r.statusCode() + ": " + r.body());
            }
            StringBuilder answer = new StringBuilder();
            for (JsonNode m : JSON.readTree(r.body()).get("matches")) {
                answer.append(m.get("advocateId").asText()).append('=').append(m.get("score").asText()).append(' ');
            }
            answers.add(answer.toString());
        }
        return answers;
    }

    private static int sameCount(List<String> expected, List<String> actual) {
        int same = 0;
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (expected.get(i).equals(actual.get(i))) {
                same++;
            }
        }
        return same;
    }

    private void report(List<Figures> all) {
        Figures neo4j = all.get(0);
        out.printf(Locale.ROOT, "%n%-30s %9s %10s %8s %8s %9s %9s %8s %10s %8s %6s %9s%n", "backend", "import s", "rows/s",
                "vs Neo4j", "ready s", "p50 ms", "p99 ms", "vs Neo4j", "req/s", "vs Neo4j", "graph", "matches");
        for (Figures f : all) {
            if (f.failure() != null) {
                out.printf(Locale.ROOT, "%-30s FAILED (see above)%n", f.name());
                continue;
            }
            double p99 = f.open().get("p99").asDouble();
            double throughput = f.closed().get("throughput").asDouble();
            out.printf(Locale.ROOT, "%-30s %9.1f %,10.0f %7.2fx %8.1f %9.2f %9.2f %7.2fx %10.1f %7.2fx %6s %4d/%-4d%n",
                    f.name(), f.importSeconds(), f.rowsPerSecond(), f.rowsPerSecond() / neo4j.rowsPerSecond(),
                    f.readySeconds(), f.open().get("p50").asDouble(), p99,
                    p99 / Math.max(neo4j.open().get("p99").asDouble(), 1e-9), throughput,
                    throughput / Math.max(neo4j.closed().get("throughput").asDouble(), 1e-9),
                    f.sameGraph() ? "same" : "DIFF", f.sameAnswers(), f.answers());
        }
        out.printf(Locale.ROOT, "p99 at %d requests/s; throughput with %d requests in flight; \"vs Neo4j\" is each"
                + " backend's figure over embedded Neo4j's (import: higher is faster; p99: lower is faster)%n", rate, workers);
        for (Figures f : all) {
            if (f.failure() != null) {
                continue;
            }
            int failed = f.open().get("errors").asInt() + f.open().get("timeouts").asInt()
                    + f.closed().get("errors").asInt() + f.closed().get("timeouts").asInt();
            if (failed > 0) {
                out.printf(Locale.ROOT, "%s: %d requests failed or timed out; its percentiles are lower bounds%n",
                        f.name(), failed);
            }
        }
        out.flush();
    }
}
