package org.advocategraph.tools.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.advocategraph.model.InvalidFieldException;

/** Typed access to the fields of one CSV row by column name; every failure names the column. */
final class Fields {
    /** Separator of list values inside one field, for example {@code en;de}. */
    static final String LIST_SEPARATOR = ";";

    private final Map<String, Integer> columns;
    private final List<String> values;

    Fields(Map<String, Integer> columns, List<String> values) {
        this.columns = columns;
        this.values = values;
    }

    /** @return the raw text, or null when the column is absent or the field empty */
    String text(String column) {
        Integer i = columns.get(column);
        if (i == null || i >= values.size()) {
            return null;
        }
        String v = values.get(i);
        return v.isEmpty() ? null : v;
    }

    String required(String column) {
        String v = text(column);
        if (v == null) {
            throw new InvalidFieldException(column, "is required");
        }
        return v;
    }

    double decimal(String column, double absent) {
        String v = text(column);
        if (v == null) {
            return absent;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(column, "'" + v + "' is not a number");
        }
    }

    Double optionalDecimal(String column) {
        return text(column) == null ? null : decimal(column, 0);
    }

    long integer(String column, long absent) {
        String v = text(column);
        if (v == null) {
            return absent;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(column, "'" + v + "' is not a whole number");
        }
    }

    int smallInteger(String column, int absent) {
        long v = integer(column, absent);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new InvalidFieldException(column, "'" + v + "' is out of range");
        }
        return (int) v;
    }

    boolean bool(String column, boolean absent) {
        String v = text(column);
        if (v == null) {
            return absent;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new InvalidFieldException(column, "'" + v + "' is not true or false");
        };
    }

    List<String> list(String column) {
        String v = text(column);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(LIST_SEPARATOR, -1)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Instant instant(String column) {
        String v = text(column);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v.trim());
            } catch (DateTimeParseException e2) {
                throw new InvalidFieldException(column, "'" + v + "' is not an ISO 8601 date-time such as 2025-03-01T10:15:30Z");
            }
        }
    }

    Instant requiredInstant(String column) {
        Instant i = instant(column);
        if (i == null) {
            throw new InvalidFieldException(column, "is required");
        }
        return i;
    }

    static String join(java.util.Collection<?> values) {
        var sb = new StringBuilder();
        for (Object v : values) {
            if (sb.length() > 0) {
                sb.append(LIST_SEPARATOR);
            }
            sb.append(v instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : v.toString());
        }
        return sb.toString();
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
