package org.advocategraph.tools.format;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;

/**
 * Records of a JSON Lines import file: one JSON object per line whose keys are the CSV column names.
 *
 * <p>Each object is turned into the fields the CSV reader would have produced for the same record and parsed by
 * the same {@link RowParser}, so that a record is validated the same way whichever encoding it came in. Lists
 * are JSON arrays of strings (a {@code ;}-separated string is accepted too), numbers JSON numbers (or numeric
 * strings), booleans {@code true}/{@code false}, date-times ISO 8601 strings; {@code null} or a missing key means
 * "not given". Blank lines are skipped. Lines stand alone, so after a bad line (bad JSON, bad value, bytes that
 * are not UTF-8, a line that is too long) reading goes on at the next one; only broken gzip data ends the file.
 */
final class JsonLinesRecordSource implements RecordSource {
    /** Strict parsing: a repeated key is an error, not silently resolved to the last value. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The JSON type each column takes; columns not listed hold text. */
    private enum Kind { TEXT, LIST, NUMBER, BOOLEAN, DATE_TIME }

    private static final Map<String, Kind> KINDS = kinds();

    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: \\d+, column: (\\d+)\\]");

    private final Utf8LineReader lines;
    private final ImportFile type;
    private final String name;
    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final RowParser parser;
    private boolean broken;

    JsonLinesRecordSource(ImportFile type, Path path) throws IOException {
        this.type = type;
        this.name = path.getFileName().toString();
        this.columns = type.columns();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
        // Every column, so that a record maps to one fixed row; the header cannot fail as it names known columns.
        this.parser = type.header(name, 0, columns);
        this.lines = new Utf8LineReader(openBytes(path, name), name, CsvReader.MAX_RECORD_CHARS);
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> k = new HashMap<>();
        for (String c : List.of("languages", "certifications", "purposes", "handles")) {
            k.put(c, Kind.LIST);
        }
        for (String c : List.of("capacity", "followers", "sentiment", "authorReach", "level", "weight", "strength",
                "sentimentAfter")) {
            k.put(c, Kind.NUMBER);
        }
        for (String c : List.of("active", "optedIn")) {
            k.put(c, Kind.BOOLEAN);
        }
        for (String c : List.of("createdAt", "since", "assignedAt", "respondedAt", "decidedAt", "resolvedAt")) {
            k.put(c, Kind.DATE_TIME);
        }
        return Map.copyOf(k);
    }

    /** Opens the raw bytes, decompressing a {@code .gz} file; decoding is left to {@link Utf8LineReader}. */
    private static InputStream openBytes(Path path, String name) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (!name.endsWith(".gz")) {
            return in;
        }
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            in.close();
            throw new FormatException(name, 0, null, "not a gzip file (" + e.getMessage() + ")");
        }
    }

    @Override
    public Entry next() {
        if (broken) {
            return null;
        }
        Utf8LineReader.Line line;
        try {
            do {
                line = lines.next();
            } while (line != null && line.text().isBlank());
        } catch (ZipException | EOFException e) {
            broken = true;
            throw new FormatException(name, lines.lineNumber(), null,
                    "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        } catch (IOException e) {
            broken = true;
            throw new FormatException(name, 0, null, "cannot read: " + e.getMessage());
        }
        if (line == null) {
            return null;
        }
        return new Entry(line.number(), parser.parse(line.number(), fields(line)));
    }

    /** @return the object's values as CSV fields, in {@link ImportFile#columns()} order */
    private List<String> fields(Utf8LineReader.Line line) {
        JsonNode node;
        try (JsonParser json = JSON.createParser(line.text())) {
            node = JSON.readTree(json);
            if (json.nextToken() != null) {
                throw new FormatException(name, line.number(), null, "not valid JSON: text after the end of the value"
                        + " (at character " + json.currentTokenLocation().getColumnNr() + "); put one object on each line");
            }
        } catch (JsonProcessingException e) {
            throw new FormatException(name, line.number(), null, "not valid JSON: " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a parser over a String does no I/O
        }
        if (!node.isObject()) {
            throw new FormatException(name, line.number(), null, "expected a JSON object {...}, found "
                    + article(node.getNodeType()));
        }
        List<String> values = new ArrayList<>(Arrays.asList(new String[columns.size()]));
        values.replaceAll(v -> "");
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            Integer i = index.get(key);
            if (i == null) {
                String shown = key.length() > 60 ? key.substring(0, 60) + "..." : key;
                throw new FormatException(name, line.number(), key.isEmpty() ? "\"\"" : shown, "unknown key; "
                        + type.baseName() + " records have keys " + String.join(",", columns));
            }
            values.set(i, text(line.number(), key, field.getValue()));
        }
        return values;
    }

    /** @return the value as the text a CSV field would hold, "" for null */
    private String text(long line, String column, JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        // A string is accepted for lists, numbers and booleans as well: it is read as the CSV field would be.
        boolean asInCsv = value.isTextual();
        return switch (KINDS.getOrDefault(column, Kind.TEXT)) {
            case LIST -> value.isArray() ? joined(line, column, value) : asInCsv ? value.textValue()
                    : fail(line, column, "an array of strings such as [\"en\",\"de\"]", value, "");
            case NUMBER -> value.isNumber() ? value.numberValue().toString() : asInCsv ? value.textValue()
                    : fail(line, column, "a number", value, "");
            case BOOLEAN -> value.isBoolean() ? Boolean.toString(value.booleanValue()) : asInCsv ? value.textValue()
                    : fail(line, column, "true or false", value, "");
            case DATE_TIME -> asInCsv ? value.textValue()
                    : fail(line, column, "an ISO 8601 date-time string such as \"2025-03-01T10:15:30Z\"", value, "");
            case TEXT -> asInCsv ? value.textValue() : fail(line, column, "a string", value, "");
        };
    }

    private String joined(long line, String column, JsonNode array) {
        var sb = new StringBuilder();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return fail(line, column, "an array of strings", element, "an array holding ");
            }
            String s = element.textValue();
            if (s.contains(Fields.LIST_SEPARATOR)) {
                throw new FormatException(name, line, column, "list entry '" + s + "' contains ';', which separates"
                        + " list entries in import files; it cannot be part of one");
            }
            if (sb.length() > 0) {
                sb.append(Fields.LIST_SEPARATOR);
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /** Throws: a value of the wrong JSON type. Typed as returning so that it can end a switch arm. */
    private String fail(long line, String column, String expected, JsonNode found, String where) {
        throw new FormatException(name, line, column, "expected " + expected + ", found " + where
                + article(found.getNodeType()) + sample(found));
    }

    private static String sample(JsonNode found) {
        if (found.isContainerNode()) {
            return "";
        }
        String s = found.toString();
        return " (" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + ")";
    }

    private static String article(JsonNodeType type) {
        return switch (type) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    /** Jackson's message without the location block it appends, plus where on the line the problem is. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // Jackson names places as "[Source: ...; line: 1, column: 7]"; the line is known, the column is what helps.
        message = SOURCE_LOCATION.matcher(message.replace('\n', ' ').replace('\r', ' ')).replaceAll("character $1");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getColumnNr() < 1 ? message : message + " (at character " + at.getColumnNr() + ")";
    }

    @Override
    public boolean broken() {
        return broken;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
