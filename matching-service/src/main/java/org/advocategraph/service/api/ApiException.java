package org.advocategraph.service.api;

import java.util.List;

/**
 * An error raised at the HTTP edge with its status, problem type and offending field. Built by small static
 * factories, one per kind of problem.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<String> errors;

    private ApiException(int status, String type, String title, String detail, String field) {
        this(status, type, title, detail, field, null);
    }

    private ApiException(int status, String type, String title, String detail, String field, List<String> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "invalid-request", "Invalid request", detail, field);
    }

    /**
     * @param errors every problem found, each {@code line N: field: reason}, in line order
     * @param total  how many problems there were, at least {@code errors.size()}
     */
    static ApiException invalidLines(List<String> errors, int total) {
        String detail = total + (total == 1 ? " problem" : " problems") + " in the body, nothing was written"
                + (total > errors.size() ? " (the first " + errors.size() + " are listed)" : "") + "; first: "
                + errors.get(0);
        return new ApiException(400, "invalid-request", "Invalid request", detail, "body", errors);
    }

    static ApiException conflict(String field, String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, field);
    }

    static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "API key required", detail, "Authorization");
    }

    static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Role not allowed", detail, null);
    }

    static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail, "Content-Type");
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }

    /** @return every problem found, or null when the request had one */
    List<String> errors() {
        return errors;
    }
}
