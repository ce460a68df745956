package org.advocategraph.service.api;

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
