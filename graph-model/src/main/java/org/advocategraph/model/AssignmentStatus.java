package org.advocategraph.model;

import java.util.Locale;

/**
 * The lifecycle of an assignment of an advocate to a conversation: {@code proposed -> accepted | declined |
 * cancelled}, {@code accepted -> responded | cancelled}, {@code responded -> resolved}. Declined, resolved and
 * cancelled are final.
 */
public enum AssignmentStatus {
    PROPOSED, ACCEPTED, DECLINED, RESPONDED, RESOLVED, CANCELLED;

    /** @return the lower-case name used in files and JSON */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true while the assignment still takes some of the advocate's capacity */
    public boolean open() {
        return this == PROPOSED || this == ACCEPTED || this == RESPONDED;
    }

    /**
     * @param field the field name to report on failure
     * @param value the text, for example {@code accepted}
     * @return the status
     */
    public static AssignmentStatus parse(String field, String value) {
        return Enums.parse(AssignmentStatus.class, field, value);
    }
}
