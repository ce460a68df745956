package org.advocategraph.service.api;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One field of a record as the API reads and writes it: the import format's JSON Lines field of the same name
 * (see {@code docs/import-format.md}), its JSON type, whether it is required, its default and its bounds. The
 * record's own constructor checks the rest (ranges, id rules) and names the field when it refuses.
 *
 * @param name         the field name, as in the import format
 * @param type         its JSON type
 * @param required     true when a record cannot be written without it
 * @param defaultValue the value when it is not given, or null for none (empty text, empty list, no reference)
 * @param minimum      the least number allowed, or null
 * @param maximum      the greatest number allowed, or null
 * @param allowed      for {@link Type#CHOICE} and {@link Type#CHOICES}: the lower-case words allowed
 */
record RecordField(String name, Type type, boolean required, Object defaultValue, Number minimum, Number maximum,
                   List<String> allowed) {
    /** Most entries in one list field (languages, certifications, purposes, handles). */
    static final int MAX_LIST_ENTRIES = 100;
    /** Most characters in an id (the records' own rule, checked here too for ids given in a path). */
    static final int MAX_ID_LENGTH = 200;
    /** Most characters in a text field (the records' own rule). */
    static final int MAX_TEXT_LENGTH = 100_000;

    /** The JSON type of a field. */
    enum Type {
        /** An identifier: a string of at most 200 characters without white space. */
        ID,
        /** Any string. */
        TEXT,
        /** An array of strings. */
        LIST,
        /** A JSON number. */
        DECIMAL,
        /** A JSON number without fraction. */
        INTEGER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An ISO 8601 date-time string with a zone, for example {@code 2025-03-01T10:15:30Z}. */
        DATE_TIME,
        /** One of a few lower-case words. */
        CHOICE,
        /** An array of words, each one of a few lower-case words. */
        CHOICES
    }

    RecordField {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    static RecordField id(String name) {
        return new RecordField(name, Type.ID, false, null, null, null, null);
    }

    static RecordField text(String name) {
        return new RecordField(name, Type.TEXT, false, null, null, null, null);
    }

    static RecordField list(String name) {
        return new RecordField(name, Type.LIST, false, null, null, null, null);
    }

    static RecordField decimal(String name, double minimum, double maximum) {
        return new RecordField(name, Type.DECIMAL, false, null, minimum, maximum, null);
    }

    static RecordField integer(String name, long minimum, Long maximum) {
        return new RecordField(name, Type.INTEGER, false, null, minimum, maximum, null);
    }

    static RecordField bool(String name) {
        return new RecordField(name, Type.BOOLEAN, false, null, null, null, null);
    }

    static RecordField dateTime(String name) {
        return new RecordField(name, Type.DATE_TIME, false, null, null, null, null);
    }

    static RecordField choice(String name, Class<? extends Enum<?>> values) {
        return new RecordField(name, Type.CHOICE, false, null, null, null, words(values));
    }

    static RecordField choices(String name, Class<? extends Enum<?>> values) {
        return new RecordField(name, Type.CHOICES, false, null, null, null, words(values));
    }

    /**
     * Checks an id given outside a record (a path or query parameter) against the length bound of ids.
     *
     * @return the id
     * @throws org.advocategraph.model.InvalidFieldException naming the parameter when it is longer
     */
    static String checkId(String parameter, String id) {
        if (id != null && id.length() > MAX_ID_LENGTH) {
            throw new org.advocategraph.model.InvalidFieldException(parameter, "must be at most " + MAX_ID_LENGTH
                    + " characters, was " + id.length());
        }
        return id;
    }

    /** @return this field, required */
    RecordField mandatory() {
        return new RecordField(name, type, true, defaultValue, minimum, maximum, allowed);
    }

    /** @return this field with a default for when it is not given */
    RecordField byDefault(Object value) {
        return new RecordField(name, type, required, value, minimum, maximum, allowed);
    }

    private static List<String> words(Class<? extends Enum<?>> values) {
        return Arrays.stream(values.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
