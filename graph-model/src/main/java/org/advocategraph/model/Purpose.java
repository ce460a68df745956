package org.advocategraph.model;

import java.util.Locale;

/** Why an advocate speaks: the purposes an employee may be allowed for and a request may ask for. */
public enum Purpose {
    MARKETING, SALES, CARE, PRODUCT, CRISIS, RECRUITING;

    /** @return the lower-case name used in files and JSON */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a purpose case-insensitively.
     *
     * @param field the field name to report on failure
     * @param value the text, for example {@code care}
     * @return the purpose
     * @throws InvalidFieldException naming the field and the allowed values
     */
    public static Purpose parse(String field, String value) {
        return Enums.parse(Purpose.class, field, value);
    }

}
