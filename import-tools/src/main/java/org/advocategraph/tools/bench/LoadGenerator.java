package org.advocategraph.tools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;

/**
 * The load generator of the match benchmark, run as its own process so that it does not share a JVM with the
 * service it measures. Sends the same requests two ways: {@code POST /api/v1/matches} over HTTP, and
 * {@link NaiveMatchQuery} through the driver to the same database. Each way is measured twice:
 * open-loop at a fixed rate (latency measured from when each request was due, so a stall counts against every
 * request it delays), then closed-loop with a fixed number of workers (throughput). Prints one JSON line per
 * measurement on standard output.
 *
 * <p>Arguments: {@code requests-file service-url bolt-uri rate seconds workers}; the API key comes from the
 * environment variable {@code ADVOCATES_BENCH_KEY}, the database password from {@code ADVOCATES_BENCH_PASSWORD}.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadGenerator() {
    }

    /** What one measurement found. */
    record Measurement(String peer, String mode, int requests, int errors, double seconds, double p50, double p90,
                       double p99, double max) {
        double throughput() {
            return requests / seconds;
        }
    }

    /** Sends one request; returns normally on success. */
    interface Target {
        void send(JsonNode request) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<JsonNode> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            requests.add(JSON.readTree(line));
        }
        String url = args[1];
        String bolt = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int workers = Integer.parseInt(args[5]);
        String key = System.getenv("ADVOCATES_BENCH_KEY");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Target service = request -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/matches"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
            }
        };
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", System.getenv("ADVOCATES_BENCH_PASSWORD")),
                Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(workers + 8).build())) {
            Target naive = request -> {
                try (Session session = driver.session()) {
                    session.executeRead(tx -> tx.run(NaiveMatchQuery.STATEMENT, NaiveMatchQuery.parameters(request)).list());
                }
            };
            // Warm both up, so that neither pays for class loading, JIT or query planning in the measurement.
            closedLoop("warm-up", service, requests, 5, workers);
            closedLoop("warm-up", naive, requests, 5, workers);
            for (var peer : List.of(Map.entry("advocates", service), Map.entry("naive-cypher", naive))) {
                print(openLoop(peer.getKey(), peer.getValue(), requests, rate, seconds, workers * 4));
                print(closedLoop(peer.getKey(), peer.getValue(), requests, seconds, workers));
            }
        }
    }

    private static void print(Measurement m) throws IOException {
        System.out.println(JSON.writeValueAsString(Map.of("peer", m.peer(), "mode", m.mode(), "requests", m.requests(),
                "errors", m.errors(), "seconds", m.seconds(), "p50", m.p50(), "p90", m.p90(), "p99", m.p99(),
                "max", m.max(), "throughput", m.throughput())));
        System.out.flush();
    }

    /** Sends {@code rate} requests a second for {@code seconds}, each on time whatever the others do. */
    static Measurement openLoop(String peer, Target target, List<JsonNode> requests, int rate, int seconds,
                                int threads) throws InterruptedException {
        int total = rate * seconds;
        double[] latency = new double[total];
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + 50_000_000;
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            pool.execute(() -> {
                try {
                    target.send(requests.get(n % requests.size()));
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
                latency[n] = (System.nanoTime() - due) / 1e6;
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarize(peer, "open-loop " + rate + "/s", latency, errors.get(), elapsed);
    }

    /** Keeps {@code workers} requests in flight for {@code seconds}. */
    static Measurement closedLoop(String peer, Target target, List<JsonNode> requests, int seconds, int workers)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        double[][] latency = new double[workers][200_000];
        int[] counts = new int[workers];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int me = w;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && counts[me] < latency[me].length) {
                    long t0 = System.nanoTime();
                    try {
                        target.send(requests.get(next.getAndIncrement() % requests.size()));
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latency[me][counts[me]++] = (System.nanoTime() - t0) / 1e6;
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] all = new double[Arrays.stream(counts).sum()];
        int k = 0;
        for (int w = 0; w < workers; w++) {
            System.arraycopy(latency[w], 0, all, k, counts[w]);
            k += counts[w];
        }
        return summarize(peer, "closed-loop " + workers + " workers", all, errors.get(), elapsed);
    }

    private static Measurement summarize(String peer, String mode, double[] latency, int errors, double seconds) {
        double[] sorted = latency.clone();
        Arrays.sort(sorted);
        return new Measurement(peer, mode, sorted.length, errors, round(seconds), percentile(sorted, 0.50),
                percentile(sorted, 0.90), percentile(sorted, 0.99), sorted.length == 0 ? 0 : round(sorted[sorted.length - 1]));
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)]);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", v));
    }
}
