package org.advocategraph.service.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;

/**
 * Reads a record from a JSON object with the import format's field names, and writes a record back the same way.
 * Reading is strict about JSON types (a number where a string belongs is refused, not converted) and names the
 * field of every problem by throwing {@link InvalidFieldException}; {@code null}, an empty string or a missing
 * field means "not given", as in the import format.
 */
final class RecordCodec {
    /** Records out: their components by name, enums as their lower-case keys, instants as ISO 8601. */
    private static final ObjectMapper WRITER = Json.mapper().configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true);

    private RecordCodec() {
    }

    /**
     * @param type     the record type
     * @param body     the JSON object, without a bulk body's {@code type}
     * @param pathKeys the key fields given in the path; they win, and a body value that disagrees is refused
     * @return the record
     * @throws InvalidFieldException naming the field: unknown, of the wrong JSON type, missing, too long, out of
     *                               range, or in disagreement with the path
     */
    static GraphElement read(RecordType type, JsonNode body, Map<String, String> pathKeys) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "expected a JSON object {...}, found " + article(body));
        }
        Map<String, RecordField> fields = new HashMap<>();
        for (RecordField f : type.fields()) {
            fields.put(f.name(), f);
        }
        Map<String, JsonNode> given = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!fields.containsKey(e.getKey())) {
                String shown = e.getKey().length() > 60 ? e.getKey().substring(0, 60) + "..." : e.getKey();
                throw new InvalidFieldException(shown, "unknown field; " + type.typeName() + " records have fields "
                        + String.join(", ", type.fields().stream().map(RecordField::name).toList()));
            }
            given.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> key : pathKeys.entrySet()) {
            JsonNode value = given.get(key.getKey());
            if (value != null && !value.isNull() && !(value.isTextual() && value.textValue().equals(key.getValue()))) {
                throw new InvalidFieldException(key.getKey(), sample(value) + " disagrees with the path, which says '"
                        + key.getValue() + "'; leave it out or give the same value");
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (RecordField f : type.fields()) {
            Object value = pathKeys.containsKey(f.name()) ? pathKeys.get(f.name()) : value(f, given.get(f.name()));
            if (value == null && f.required()) {
                throw new InvalidFieldException(f.name(), "is required");
            }
            values.put(f.name(), value == null ? f.defaultValue() : value);
        }
        return type.build(new Values(values));
    }

    /** @return the record as a JSON object with the import format's field names */
    static ObjectNode write(GraphElement record) {
        return WRITER.valueToTree(record);
    }

    /** @return the JSON value as the Java value of the field, or null when it is not given */
    private static Object value(RecordField f, JsonNode v) {
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            return null;
        }
        return switch (f.type()) {
            case ID, TEXT, CHOICE -> string(f, v);
            case LIST, CHOICES -> strings(f, v);
            case DECIMAL -> {
                if (!v.isNumber()) {
                    throw wrongType(f, "a number", v);
                }
                yield v.doubleValue();
            }
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw wrongType(f, "a whole number", v);
                }
                long n = v.longValue();
                if (n < f.minimum().longValue() || (f.maximum() != null && n > f.maximum().longValue())) {
                    throw new InvalidFieldException(f.name(), "must be in " + f.minimum() + ".."
                            + (f.maximum() == null ? "" : f.maximum()) + ", was " + n);
                }
                yield n;
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw wrongType(f, "true or false", v);
                }
                yield v.booleanValue();
            }
            case DATE_TIME -> instant(f, string(f, v));
        };
    }

    private static String string(RecordField f, JsonNode v) {
        if (!v.isTextual()) {
            throw wrongType(f, "a string", v);
        }
        String s = v.textValue();
        if (f.type() == RecordField.Type.ID) {
            RecordField.checkId(f.name(), s);
        }
        if (f.type() == RecordField.Type.CHOICE && !f.allowed().contains(s.trim().toLowerCase(Locale.ROOT))) {
            throw new InvalidFieldException(f.name(), sample(v) + " is not one of " + String.join(", ", f.allowed()));
        }
        return s;
    }

    private static List<String> strings(RecordField f, JsonNode v) {
        if (!v.isArray()) {
            throw wrongType(f, "an array of strings such as [\"en\",\"de\"]", v);
        }
        if (v.size() > RecordField.MAX_LIST_ENTRIES) {
            throw new InvalidFieldException(f.name(), "at most " + RecordField.MAX_LIST_ENTRIES + " entries, got " + v.size());
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode entry : v) {
            if (!entry.isTextual()) {
                throw wrongType(f, "an array of strings", entry);
            }
            if (f.type() == RecordField.Type.CHOICES
                    && !f.allowed().contains(entry.textValue().trim().toLowerCase(Locale.ROOT))) {
                throw new InvalidFieldException(f.name(), sample(entry) + " is not one of " + String.join(", ", f.allowed()));
            }
            out.add(entry.textValue());
        }
        return out;
    }

    private static Instant instant(RecordField f, String s) {
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(f.name(), "'" + s + "' is not an ISO 8601 date-time with a zone such as"
                    + " 2025-03-01T10:15:30Z");
        }
    }

    private static InvalidFieldException wrongType(RecordField f, String expected, JsonNode found) {
        return new InvalidFieldException(f.name(), "expected " + expected + ", found " + article(found)
                + (found.isContainerNode() ? "" : " (" + sample(found) + ")"));
    }

    private static String sample(JsonNode v) {
        String s = v.isTextual() ? "'" + v.textValue() + "'" : v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** @return the JSON type of a value with its article, for messages: {@code a string}, {@code an array} */
    static String article(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        return v.isNull() ? "null" : withArticle(v.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    /** @return the word after {@code a} or {@code an} */
    static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** The checked values of one record, by field name, defaults applied; what the record types build from. */
    static final class Values {
        private final Map<String, Object> values;

        private Values(Map<String, Object> values) {
            this.values = values;
        }

        String text(String field) {
            return (String) values.get(field);
        }

        @SuppressWarnings("unchecked")
        List<String> list(String field) {
            Object v = values.get(field);
            return v == null ? List.of() : (List<String>) v;
        }

        double decimal(String field) {
            Object v = values.get(field);
            return v == null ? Double.NaN : ((Number) v).doubleValue();
        }

        long integer(String field) {
            return ((Number) values.get(field)).longValue();
        }

        int smallInteger(String field) {
            return Math.toIntExact(integer(field));
        }

        boolean bool(String field) {
            return (Boolean) values.get(field);
        }

        Instant instant(String field) {
            return (Instant) values.get(field);
        }
    }
}
