package org.advocategraph.service.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.UpsertResult;

/**
 * {@code POST /api/v1/bulk}: many records in one request, as NDJSON ({@code application/x-ndjson}): one JSON
 * object per line, its {@code type} (see {@link RecordType#typeName()}) and the record's fields.
 *
 * <p>All or nothing: every line is checked first (JSON, type, fields, the same key twice, a person id used
 * for an employee and a customer, and relationship ends that exist neither in the body nor in the store); any
 * problem is a 400 listing each as {@code line N: field: reason} and nothing is written. Otherwise the records
 * are written in one upsert call, one transaction where the store has them: {@link #MAX_LINES} records are what
 * an import writes in one batch, so there is no need to cut them up. Blank lines are skipped; line numbers count
 * every line.
 */
final class BulkHandler implements Handler {
    /** Most lines (records) in one body. */
    static final int MAX_LINES = 10_000;
    /** Most problems listed in one answer; all are counted. */
    static final int MAX_ERRORS_LISTED = 100;
    /** The media type of a bulk body. */
    static final String MEDIA_TYPE = "application/x-ndjson";

    private final GraphStore store;
    private final ObjectMapper mapper;

    BulkHandler(GraphStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** A checked line. */
    private record Line(int number, RecordType type, GraphElement record, ObjectNode written) {
    }

    /** A problem with the body, sorted by line. */
    private record Issue(int line, String message) {
    }

    @Override
    public void handle(Context ctx) {
        Json.requireContentType(ctx, MEDIA_TYPE);
        String[] texts = ctx.body().split("\r?\n", -1);
        long nonBlank = java.util.Arrays.stream(texts).filter(t -> !t.isBlank()).count();
        if (nonBlank == 0) {
            throw ApiException.badRequest("body", "the body holds no records; send one JSON object per line");
        }
        if (nonBlank > MAX_LINES) {
            throw ApiException.badRequest("body", "at most " + MAX_LINES + " records per request, got " + nonBlank
                    + "; send them in several requests");
        }
        List<Issue> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            if (!texts[i].isBlank()) {
                try {
                    lines.add(parse(i + 1, texts[i]));
                } catch (InvalidFieldException e) {
                    // A problem with the line as a whole names no field.
                    String message = e.field().equals("body") ? e.reason() : e.getMessage();
                    problems.add(new Issue(i + 1, "line " + (i + 1) + ": " + message));
                }
            }
        }
        checkKeysAndPeople(lines, problems);
        checkEnds(lines, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(Issue::line));
            List<String> listed = problems.stream().limit(MAX_ERRORS_LISTED).map(Issue::message).toList();
            throw ApiException.invalidLines(listed, problems.size());
        }
        UpsertResult result = store.upsert(lines.stream().map(Line::record).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("records", lines.size());
        summary.put("nodes", result.nodes());
        summary.put("nodesCreated", result.nodesCreated());
        summary.put("relationships", result.relationships());
        summary.put("relationshipsCreated", result.relationshipsCreated());
        // Only an end removed by another request between the check and the write can be skipped.
        summary.put("skipped", result.skippedCount());
        ctx.json(summary);
    }

    /** @throws InvalidFieldException naming the field, or {@code body} for a line that is not a JSON object */
    private Line parse(int number, String text) {
        JsonNode node;
        try {
            node = Json.strictTree(mapper, text);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("body", Json.malformed(e, false));
        }
        if (!node.isObject()) {
            throw new InvalidFieldException("body", "expected a JSON object {...} with a type, found "
                    + RecordCodec.article(node));
        }
        ObjectNode object = (ObjectNode) node;
        JsonNode typeName = object.remove("type");
        if (typeName == null || typeName.isNull()) {
            throw new InvalidFieldException("type", "is required: one of " + String.join(", ", RecordType.typeNames()));
        }
        RecordType type = RecordType.byTypeName(typeName.asText()).filter(t -> typeName.isTextual())
                .orElseThrow(() -> new InvalidFieldException("type", typeName + " is not one of "
                        + String.join(", ", RecordType.typeNames())));
        GraphElement record = RecordCodec.read(type, object, Map.of());
        return new Line(number, type, record, RecordCodec.write(record));
    }

