package org.advocategraph.service.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.network.NetworkFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3 document of the API, built from the route table ({@link ApiServer#routes()}): every route with
 * its summary, allowed roles, path and query parameters, request body and answers, and the schemas they name.
 * The record schemas come from {@link RecordType}, so the document says what the handlers accept.
 */
final class OpenApi {
    /** The schema name of an HTML answer (the documentation page). */
    static final String HTML = "Html";
    /** The schema name of a network file answer (GraphML or GEXF, by the request's format). */
    static final String NETWORK = "NetworkFile";
    /** The schema name of the OpenAPI document itself. */
    static final String DOCUMENT = "OpenApiDocument";
    /** The schema name of an NDJSON bulk body. */
    static final String BULK = "BulkBody";

    private final ObjectMapper mapper;

    OpenApi(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the document for these routes */
    ObjectNode document(List<ApiRoute> routes) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Advocate Graph API");
        info.put("version", "v1");
        info.put("description", "Send the API key as 'Authorization: Bearer KEY'. No key or an unknown key: 401; a "
                + "role not allowed on the route: 403. Every error is application/problem+json (RFC 7807) naming the "
                + "offending field.");
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute route : routes) {
            ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            path.set(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        ObjectNode scheme = components.putObject("securitySchemes").putObject("apiKey");
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("description", "An API key made with 'advocates keygen --role ROLE'");
        components.set("schemas", schemas());
        return doc;
    }

    private ObjectNode operation(ApiRoute route) {
        ObjectNode op = mapper.createObjectNode();
        op.putArray("tags").add(tag(route.path()));
        op.put("summary", route.summary());
        op.put("operationId", route.method().toLowerCase(Locale.ROOT) + route.path().replaceAll("[^A-Za-z0-9]+", "_"));
        List<String> roles = route.roles().stream().map(Role::key).sorted().toList();
        op.put("description", roles.isEmpty() ? "No API key needed." : "Roles: " + String.join(", ", roles) + ".");
        ArrayNode xRoles = op.putArray("x-roles");
        roles.forEach(xRoles::add);
        ArrayNode security = op.putArray("security");
        if (!roles.isEmpty()) {
            security.addObject().putArray("apiKey");
        }
        ArrayNode params = mapper.createArrayNode();
        for (String name : route.pathParams()) {
            ObjectNode p = params.addObject();
            p.put("name", name);
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string").put("maxLength", RecordField.MAX_ID_LENGTH);
        }
        for (ApiRoute.Param q : route.query()) {
            ObjectNode p = params.addObject();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("description", q.description());
            p.putObject("schema").put("type", q.type());
        }
        if (!params.isEmpty()) {
            op.set("parameters", params);
        }
        if (route.request() != null) {
            ObjectNode body = op.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject(route.request().mediaType()).set("schema", ref(route.request().schema()));
        }
        ObjectNode responses = op.putObject("responses");
        switch (route.method()) {
            case "PUT" -> {
                answer(responses, "200", "Updated: the stored record", route.response());
                answer(responses, "201", "Created: the stored record", route.response());
            }
            case "DELETE" -> responses.putObject("204").put("description", "Done; nothing to answer");
            default -> answer(responses, "200", "OK", route.response());
        }
        if (route.path().startsWith("/api/")) {
            problem(responses, "400", "A field, parameter or line is invalid; the problem names it");
            problem(responses, "401", "No API key, or an unknown one");
            problem(responses, "403", "The key's role may not use this route");
            problem(responses, "404", "An id names nothing; the problem lists the ids");
        }
        if (route.request() != null) {
            if ("PUT".equals(route.method())) {
                problem(responses, "409", "The id is taken by another kind of person");
            }
            problem(responses, "413", "The body is larger than http.maxBodyBytes");
            problem(responses, "415", "The body is not of the media type above");
        }
        return op;
    }

    private void answer(ObjectNode responses, String status, String description, String schema) {
        ObjectNode r = responses.putObject(status);
        r.put("description", description);
        if (NETWORK.equals(schema)) {
            ObjectNode content = r.putObject("content");
            for (NetworkFormat format : NetworkFormat.values()) {
                content.putObject(format.mediaType()).set("schema", mapper.createObjectNode().put("type", "string"));
            }
            return;
        }
        String media = HTML.equals(schema) ? "text/html" : "application/json";
        r.putObject("content").putObject(media).set("schema", schema == null ? mapper.createObjectNode().put("type", "object")
                : HTML.equals(schema) ? mapper.createObjectNode().put("type", "string") : ref(schema));
    }

    private void problem(ObjectNode responses, String status, String description) {
        ObjectNode r = responses.putObject(status);
        r.put("description", description);
        r.putObject("content").putObject(Problem.MEDIA_TYPE).set("schema", ref("Problem"));
    }

    private ObjectNode ref(String schema) {
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static String tag(String path) {
        if (path.startsWith("/api/v1/analytics")) {
            return "analytics";
        } else if (path.startsWith("/api/v1/matches")) {
            return "matching";
        } else if (path.startsWith("/api/v1/people")) {
            return "privacy";
        } else if (path.startsWith("/api/")) {
            return "records";
        }
        return "service";
    }

    // ---- schemas ----

    private ObjectNode schemas() {
        ObjectNode schemas = mapper.createObjectNode();
        for (RecordType type : RecordType.values()) {
            schemas.set(type.schema(), recordSchema(type));
        }
        schemas.set("Problem", object(Map.of("type", "string", "title", "string", "status", "integer", "detail", "string",
                "instance", "string", "field", "string", "ids", "array", "errors", "array"),
                "RFC 7807 problem details; 'field' names the offending field or parameter, 'ids' the unknown ids of "
                        + "a 404, 'errors' every problem of a bulk body as 'line N: field: reason'"));
        ObjectNode match = object(Map.of("customerId", "string", "personId", "string", "conversationId", "string",
                "topics", "array", "purpose", "string", "channel", "string", "language", "string", "limit", "integer",
                "programId", "string"),
                "At least one of customerId, personId, conversationId, topics. customerId names a customer; personId "
                        + "any person, customer or employee (an internal question), never matched to themselves; both "
                        + "only when equal. Topics at most 50; limit 1..100, default 10");
        ObjectNode props = (ObjectNode) match.get("properties");
        ((ObjectNode) props.get("limit")).put("minimum", 1).put("maximum", 100).put("default", 10);
        ((ObjectNode) props.get("topics")).put("maxItems", 50);
        schemas.set("MatchRequest", match);
        schemas.set("MatchResult", object(Map.of("matches", "array", "resolved", "object", "considered", "integer",
                "excluded", "object", "weights", "object", "notes", "array", "tookMs", "integer"),
                "Ranked, explained advocates, best first"));
        schemas.set("Influencers", object(Map.of("algorithm", "string", "influencers", "array", "people", "integer",
                "details", "object", "projection", "object", "millis", "integer"),
                "The most influential people, best first: rank, id, name, kind, advocate, score, degree; 'projection' "
                        + "says when the in-memory projection was built and whether this answer rebuilt it"));
        schemas.set("Communities", object(Map.of("communities", "array", "count", "integer", "modularity", "number",
                "resolution", "number", "details", "object", "projection", "object", "millis", "integer"),
                "Communities, largest first: id, size, employees, advocates, topTopics, topAdvocates"));
        schemas.set("Gaps", object(Map.of("by", "string", "gaps", "array", "count", "integer", "totals", "object",
                "details", "object", "projection", "object", "millis", "integer"),
                "Widest gaps first. By topic: id, name, score, customers, uncoveredCustomers, uncoveredInterest, "
                        + "openConversations, openWeight, advocates, freeCapacity, noAdvocate, overCapacity; by "
                        + "community: community, size, score, customers, uncoveredCustomers, openConversations, "
                        + "advocates, freeCapacity, topTopics, noAdvocate, overCapacity"));
        schemas.set("Reach", object(Map.ofEntries(Map.entry("seeds", "integer"), Map.entry("hops", "integer"),
                Map.entry("reach", "integer"), Map.entry("byHop", "array"), Map.entry("sumOfDirect", "integer"),
                Map.entry("truncated", "boolean"), Map.entry("millis", "integer"), Map.entry("seedSet", "object"),
                Map.entry("perSeed", "array"), Map.entry("overlap", "object"), Map.entry("notes", "array"),
                Map.entry("projection", "object")),
                "Distinct people reached within hops, seeds excluded; perSeed: id, alone (its reach alone), unique "
                        + "(its marginal reach); overlap: sumOfIndividual, duplication, pairs (a, b, shared, jaccard)"));
        schemas.set("Recruits", object(Map.ofEntries(Map.entry("model", "string"), Map.entry("k", "integer"),
                Map.entry("recruits", "array"), Map.entry("base", "integer"), Map.entry("baseValue", "number"),
                Map.entry("candidates", "integer"), Map.entry("details", "object"), Map.entry("notes", "array"),
                Map.entry("truncated", "boolean"), Map.entry("projection", "object"), Map.entry("millis", "integer")),
                "The employees to enlist next, best first: rank, id, name, gain (marginal over the base and the "
                        + "recruits before), cumulative; details state the model, guarantee and parameters"));
        schemas.set("Engagement", object(Map.ofEntries(Map.entry("by", "string"), Map.entry("from", "string"),
                Map.entry("to", "string"), Map.entry("program", "string"), Map.entry("sort", "string"),
                Map.entry("groups", "array"), Map.entry("groupCount", "integer"), Map.entry("ranked", "integer"),
                Map.entry("totals", "object"), Map.entry("meanPoints", "number"), Map.entry("scoring", "object"),
                Map.entry("series", "array"), Map.entry("notes", "array"), Map.entry("truncated", "boolean")),
                "Per group (advocate or program): id, name, rank (null below minAssignments), score, figures "
                        + "(assignments, open, accepted, declined, cancelled, acceptanceRate, responded, responseRate, "
                        + "medianResponseMinutes, p90ResponseMinutes, resolved, resolutionRate, sentimentBefore, rated, "
                        + "sentimentAfter, lift, scored, points); totals of the window; series per bucket"));
        schemas.set("Alerts", object(Map.of("now", "string", "window", "string", "baselineWindows", "integer",
                "baselineUsed", "integer", "topicsTested", "integer", "conversationsRead", "integer", "alerts", "array",
                "thresholds", "object", "notes", "array", "truncated", "boolean"),
                "Per alert: topicId, name, severity (critical, high, medium), volume, expected, ratio, pValue, "
                        + "adjustedPValue, baseline, conversations, drivers, team, teamFor, noTeam"));
        schemas.set("Health", object(Map.of("status", "string", "store", "string", "counts", "object"),
                "UP with node and relationship counts, or DOWN (503)"));
        schemas.set("BulkSummary", object(Map.of("records", "integer", "nodes", "integer", "nodesCreated", "integer",
                "relationships", "integer", "relationshipsCreated", "integer", "skipped", "integer"),
                "What one bulk request wrote"));
        ObjectNode bulk = mapper.createObjectNode();
        bulk.put("type", "string");
        bulk.put("description", "NDJSON: one JSON object per line, at most " + BulkHandler.MAX_LINES + " lines, each a "
                + "record of one of the record schemas plus its 'type': " + String.join(", ", RecordType.typeNames())
                + ". Example: {\"type\":\"topic\",\"id\":\"kubernetes\",\"name\":\"Kubernetes\"}");
        schemas.set(BULK, bulk);
        schemas.set(DOCUMENT, object(Map.of("openapi", "string", "info", "object", "paths", "object",
                "components", "object"), "This document"));
        return schemas;
    }

    private ObjectNode recordSchema(RecordType type) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("description", (type.isNode() ? "A node" : "A relationship") + ", keyed by "
                + String.join(", ", type.keys()) + "; in a bulk body, with \"type\": \"" + type.typeName() + "\"");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = mapper.createArrayNode();
        for (RecordField f : type.fields()) {
            props.set(f.name(), fieldSchema(f));
            if (f.required()) {
                required.add(f.name());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private ObjectNode fieldSchema(RecordField f) {
        ObjectNode s = mapper.createObjectNode();
        switch (f.type()) {
            case ID -> s.put("type", "string").put("maxLength", RecordField.MAX_ID_LENGTH);
            case TEXT -> s.put("type", "string").put("maxLength", RecordField.MAX_TEXT_LENGTH);
            case DATE_TIME -> s.put("type", "string").put("format", "date-time");
            case DECIMAL -> s.put("type", "number");
            case INTEGER -> s.put("type", "integer");
            case BOOLEAN -> s.put("type", "boolean");
            case CHOICE -> {
                s.put("type", "string");
                f.allowed().forEach(s.putArray("enum")::add);
            }
            case LIST, CHOICES -> {
                s.put("type", "array").put("maxItems", RecordField.MAX_LIST_ENTRIES);
                ObjectNode items = s.putObject("items").put("type", "string");
                if (f.type() == RecordField.Type.CHOICES) {
                    f.allowed().forEach(items.putArray("enum")::add);
                }
            }
        }
        if (f.minimum() != null) {
            s.putPOJO("minimum", f.minimum());
        }
        if (f.maximum() != null) {
            s.putPOJO("maximum", f.maximum());
        }
        if (f.defaultValue() != null) {
            s.putPOJO("default", f.defaultValue());
        }
        return s;
    }

    private ObjectNode object(Map<String, String> properties, String description) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.put("description", description);
        ObjectNode props = schema.putObject("properties");
        properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    ObjectNode p = props.putObject(e.getKey()).put("type", e.getValue());
                    if ("array".equals(e.getValue())) {
                        p.putObject("items");
                    }
                });
        return schema;
    }
}
