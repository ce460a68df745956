package org.advocategraph.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Validation helpers shared by the record constructors; each failure names its field. */
final class Checks {
    /** External ids are keys in every store and in URLs: keep them short and printable. */
    static final int MAX_ID_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 100_000;

    private Checks() {
    }

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new InvalidFieldException(field, "must not contain white space or control characters: '" + value + "'");
            }
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null || value.isEmpty() ? null : id(field, value);
    }

    static String text(String field, String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > MAX_TEXT_LENGTH) {
            throw new InvalidFieldException(field, "must be at most " + MAX_TEXT_LENGTH + " characters, was " + value.length());
        }
        return value;
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return text(field, value);
    }

    static double range(String field, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new InvalidFieldException(field, "must be in " + fmt(min) + ".." + fmt(max) + ", was " + value);
        }
        return value;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidFieldException(field, "must not be negative, was " + value);
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    /** Lower-cased, trimmed, blank entries dropped, order kept, no duplicates. */
    static List<String> tags(String field, Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        var seen = new java.util.LinkedHashSet<String>();
        for (String v : values) {
            if (v == null) {
                throw new InvalidFieldException(field, "must not contain null");
            }
            String t = v.trim().toLowerCase(java.util.Locale.ROOT);
            if (!t.isEmpty()) {
                seen.add(t);
            }
        }
        return List.copyOf(seen);
    }

    static List<String> strings(String field, Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            if (v == null) {
                throw new InvalidFieldException(field, "must not contain null");
            }
        }
        return List.copyOf(values);
    }

    /** Short labels such as social handles: no blanks, no control characters, no {@code ;} (the list separator of files). */
    static List<String> handles(String field, Collection<String> values) {
        List<String> list = strings(field, values);
        for (String v : list) {
            if (v.isBlank() || !v.equals(v.strip())) {
                throw new InvalidFieldException(field, "must not hold blank entries or entries with edge spaces: '" + v + "'");
            }
            if (v.indexOf(';') >= 0 || v.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidFieldException(field, "must not contain ';' or control characters: '" + v + "'");
            }
        }
        return list;
    }

    static <E extends Comparable<E>> Set<E> sortedSet(Collection<E> values) {
        return values == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(values));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