    /** Refuses the same key twice, and a person id taken by an employee and a customer (in the body or store). */
    private void checkKeysAndPeople(List<Line> lines, List<Issue> problems) {
        Map<List<String>, Integer> firstLine = new HashMap<>();
        Map<String, Line> people = new HashMap<>();
        Map<NodeKind, Map<String, Line>> wantedAbsent = new EnumMap<>(NodeKind.class);
        for (Line line : lines) {
            List<String> key = new ArrayList<>(List.of(line.type().typeName()));
            line.type().keys().forEach(k -> key.add(line.written().get(k).asText()));
            Integer first = firstLine.putIfAbsent(key, line.number());
            String keyField = line.type().keys().get(0);
            if (first != null) {
                problems.add(problem(line, keyField, "the same " + line.type().typeName() + " as line " + first
                        + "; give each record once"));
                continue;
            }
            NodeKind other = line.type().otherPersonKind();
            if (other != null) {
                String id = line.written().get("id").asText();
                Line person = people.putIfAbsent(id, line);
                if (person != null) {
                    problems.add(problem(line, "id", "'" + id + "' is the " + person.type().typeName() + " on line "
                            + person.number() + "; a person is an employee or a customer, not both"));
                }
                wantedAbsent.computeIfAbsent(other, k -> new LinkedHashMap<>()).put(id, line);
            }
        }
        for (var entry : wantedAbsent.entrySet()) {
            for (String id : store.existingIds(entry.getKey(), entry.getValue().keySet())) {
                Line line = entry.getValue().get(id);
                problems.add(problem(line, "id", "'" + id + "' is already the id of " + RecordType.aKind(entry.getKey())
                        + " in the store; a person is an employee or a customer, not both"));
            }
        }
    }

    /** Refuses relationship ends that are nodes of the right kind neither in the body nor in the store. */
    private void checkEnds(List<Line> lines, List<Issue> problems) {
        Map<NodeKind, Set<String>> inBody = new EnumMap<>(NodeKind.class);
        for (Line line : lines) {
            if (line.type().isNode()) {
                String id = line.written().get("id").asText();
                inBody.computeIfAbsent(line.type().nodeKind(), k -> new java.util.HashSet<>()).add(id);
                if (line.type().otherPersonKind() != null) {
                    inBody.computeIfAbsent(NodeKind.PERSON, k -> new java.util.HashSet<>()).add(id);
                }
            }
        }
        record Ref(Line line, RecordType.Endpoint end, String id) {
        }
        Map<NodeKind, List<Ref>> pending = new EnumMap<>(NodeKind.class);
        for (Line line : lines) {
            for (RecordType.Endpoint end : line.type().endpoints()) {
                String id = line.written().get(end.field()).asText();
                if (!inBody.getOrDefault(end.kind(), Set.of()).contains(id)) {
                    pending.computeIfAbsent(end.kind(), k -> new ArrayList<>()).add(new Ref(line, end, id));
                }
            }
        }
        for (var entry : pending.entrySet()) {
            Set<String> existing = store.existingIds(entry.getKey(), entry.getValue().stream().map(Ref::id).toList());
            for (Ref ref : entry.getValue()) {
                if (!existing.contains(ref.id())) {
                    problems.add(problem(ref.line(), ref.end().field(), "unknown " + ref.end().what() + " id '" + ref.id()
                            + "' (in neither the body nor the store)"));
                }
            }
        }
    }

    private static Issue problem(Line line, String field, String reason) {
        return new Issue(line.number(), "line " + line.number() + ": " + field + ": " + reason);
    }
}
