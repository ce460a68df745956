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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;

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
 * A Bolt URI of {@value #NO_PEER} measures the service alone. {@link #launch} runs it from another process.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a request may take before it counts as timed out. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The Bolt URI argument that measures the service alone, without the hand-written Cypher peer. */
    static final String NO_PEER = "-";

    private LoadGenerator() {
    }

    /** What one measurement found. */
    record Measurement(String peer, String mode, int requests, int errors, int timeouts, double seconds, double p50,
                       double p90, double p99, double max) {
        /** Answered requests per second: errors and timeouts do not count. */
        double throughput() {
            return (requests - errors - timeouts) / seconds;
        }
    }

    /** Sends one request; returns normally on success, throws {@link TimeoutException} past its deadline. */
    interface Target {
        void send(JsonNode request, Duration timeout) throws Exception;
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
        Target service = (request, timeout) -> {
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/matches"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new TimeoutException(e.getMessage());
            }
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + ": " + r.body());
            }
        };
        if (NO_PEER.equals(bolt)) {
            measure(List.of(Map.entry("advocates", service)), requests, rate, seconds, workers);
            return;
        }
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.basic("neo4j", System.getenv("ADVOCATES_BENCH_PASSWORD")),
                Config.builder().withLogging(Logging.none()).withMaxConnectionPoolSize(workers + 8).build())) {
            Target naive = (request, timeout) -> {
                // An auto-commit transaction: the driver does not retry it, so the deadline holds.
                try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                    session.run(NaiveMatchQuery.STATEMENT, NaiveMatchQuery.parameters(request),
                            TransactionConfig.builder().withTimeout(timeout).build()).list();
                } catch (Neo4jException e) {
                    if (e.code() != null && (e.code().contains("TimedOut") || e.code().contains("Terminated"))) {
                        throw new TimeoutException(e.getMessage());
                    }
                    throw e;
                }
            };
            measure(List.of(Map.entry("advocates", service), Map.entry("naive-cypher", naive)), requests, rate, seconds,
                    workers);
        }
    }

    /**
     * Runs the load generator in a process of its own (this JVM's java and class path, 1 GB of heap) and hands over
     * each measurement as it is printed.
     *
     * @param requests      the requests file, one JSON match request per line
     * @param serviceUrl    the service's base URL
     * @param key           an API key the service accepts
     * @param bolt          the Bolt URI of the database for the hand-written Cypher peer, or {@value #NO_PEER}
     * @param password      the database's password, or null without a peer
     * @param rate          requests per second of the open-loop phase
     * @param seconds       length of each phase
     * @param workers       requests in flight in the closed-loop phase
     * @param each          receives each measurement, in order
     * @throws IllegalStateException when the generator exits with an error
     */
    static void launch(Path requests, String serviceUrl, String key, String bolt, String password, int rate, int seconds,
                       int workers, java.util.function.Consumer<JsonNode> each) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                LoadGenerator.class.getName(), requests.toString(), serviceUrl, bolt, Integer.toString(rate),
                Integer.toString(seconds), Integer.toString(workers));
        pb.environment().put("ADVOCATES_BENCH_KEY", key);
        if (password != null) {
            pb.environment().put("ADVOCATES_BENCH_PASSWORD", password);
        }
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process generator = pb.start();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                each.accept(JSON.readTree(line));
            }
        }
        if (generator.waitFor() != 0) {
            throw new IllegalStateException("the load generator failed with exit code " + generator.exitValue());
        }
    }

    /** @return one measurement as a line of the report */
    static String describe(JsonNode m) {
        return String.format(Locale.ROOT, "%-13s %-26s %,7d req %4d err %5d timed out %8.1f req/s  p50 %7.2f ms  p90 %7.2f ms"
                        + "  p99 %8.2f ms  max %8.2f ms",
                m.get("peer").asText(), m.get("mode").asText(), m.get("requests").asInt(), m.get("errors").asInt(),
                m.get("timeouts").asInt(), m.get("throughput").asDouble(), m.get("p50").asDouble(), m.get("p90").asDouble(),
                m.get("p99").asDouble(), m.get("max").asDouble());
    }

    private static void measure(List<Map.Entry<String, Target>> peers, List<JsonNode> requests, int rate, int seconds,
                                int workers) throws IOException, InterruptedException {
        // Warm every peer up (5 s, or a phase if shorter), so that none pays for class loading, JIT or query planning
        // in the measurement.
        for (var peer : peers) {
            closedLoop("warm-up", peer.getValue(), requests, Math.min(5, seconds), workers, TIMEOUT);
        }
        for (var peer : peers) {
            print(openLoop(peer.getKey(), peer.getValue(), requests, rate, seconds, workers * 4, TIMEOUT));
            print(closedLoop(peer.getKey(), peer.getValue(), requests, seconds, workers, TIMEOUT));
        }
    }

    private static void print(Measurement m) throws IOException {
        System.out.println(JSON.writeValueAsString(Map.ofEntries(Map.entry("peer", m.peer()), Map.entry("mode", m.mode()),
                Map.entry("requests", m.requests()), Map.entry("errors", m.errors()), Map.entry("timeouts", m.timeouts()),
                Map.entry("seconds", m.seconds()), Map.entry("p50", m.p50()), Map.entry("p90", m.p90()),
                Map.entry("p99", m.p99()), Map.entry("max", m.max()), Map.entry("throughput", m.throughput()))));
        System.out.flush();
    }

    /** Sends {@code rate} requests a second for {@code seconds}, each on time whatever the others do. */
    static Measurement openLoop(String peer, Target target, List<JsonNode> requests, int rate, int seconds,
                                int threads, Duration timeout) throws InterruptedException {
        int total = rate * seconds;
        double[] latency = new double[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + 50_000_000;
        long timeoutNanos = timeout.toNanos();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            latency[n] = timeoutNanos / 1e6;
            pool.execute(() -> {
                long left = due + timeoutNanos - System.nanoTime();
                if (left <= 0) {
                    timeouts.incrementAndGet();
                    return;
                }
                latency[n] = send(target, requests.get(n % requests.size()), Duration.ofNanos(left), errors, timeouts)
                        ? Math.min(System.nanoTime() - due, timeoutNanos) / 1e6 : timeoutNanos / 1e6;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds() + 10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return summarize(peer, "open-loop " + rate + "/s", latency, errors.get(), timeouts.get(), elapsed);
    }

    /** Keeps {@code workers} requests in flight for {@code seconds}. */
    static Measurement closedLoop(String peer, Target target, List<JsonNode> requests, int seconds, int workers,
                                  Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        double[][] latency = new double[workers][200_000];
        int[] counts = new int[workers];
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            int me = w;
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && counts[me] < latency[me].length) {
                    long t0 = System.nanoTime();
                    send(target, requests.get(next.getAndIncrement() % requests.size()), timeout, errors, timeouts);
                    latency[me][counts[me]++] = Math.min(System.nanoTime() - t0, timeout.toNanos()) / 1e6;
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
        return summarize(peer, "closed-loop " + workers + " workers", all, errors.get(), timeouts.get(), elapsed);
    }

    /** @return whether the request succeeded; a failure is counted as an error or a timeout */
    private static boolean send(Target target, JsonNode request, Duration timeout, AtomicInteger errors,
                                AtomicInteger timeouts) {
        try {
            target.send(request, timeout);
            return true;
        } catch (TimeoutException e) {
            timeouts.incrementAndGet();
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        return false;
    }

    private static Measurement summarize(String peer, String mode, double[] latency, int errors, int timeouts,
                                         double seconds) {
        double[] sorted = latency.clone();
        Arrays.sort(sorted);
        return new Measurement(peer, mode, sorted.length, errors, timeouts, round(seconds), percentile(sorted, 0.50),
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
