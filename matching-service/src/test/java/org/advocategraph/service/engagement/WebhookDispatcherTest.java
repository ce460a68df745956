package org.advocategraph.service.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;

class WebhookDispatcherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-shared-secret-of-some-length";
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

    private static AssignmentEvent accepted(String eventId) {
        Assignment a = new Assignment("as1", "e1", "v1", T0, AssignmentStatus.ACCEPTED, null, "", null,
                T0.plusSeconds(30), null);
        return AssignmentEvent.of(eventId, T0.plusSeconds(30), a);
    }

    private static WebhookSettings settings(URI url, int attempts) {
        return new WebhookSettings(url, SECRET, attempts, Duration.ofMillis(20), Duration.ofSeconds(2));
    }

    @Test
    void shouldRetryUntilTheReceiverAcceptsSigningEveryAttemptAlike() throws Exception {
        // Given a receiver that fails the first two requests, and a dispatcher allowed 5 attempts
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(2);
             WebhookDispatcher dispatcher = new WebhookDispatcher(settings(receiver.url(), 5), Clock.systemUTC())) {

            // When an event is published
            dispatcher.publish(accepted("evt-1"));

            // Then it arrives on the third attempt, and the delivery says so
            assertTrue(WebhookReceiver.await(() -> dispatcher.deliveries(1).get(0).delivered(), Duration.ofSeconds(10)));
            List<WebhookReceiver.Received> requests = receiver.received();
            assertEquals(3, requests.size());
            WebhookDelivery delivery = dispatcher.deliveries(10).get(0);
            assertEquals(new WebhookDelivery("evt-1", "assignment.accepted", "as1", "delivered", true, 3, 204, null,
                    delivery.createdAt(), delivery.lastAttemptAt()), delivery);

            // And every attempt carries the same body, a signature the receiver can check with the secret, and the
            // event id
            for (int i = 0; i < 3; i++) {
                WebhookReceiver.Received r = requests.get(i);
                assertEquals(requests.get(0).text(), r.text());
                assertEquals(WebhookReceiver.expectedSignature(r.body(), SECRET), r.header(Signatures.HEADER));
                assertEquals("evt-1", r.header("X-Advocates-Event-Id"));
                assertEquals("assignment.accepted", r.header("X-Advocates-Event"));
                assertEquals(Integer.toString(i + 1), r.header("X-Advocates-Delivery-Attempt"));
                assertTrue(r.header("Content-Type").startsWith("application/json"));
            }
            assertNotEquals(WebhookReceiver.expectedSignature(requests.get(0).body(), SECRET + "x"),
                    requests.get(0).header(Signatures.HEADER));

            // And the body is the event
            JsonNode body = JSON.readTree(requests.get(0).body());
            assertEquals("evt-1", body.get("id").asText());
            assertEquals("assignment.accepted", body.get("type").asText());
            assertEquals("2026-02-01T09:00:30Z", body.get("occurredAt").asText());
            JsonNode assignment = body.get("assignment");
            assertEquals("as1", assignment.get("id").asText());
            assertEquals("accepted", assignment.get("status").asText());
            assertEquals("v1", assignment.get("conversationId").asText());
            assertEquals("e1", assignment.get("employeeId").asText());
            assertEquals("2026-02-01T09:00:00Z", assignment.get("assignedAt").asText());
            assertEquals("2026-02-01T09:00:30Z", assignment.get("decidedAt").asText());
            assertTrue(assignment.get("resolvedAt").isNull());
        }
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptWhenNothingListens() throws Exception {
        // Given a dispatcher allowed 3 attempts at a port where nothing listens
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(settings(WebhookReceiver.unreachable(), 3),
                Clock.systemUTC())) {

            // When an event is published
            dispatcher.publish(accepted("evt-2"));

            // Then after three attempts the delivery is failed, with the connection error and no HTTP status
            assertTrue(WebhookReceiver.await(() -> dispatcher.deliveries(1).get(0).state().equals("failed"),
                    Duration.ofSeconds(20)));
            WebhookDelivery delivery = dispatcher.deliveries(1).get(0);
            assertFalse(delivery.delivered());
            assertEquals(3, delivery.attempts());
            assertNull(delivery.lastStatus());
            assertTrue(delivery.lastError().contains("ConnectException"), delivery.lastError());
        }
    }

    @Test
    void shouldStopRetryingAndMarkWaitingDeliveriesFailedOnClose() throws Exception {
        // Given a receiver that always fails and a dispatcher whose retries wait a minute
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(Integer.MAX_VALUE)) {
            WebhookDispatcher dispatcher = new WebhookDispatcher(new WebhookSettings(receiver.url(), SECRET, 5,
                    Duration.ofMinutes(1), Duration.ofSeconds(2)), Clock.systemUTC());
            dispatcher.publish(accepted("evt-3"));
            assertTrue(WebhookReceiver.await(() -> dispatcher.deliveries(1).get(0).attempts() == 1, Duration.ofSeconds(10)));

            // When it is closed
            long started = System.nanoTime();
            dispatcher.close();

            // Then it stops at once, the waiting retry never runs, and the delivery shows it failed
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(3).toNanos());
            WebhookDelivery delivery = dispatcher.deliveries(1).get(0);
            assertEquals("failed", delivery.state());
            assertEquals(500, delivery.lastStatus());
            assertEquals(1, receiver.received().size());

            // And an event published after closing is recorded as not sent, without throwing
            dispatcher.publish(accepted("evt-4"));
            assertEquals("failed", dispatcher.deliveries(1).get(0).state());
            assertEquals(0, dispatcher.deliveries(1).get(0).attempts());
        }
    }

    @Test
    void shouldListTheMostRecentDeliveriesFirstWithinTheLimit() throws Exception {
        // Given a receiver that accepts everything
        try (WebhookReceiver receiver = WebhookReceiver.failingFirst(0);
             WebhookDispatcher dispatcher = new WebhookDispatcher(settings(receiver.url(), 1), Clock.systemUTC())) {

            // When three events are published
            for (String id : List.of("a", "b", "c")) {
                dispatcher.publish(accepted(id));
            }

            // Then the list is newest first and bounded
            assertEquals(List.of("c", "b"), dispatcher.deliveries(2).stream().map(WebhookDelivery::eventId).toList());
            assertTrue(WebhookReceiver.await(() -> receiver.received().size() == 3, Duration.ofSeconds(10)));
        }
    }

    @Test
    void shouldNeverShowTheSecretOrTheUrlsCredentials() {
        // Given settings whose URL carries user info and a token in its query
        WebhookSettings s = WebhookSettings.of(URI.create("https://user:pw@hooks.example.com/in?token=t0k3n"), SECRET);

        // When they are printed, Then neither the secret nor the credentials show
        assertFalse(s.toString().contains(SECRET), s.toString());
        assertFalse(s.toString().contains("pw") || s.toString().contains("t0k3n"), s.toString());
        assertEquals("https://hooks.example.com/in", s.safeUrl());
    }

    @Test
    void shouldRefuseUnusableSettings() {
        // Given bad settings, When they are built, Then each is refused naming its key
        URI url = URI.create("https://hooks.example.com/in");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSettings.of(url, "short"))
                .getMessage().contains("webhook.secret"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebhookSettings.of(URI.create("ftp://x/y"), SECRET))
                .getMessage().contains("webhook.url"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, SECRET, 0,
                Duration.ZERO, Duration.ofSeconds(1))).getMessage().contains("webhook.maxAttempts"));
    }
}
