package org.advocategraph.model;

import java.util.Locale;

/** Where a conversation stands in the care or advocacy workflow. */
public enum ConversationStatus {
    OPEN, ASSIGNED, RESOLVED, CLOSED;

    /** @return the lower-case name used in files and JSON */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param field the field name to report on failure
     * @param value the text, for example {@code open}
     * @return the status
     */
    public static ConversationStatus parse(String field, String value) {
        return Enums.parse(ConversationStatus.class, field, value);
    }
}
