package org.advocategraph.service.matching;

import java.util.List;
import java.util.Locale;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.model.Purpose;

/**
 * A request for advocates. At least one of person, conversation or topics must be given; the others are
 * filled in from the graph (a conversation brings its author, topics, language and purpose).
 *
 * <p>The person seeking help is named by {@code customerId} (it must be a customer: what a CRM knows) or by
 * {@code personId} (a customer, or an employee with an internal question, whom colleagues answer); naming both
 * is allowed only when they agree. That person is never matched to themselves.
 *
 * @param customerId     the customer the advocate should speak with, or null
 * @param conversationId the conversation to answer, or null
 * @param topics         topic ids, may be empty
 * @param purpose        what the advocate speaks for, or null for any
 * @param channel        the channel, or null
 * @param language       a language the advocate must speak, or null
 * @param limit          how many matches at most, 1..{@link #MAX_LIMIT}
 * @param programId      the program whose policy applies, or null for any program the advocate belongs to
 * @param personId       the person seeking help, customer or employee, or null
 */
public record MatchRequest(String customerId, String conversationId, List<String> topics, Purpose purpose,
                           String channel, String language, int limit, String programId, String personId) {
    /** Most matches one request may ask for. */
    public static final int MAX_LIMIT = 100;
    /** Default number of matches. */
    public static final int DEFAULT_LIMIT = 10;
    /** Most topics one request may name. */
    public static final int MAX_TOPICS = 50;

    public MatchRequest {
        customerId = blankToNull(customerId);
        personId = blankToNull(personId);
        if (customerId != null && personId != null && !customerId.equals(personId)) {
            throw new InvalidFieldException("personId", "names " + personId + " but customerId names " + customerId
                    + "; give one of them, or the same id in both");
        }
        conversationId = blankToNull(conversationId);
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (topics.size() > MAX_TOPICS) {
            throw new InvalidFieldException("topics", "at most " + MAX_TOPICS + " topics, got " + topics.size());
        }
        for (String t : topics) {
            if (t == null || t.isBlank()) {
                throw new InvalidFieldException("topics", "must not contain empty ids");
            }
        }
        if (customerId == null && personId == null && conversationId == null && topics.isEmpty()) {
            throw new InvalidFieldException("customerId", "give at least one of customerId, personId, conversationId, topics");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be in 1.." + MAX_LIMIT + ", was " + limit);
        }
        programId = blankToNull(programId);
        channel = blankToNull(channel) == null ? null : channel.trim().toLowerCase(Locale.ROOT);
        language = blankToNull(language) == null ? null : language.trim().toLowerCase(Locale.ROOT);
    }

    /** A request under no particular program, naming the person seeking help, if any, as a customer. */
    public MatchRequest(String customerId, String conversationId, List<String> topics, Purpose purpose, String channel,
                        String language, int limit) {
        this(customerId, conversationId, topics, purpose, channel, language, limit, null, null);
    }

    /** A request naming the person seeking help, if any, as a customer. */
    public MatchRequest(String customerId, String conversationId, List<String> topics, Purpose purpose, String channel,
                        String language, int limit, String programId) {
        this(customerId, conversationId, topics, purpose, channel, language, limit, programId, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
