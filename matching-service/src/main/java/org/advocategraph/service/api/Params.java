package org.advocategraph.service.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.javalin.http.Context;

/** Query parameters, parsed with errors that name the parameter. */
final class Params {
    private Params() {
    }

    static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a whole number, was '" + value + "'");
        }
    }

    static double decimal(Context ctx, String name, double fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name, name + " must be a number, was '" + value + "'");
        }
    }

    /** @return the ids of a comma-separated list, blanks dropped, each checked for length; empty when absent */
    static List<String> ids(Context ctx, String name) {
        String value = ctx.queryParam(name);
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String id : value.split(",")) {
                if (!id.isBlank()) {
                    out.add(RecordField.checkId(name, id.trim()));
                }
            }
        }
        return out;
    }

    /**
     * @return an ISO 8601 instant ({@code 2026-01-01T00:00:00Z}, an offset instead of Z) or date ({@code 2026-01-01},
     *         the start of that day in UTC); null when absent
     */
    static Instant instant(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO 8601 date-time with a zone, such as "
                    + "2026-01-01T00:00:00Z, or a date, such as 2026-01-01; was '" + value + "'");
        }
    }

    /** @return an ISO 8601 duration such as {@code P1D} or {@code PT6H}; the fallback when absent */
    static Duration duration(Context ctx, String name, Duration fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO 8601 duration such as P1D or PT6H, was '"
                    + value + "'");
        }
    }

    static boolean bool(Context ctx, String name, boolean fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, name + " must be true or false, was '" + value + "'");
        };
    }
}
