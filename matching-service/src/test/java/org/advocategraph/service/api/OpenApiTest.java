package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;

/** {@code GET /openapi.json} and {@code GET /docs}: built from the route table, served without a key. */
class OpenApiTest extends ApiOverTinyGraph {

    /** @return every documented operation as {@code METHOD path} */
    private static Set<String> operations(JsonNode doc) {
        Set<String> ops = new HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> ops.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        return ops;
    }

    @Test
    void shouldDocumentEveryRouteOfTheTableAndNothingElse() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given the route table
            Set<String> table = new HashSet<>();
            server.routes().forEach(r -> table.add(r.method() + " " + r.path()));

            // When the document is fetched without a key
            JsonNode doc = json(client.get("/openapi.json"), 200);

            // Then it documents exactly the routes of the table, each with its roles and parameters
            assertEquals("3.0.3", doc.get("openapi").asText());
            assertEquals(table, operations(doc));
            for (ApiRoute route : server.routes()) {
                JsonNode op = doc.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
                List<String> roles = new ArrayList<>();
                op.get("x-roles").forEach(r -> roles.add(r.asText()));
                assertEquals(route.roles().stream().map(Role::key).sorted().toList(), roles, route.path());
                assertEquals(!route.roles().isEmpty(), !op.get("security").isEmpty(), route.path());
                List<String> pathParams = new ArrayList<>();
                if (op.has("parameters")) {
                    op.get("parameters").forEach(p -> {
                        if (p.get("in").asText().equals("path")) {
                            pathParams.add(p.get("name").asText());
                        }
                    });
                }
                assertEquals(route.pathParams(), pathParams, route.path());
                assertFalse(op.get("summary").asText().isBlank(), route.path());
            }
        });
    }

    @Test
    void shouldDocumentOnlyPathsThatAreRealRoutes() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given the document
            JsonNode doc = json(client.get("/openapi.json"), 200);

            // When every documented operation is called, its placeholders filled in
            for (String op : operations(doc)) {
                String method = op.substring(0, op.indexOf(' '));
                String path = op.substring(op.indexOf(' ') + 1).replaceAll("\\{kind}", "knows").replaceAll("\\{[^}]+}", "x");
                Response r = send(client, method, path, KEYS.get(Role.ADMIN),
                        path.endsWith("/bulk") ? "application/x-ndjson" : "application/json", "{}");

                // Then the server has a route for it: no "no route" 404 and no 405
                assertFalse(r.code() == 405 || r.body().string().contains("no route"), op + " -> " + r.body().string());
            }
            // And the check can fail: a path that is no route says so
            Response none = get(client, "/api/v1/nothing/x", KEYS.get(Role.ADMIN));
            assertTrue(none.body().string().contains("no route"), none.code() + " " + none.body().string());
        });
    }

    @Test
    void shouldDescribeEveryRecordByTheFieldsTheHandlersRead() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given the document
            JsonNode schemas = json(client.get("/openapi.json"), 200).get("components").get("schemas");

            // Then each record type has a schema with its fields, required ones listed, and every sample body fits it
            for (RecordType type : RecordType.values()) {
                JsonNode schema = schemas.get(type.schema());
                List<String> properties = new ArrayList<>();
                schema.get("properties").fieldNames().forEachRemaining(properties::add);
                assertEquals(type.fields().stream().map(RecordField::name).toList(), properties, type.name());
                Set<String> required = new HashSet<>();
                schema.get("required").forEach(r -> required.add(r.asText()));
                assertTrue(required.containsAll(type.keys().subList(0, type.isNode() ? 1 : 2)), type.name());
                JsonNode sample = ApiCalls.JSON.readTree(Samples.PUTS.get(type).body());
                sample.fieldNames().forEachRemaining(f -> assertTrue(properties.contains(f), type + "." + f));
            }
            JsonNode languages = schemas.get("Employee").get("properties").get("languages");
            assertEquals(RecordField.MAX_LIST_ENTRIES, languages.get("maxItems").asInt());
            assertEquals(5, schemas.get("Employee").get("properties").get("capacity").get("default").asInt());
            assertEquals(List.of("colleague", "follows", "knows", "interacted"),
                    List.of(schemas.get("Tie").get("properties").get("kind").get("enum").get(0).asText(),
                            schemas.get("Tie").get("properties").get("kind").get("enum").get(1).asText(),
                            schemas.get("Tie").get("properties").get("kind").get("enum").get(2).asText(),
                            schemas.get("Tie").get("properties").get("kind").get("enum").get(3).asText()));
            assertTrue(schemas.has("Problem") && schemas.has("BulkSummary") && schemas.has(OpenApi.BULK));
        });
    }

    @Test
    void shouldServeTheDocsPageAndEverythingItLoadsFromThisService() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given no API key, When the page is fetched
            Response page = get(client, "/docs", null);

            // Then it is HTML that loads Swagger UI from this service only, pointed at the document
            assertEquals(200, page.code());
            assertTrue(page.headers().get("Content-Type").get(0).startsWith("text/html"));
            String html = page.body().string();
            assertTrue(html.contains("url: \"/openapi.json\""), html);
            assertFalse(html.contains("http://") || html.contains("https://"), "no CDN: " + html);
            Matcher assets = Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(html);
            int found = 0;
            while (assets.find()) {
                Response asset = get(client, assets.group(1), null);
                assertEquals(200, asset.code(), assets.group(1));
                assertTrue(asset.body().string().length() > 100, assets.group(1));
                found++;
            }
            assertEquals(3, found, "the stylesheet, the icon and the script");
        });
    }
}
