package org.advocategraph.service.engagement;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on the loopback interface, for tests: it records every request and answers the first
 * {@code failures} of them with HTTP 500, the rest with 204.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(Map<String, List<String>> headers, byte[] body) {
        /** @return the first value of a header, whatever the case of its name, or null */
        public String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }

        /** @return the body as text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();

    private WebhookReceiver(int failures) throws IOException {
        AtomicInteger count = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/advocates", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                synchronized (received) {
                    received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
                }
            }
            int status = count.incrementAndGet() <= failures ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * @param failures how many requests to answer with 500 before accepting
     * @return a started receiver
     */
    public static WebhookReceiver failingFirst(int failures) throws IOException {
        return new WebhookReceiver(failures);
    }

    /** @return a loopback URL where nothing listens (a port just bound and released) */
    public static URI unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hooks/advocates");
        }
    }

    /** @return where the receiver listens */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/advocates?token=abc");
    }

    /** @return the requests received so far, in order */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * The signature a receiver computes on its side, independently of the sender's code.
     *
     * @param body   the raw body
     * @param secret the shared secret
     * @return {@code sha256=<hex>}
     */
    public static String expectedSignature(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** Waits until the condition holds, at most {@code timeout}; @return whether it holds */
    public static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
