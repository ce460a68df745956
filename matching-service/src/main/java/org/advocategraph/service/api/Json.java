package org.advocategraph.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
            var loc = e.getLocation();
            throw ApiException.badRequest("body", "malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()) + ": " + e.getOriginalMessage());
        }
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
