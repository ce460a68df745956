package org.advocategraph.model;

import java.time.Instant;

/**
 * A conversation in some channel (a post, a thread, a ticket) that may need an advocate.
 *
 * @param id          external id
 * @param channel     channel key, for example {@code twitter}, {@code forum}, {@code email}
 * @param url         where it can be read, may be empty
 * @param text        its text, may be empty
 * @param language    language code, may be empty when unknown
 * @param sentiment   -1 (negative) .. 1 (positive)
 * @param createdAt   when it started
 * @param status      workflow status
 * @param purpose     what kind of answer it needs, or null when not classified
 * @param authorReach audience of the author as reported by the channel
 * @param authorId    the person who started it, or null
 */
public record Conversation(String id, String channel, String url, String text, String language,
                           double sentiment, Instant createdAt, ConversationStatus status, Purpose purpose,
                           long authorReach, String authorId) implements GraphNode {
    public Conversation {
        id = Checks.id("id", id);
        channel = Checks.tags("channel", java.util.List.of(Checks.required("channel", channel))).get(0);
        url = Checks.text("url", url);
        text = Checks.text("text", text);
        language = language == null ? "" : language.trim().toLowerCase(java.util.Locale.ROOT);
        Checks.range("sentiment", sentiment, -1, 1);
        Checks.notNull("createdAt", createdAt);
        status = status == null ? ConversationStatus.OPEN : status;
        Checks.nonNegative("authorReach", authorReach);
        authorId = Checks.optionalId("authorId", authorId);
    }
}
