package org.advocategraph.service.api;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;

/** The one JSON configuration of the API, and the translation of JSON errors into field-naming problems. */
final class Json {
    private Json() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads a request body, turning any JSON problem into a 400 that names the field. */
    static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "the request body is empty; send a JSON object");
        }
        try {
            return mapper.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw ApiException.badRequest(field, field.equals("body")
                    ? "the request body must be a JSON object"
                    : "field '" + field + "' has the wrong type: " + e.getOriginalMessage().split("\n")[0]);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", malformed(e, true));
        }
    }

    /**
     * Reads a request body as a JSON tree, refusing a key given twice; any JSON problem is a 400 naming the body.
     * The record handlers read trees so that they can name unknown fields and wrong types themselves.
     */
    static JsonNode tree(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("body", "the request body is empty; send a JSON object");
        }
        try {
            return strictTree(mapper, body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", malformed(e, true));
        }
    }

    /** Parses one JSON value, refusing a key given twice and text after the value. */
    static JsonNode strictTree(ObjectMapper mapper, String text) throws JsonProcessingException {
        return mapper.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
    }

    /** @return what is malformed and where: at line and column, or for a single line at its character */
    static String malformed(JsonProcessingException e, boolean withLine) {
        var loc = e.getLocation();
        String where = loc == null ? "" : withLine ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                : " at character " + loc.getColumnNr();
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.replace('\n', ' ');
        return "malformed JSON" + where + ": " + (message.length() > 200 ? message.substring(0, 200) + "..." : message);
    }

    /**
     * Refuses a request body of another media type with a 415; a request without {@code Content-Type} passes.
     *
     * @param accepted the media types accepted, lower case
     */
    static void requireContentType(Context ctx, String... accepted) {
        String contentType = ctx.contentType();
        if (contentType == null) {
            return;
        }
        String given = contentType.toLowerCase(Locale.ROOT);
        for (String a : accepted) {
            if (given.startsWith(a)) {
                return;
            }
        }
        throw ApiException.unsupportedMediaType("send the body as " + String.join(" or ", accepted) + ", not " + contentType);
    }

    private static String fieldOf(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
