package org.advocategraph.service.engagement;

import java.time.Instant;

/**
 * The state of one event's delivery to the webhook, as {@code GET /api/v1/webhooks/deliveries} shows it.
 *
 * @param eventId       the event's id (the {@code X-Advocates-Event-Id} header)
 * @param event         the event type, for example {@code assignment.accepted}
 * @param assignmentId  the assignment it is about
 * @param state         {@code pending} (being tried, or waiting to be retried), {@code delivered} or {@code failed}
 *                      (every attempt failed, or the service stopped first)
 * @param delivered     true once the receiver answered 2xx
 * @param attempts      attempts made so far
 * @param lastStatus    the HTTP status of the last answer, or null when there was none (no connection, timeout)
 * @param lastError     what went wrong in the last failed attempt, or null
 * @param createdAt     when the event was handed over
 * @param lastAttemptAt when the last attempt ended, or null before the first
 */
public record WebhookDelivery(String eventId, String event, String assignmentId, String state, boolean delivered,
                              int attempts, Integer lastStatus, String lastError, Instant createdAt,
                              Instant lastAttemptAt) {
}
