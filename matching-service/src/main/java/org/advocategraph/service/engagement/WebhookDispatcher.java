package org.advocategraph.service.engagement;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers assignment events to the configured webhook, in the background: each event is POSTed as JSON
 *
 * <pre>{"id": "…", "type": "assignment.accepted", "occurredAt": "…", "assignment": {…AssignmentView…}}</pre>
 *
 * <p>with the headers {@code X-Advocates-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>},
 * {@code X-Advocates-Event-Id} (the same on every attempt, for de-duplication), {@code X-Advocates-Event} (the
 * type) and {@code X-Advocates-Delivery-Attempt}. An answer other than 2xx, a refused connection or a timeout is
 * a failed attempt, retried after a wait that doubles each time (with jitter), up to the configured number of
 * attempts; the body and so the signature are the same on every attempt. Delivery is at least once while the
 * process runs: events waiting for a retry are not kept across a restart.
 *
 * <p>The most recent {@link #KEPT} deliveries are kept in memory for {@link #deliveries}. Failures are logged with
 * the receiver's URL stripped of user info and query, never with the secret.
 *
 * <p>{@link #close()} stops taking events, cancels waiting retries, and lets running attempts finish for at most
 * the attempt timeout. Thread-safe.
 */
public final class WebhookDispatcher implements AssignmentEvents, AutoCloseable {
    /** Deliveries kept for {@link #deliveries}, the most recent ones. */
    public static final int KEPT = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int THREADS = 2;

    private final WebhookSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final ScheduledThreadPoolExecutor executor;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Most recent last; guarded by itself. */
    private final Deque<Delivery> recent = new ArrayDeque<>();

    /**
     * Starts the background threads; {@link #close()} stops them.
     *
     * @param settings where and how to deliver
     * @param clock    for the times shown in {@link #deliveries}
     */
    public WebhookDispatcher(WebhookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger n = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(r, "webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** @return the receiver's URL without user info or query, for logs and answers */
    public String safeUrl() {
        return settings.safeUrl();
    }

    @Override
    public void publish(AssignmentEvent event) {
        byte[] body = body(event);
        Delivery delivery = new Delivery(event, clock.instant());
        remember(delivery);
        Attempt first = new Attempt(delivery, body, Signatures.sign(body, settings.secret()), 1);
        try {
            executor.execute(first);
        } catch (RejectedExecutionException e) {
            delivery.give(Outcome.failed("not sent: the service is stopping"));
            LOG.warn("Webhook event {} ({}) not sent: the service is stopping", event.id(), event.type());
        }
    }

    /**
     * @param limit most deliveries to list
     * @return the most recent deliveries, newest first
     */
    public List<WebhookDelivery> deliveries(int limit) {
        List<WebhookDelivery> out = new ArrayList<>();
        synchronized (recent) {
            Iterator<Delivery> it = recent.descendingIterator();
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next().snapshot());
            }
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int undelivered = 0;
        synchronized (recent) {
            for (Delivery d : recent) {
                if (d.give(Outcome.failed("not retried: the service stopped"))) {
                    undelivered++;
                }
            }
        }
        if (undelivered > 0) {
            LOG.warn("Webhook: {} event(s) left undelivered at shutdown", undelivered);
        }
    }

    private byte[] body(AssignmentEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", event.id());
        json.put("type", event.type());
        json.put("occurredAt", event.occurredAt());
        json.put("assignment", AssignmentView.of(event.assignment()));
        try {
            return mapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id(), e);
        }
    }

    private void remember(Delivery delivery) {
        synchronized (recent) {
            recent.addLast(delivery);
            while (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    /** @return the wait before attempt {@code next}: the initial backoff doubled per earlier retry, half of it random */
    private long backoffMillis(int next) {
        long base = settings.initialBackoff().toMillis();
        long capped = Math.min(WebhookSettings.MAX_BACKOFF.toMillis(), base << Math.min(30, next - 2));
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    /** One attempt of one delivery; schedules the next one when it fails and attempts remain. */
    private final class Attempt implements Runnable {
        private final Delivery delivery;
        private final byte[] body;
        private final String signature;
        private final int number;

        Attempt(Delivery delivery, byte[] body, String signature, int number) {
            this.delivery = delivery;
            this.body = body;
            this.signature = signature;
            this.number = number;
        }

        @Override
        public void run() {
            AssignmentEvent event = delivery.event;
            HttpRequest request = HttpRequest.newBuilder(settings.url())
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "advocate-graph-webhook")
                    .header(Signatures.HEADER, signature)
                    .header("X-Advocates-Event-Id", event.id())
                    .header("X-Advocates-Event", event.type())
                    .header("X-Advocates-Delivery-Attempt", Integer.toString(number))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            Outcome outcome;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    delivery.attempted(number, new Outcome(status, null), true, clock.instant());
                    return;
                }
                outcome = new Outcome(status, "the receiver answered HTTP " + status);
            } catch (IOException e) {
                outcome = new Outcome(null, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                delivery.attempted(number, Outcome.failed("interrupted: the service is stopping"), false, clock.instant());
                delivery.give(Outcome.failed("interrupted: the service is stopping"));
                return;
            }
            delivery.attempted(number, outcome, false, clock.instant());
            if (number >= settings.maxAttempts()) {
                delivery.give(outcome);
                LOG.warn("Webhook event {} ({}, assignment {}) not delivered to {} after {} attempts: {}", event.id(),
                        event.type(), event.assignment().id(), settings.safeUrl(), number, outcome.error());
                return;
            }
            long wait = backoffMillis(number + 1);
            LOG.info("Webhook event {} attempt {} of {} failed ({}); next in {} ms", event.id(), number,
                    settings.maxAttempts(), outcome.error(), wait);
            try {
                executor.schedule(new Attempt(delivery, body, signature, number + 1), wait, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                delivery.give(Outcome.failed("not retried: the service is stopping"));
            }
        }
    }

    /** What one attempt got: the HTTP status if there was an answer, and what went wrong if anything. */
    private record Outcome(Integer status, String error) {
        static Outcome failed(String reason) {
            return new Outcome(null, reason);
        }
    }

    /** One event's delivery, updated by its attempts; read through {@link #snapshot()}. */
    private static final class Delivery {
        private final AssignmentEvent event;
        private final Instant createdAt;
        private int attempts;
        private Integer lastStatus;
        private String lastError;
        private Instant lastAttemptAt;
        private String state = "pending";

        Delivery(AssignmentEvent event, Instant createdAt) {
            this.event = event;
            this.createdAt = createdAt;
        }

        synchronized void attempted(int number, Outcome outcome, boolean delivered, Instant at) {
            attempts = Math.max(attempts, number);
            lastStatus = outcome.status();
            lastError = outcome.error();
            lastAttemptAt = at;
            if (delivered) {
                state = "delivered";
            }
        }

        /** Marks a pending delivery failed; @return true when it was still pending */
        synchronized boolean give(Outcome last) {
            if (!state.equals("pending")) {
                return false;
            }
            state = "failed";
            if (lastError == null) {
                lastError = last.error();
            }
            return true;
        }

        synchronized WebhookDelivery snapshot() {
            return new WebhookDelivery(event.id(), event.type(), event.assignment().id(), state,
                    state.equals("delivered"), attempts, lastStatus, lastError, createdAt, lastAttemptAt);
        }
    }
}
