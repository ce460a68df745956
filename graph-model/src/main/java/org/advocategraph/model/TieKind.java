package org.advocategraph.model;

import java.util.Locale;

/**
 * The kind of a {@code CONNECTED_TO} tie. {@link #FOLLOWS} is one-way (the follower sees the followed);
 * the others are treated as mutual.
 */
public enum TieKind {
    COLLEAGUE, FOLLOWS, KNOWS, INTERACTED;

    /** @return the lower-case name used in files, JSON and stored properties */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return true when the tie carries attention both ways */
    public boolean mutual() {
        return this != FOLLOWS;
    }

    /**
     * @param field the field name to report on failure
     * @param value the text, for example {@code follows}
     * @return the kind
     */
    public static TieKind parse(String field, String value) {
        return Enums.parse(TieKind.class, field, value);
    }
}
