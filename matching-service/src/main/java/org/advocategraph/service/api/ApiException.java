package org.advocategraph.service.api;

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

    private ApiException(int status, String type, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
    }

    static ApiException badRequest(String field, String detail) {
        return new ApiException(400, "invalid-request", "Invalid request", detail, field);
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
}
