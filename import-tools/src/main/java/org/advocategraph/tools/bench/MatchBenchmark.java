package org.advocategraph.tools.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.advocategraph.model.Interest;
import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;
import org.advocategraph.service.app.AdvocateService;
import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.store.neo4j.EmbeddedNeo4j;
import org.advocategraph.store.neo4j.Neo4jGraphStore;
import org.advocategraph.tools.load.GraphImporter;
import org.advocategraph.tools.load.ImportOptions;
import org.advocategraph.tools.load.ImportSummary;

/**
 * Match latency and throughput, side by side in one run: the service's {@code POST /api/v1/matches} against
 * {@link NaiveMatchQuery}, the same ranking as one hand-written Cypher query, on the same embedded database.
 *
 * <p>This process imports the dataset into an embedded Neo4j and runs the service on it (reading from its
 * in-memory copy of the graph, as it does in production); a separate process, {@link LoadGenerator}, sends the
 * load: the same requests (customers with their interests as topics) to both, open-loop at a fixed rate, then
 * closed-loop for throughput.
 */
final class MatchBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;

    MatchBenchmark(PrintWriter out) {
        this.out = out;
    }

    void run(Path files, Path work, int rate, int seconds, int workers) throws Exception {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(work.resolve("db"), 0)) {
            try (Neo4jGraphStore store = Neo4jGraphStore.connectWritingInProcess(db)) {
                store.ensureSchema();
                long t0 = System.nanoTime();
                ImportSummary s = new GraphImporter(store, ImportOptions.DEFAULT, line -> { }).importDirectory(files);
                if (!s.ok()) {
                    throw new IllegalStateException("the files do not import: " + s.errors());
                }
                out.printf(Locale.ROOT, "Imported %,d rows in %.1f s%n", s.rows(), (System.nanoTime() - t0) / 1e9);
                Path requests = work.resolve("requests.jsonl");
                int n = writeRequests(store, requests);
                out.printf(Locale.ROOT, "%,d distinct requests (customers with their interests as topics)%n", n);
                out.flush();
                measure(db, requests, rate, seconds, workers);
            }
        }
    }

    private void measure(EmbeddedNeo4j db, Path requests, int rate, int seconds, int workers) throws Exception {
        String key = ApiKeys.newKey();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("store.uri", db.settings().uri());
        settings.put("store.user", db.settings().user());
        settings.put("store.password", db.settings().password());
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        settings.put("api.keys", ApiKeys.entryFor(Role.CRM, key));
        ServiceConfig config = ServiceConfig.load(null, Map.of(), settings);
        long t0 = System.nanoTime();
        try (AdvocateService service = AdvocateService.open(config, config.keys()).start()) {
            out.printf(Locale.ROOT, "Service ready in %.1f s (graph read into memory)%n", (System.nanoTime() - t0) / 1e9);
            out.flush();
            List<JsonNode> results = new ArrayList<>();
            LoadGenerator.launch(requests, "http://127.0.0.1:" + service.port(), key, db.settings().uri(),
                    db.settings().password(), rate, seconds, workers, m -> {
                        results.add(m);
                        out.println(LoadGenerator.describe(m));
                        out.flush();
                    });
            report(results);
        }
    }

    private void report(List<JsonNode> results) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode m : results) {
            byKey.put(m.get("peer").asText() + "/" + m.get("mode").asText().split(" ")[0], m);
        }
        JsonNode oursOpen = byKey.get("advocates/open-loop");
        JsonNode naiveOpen = byKey.get("naive-cypher/open-loop");
        JsonNode oursClosed = byKey.get("advocates/closed-loop");
        JsonNode naiveClosed = byKey.get("naive-cypher/closed-loop");
        out.printf(Locale.ROOT, "p99 at the fixed rate: advocates %.2f ms, naive %.2f ms (naive / advocates %.1fx)%n",
                oursOpen.get("p99").asDouble(), naiveOpen.get("p99").asDouble(),
                naiveOpen.get("p99").asDouble() / Math.max(oursOpen.get("p99").asDouble(), 1e-9));
        for (JsonNode m : results) {
            if (m.get("timeouts").asInt() > 0) {
                out.printf(Locale.ROOT, "%s %s: %,d of %,d requests timed out (over %d s); its percentiles at or past that"
                        + " are lower bounds%n", m.get("peer").asText(), m.get("mode").asText(), m.get("timeouts").asInt(),
                        m.get("requests").asInt(), LoadGenerator.TIMEOUT.toSeconds());
            }
        }
        out.printf(Locale.ROOT, "throughput: advocates %.1f req/s, naive %.1f req/s (advocates / naive %.1fx)%n",
                oursClosed.get("throughput").asDouble(), naiveClosed.get("throughput").asDouble(),
                oursClosed.get("throughput").asDouble() / Math.max(naiveClosed.get("throughput").asDouble(), 1e-9));
        out.flush();
    }

    /** Writes one request per customer with interests (at most 5,000): its id, its interests as topics. */
    static int writeRequests(org.advocategraph.store.GraphStore store, Path file) throws java.io.IOException {
        Map<String, List<String>> topics = new TreeMap<>();
        store.scan(Interest.class, 10_000, batch -> batch.forEach(i -> topics.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i.topicId())));
        List<String> lines = new ArrayList<>();
        for (var e : topics.entrySet()) {
            if (lines.size() == 5_000) {
                break;
            }
            lines.add(JSON.writeValueAsString(Map.of("customerId", e.getKey(), "topics", e.getValue(), "limit", 10)));
        }
        // A fixed shuffle, so that consecutive requests are not neighbours in id order.
        java.util.Collections.shuffle(lines, new java.util.Random(42));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return lines.size();
    }
}
