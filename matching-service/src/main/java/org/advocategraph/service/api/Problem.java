package org.advocategraph.service.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 7807 problem detail, as every error leaves the API ({@code application/problem+json}).
 *
 * @param type     a URI reference identifying the kind of problem (relative, under {@code /problems/})
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   what went wrong in this request
 * @param instance the request path
 * @param field    the offending body field or query parameter, when there is one
 * @param ids      the unknown ids, for a 404
 * @param errors   every problem found, for a request checked as a whole (a bulk body: {@code line N: field:
 *                 reason}); null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<String> ids, List<String> errors) {
    /** The media type of a problem answer. */
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        ids = ids == null ? null : List.copyOf(ids);
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** A problem without a list of errors. */
    public Problem(String type, String title, int status, String detail, String instance, String field,
                   List<String> ids) {
        this(type, title, status, detail, instance, field, ids, null);
    }
}
