package org.advocategraph.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.EnumMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;

import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.matching.ScoringWeights;
import org.advocategraph.service.policy.AccountPolicy;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.store.GraphStore;

/** HTTP calls for the API tests: a server with one key per role over any store, requests, and problem checks. */
final class ApiCalls {
    static final ObjectMapper JSON = new ObjectMapper();
    /** One key for each role. */
    static final Map<Role, String> KEYS = keys();

    private ApiCalls() {
    }

    private static Map<Role, String> keys() {
        Map<Role, String> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, ApiKeys.newKey());
        }
        return keys;
    }

    /** @return a server over the store that accepts {@link #KEYS}, with this body bound */
    static ApiServer server(GraphStore store, long maxBodyBytes) {
        ApiKeys accepted = ApiKeys.parse("");
        for (var e : KEYS.entrySet()) {
            accepted = accepted.with(e.getKey(), e.getValue());
        }
        PolicyBook policies = new PolicyBook(store, new com.fasterxml.jackson.databind.ObjectMapper());
        // Account a1's owner lets others speak with its customers: these tests are about the API, not that rule
        if (!store.existingIds(org.advocategraph.store.NodeKind.ACCOUNT, java.util.List.of("a1")).isEmpty()) {
            policies.putAccount("a1", new AccountPolicy(true));
        }
        return new ApiServer(new ApiSettings("127.0.0.1", 0, maxBodyBytes), accepted, ApiServer.Engines.on(store,
                new GraphAdvocateMatcher(store, PurposeWeights.uniform(ScoringWeights.DEFAULT), policies,
                        java.time.Clock.systemUTC()), policies));
    }

    /**
     * Sends a request.
     *
     * @param key         the API key, or null for none
     * @param contentType the body's media type, or null for none
     * @param body        the body, or null for none
     */
    static Response send(HttpClient client, String method, String path, String key, String contentType, String body) {
        return sendAuthorized(client, method, path, key == null ? null : "Bearer " + key, contentType, body);
    }

    /** Sends a request with this {@code Authorization} header (null for none). */
    static Response sendAuthorized(HttpClient client, String method, String path, String authorization,
                                   String contentType, String body) {
        return client.request(path, b -> {
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            var publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
            switch (method) {
                case "GET" -> b.get();
                case "POST" -> b.post(publisher);
                case "PUT" -> b.put(publisher);
                case "DELETE" -> b.delete(publisher);
                default -> throw new IllegalArgumentException(method);
            }
        });
    }

    static Response get(HttpClient client, String path, String key) {
        return send(client, "GET", path, key, null, null);
    }

    static Response post(HttpClient client, String path, String key, String body) {
        return send(client, "POST", path, key, "application/json", body);
    }

    static Response put(HttpClient client, String path, String key, String body) {
        return send(client, "PUT", path, key, "application/json", body);
    }

    static Response bulk(HttpClient client, String key, String ndjson) {
        return send(client, "POST", "/api/v1/bulk", key, "application/x-ndjson", ndjson);
    }

    static Response delete(HttpClient client, String path, String key) {
        return send(client, "DELETE", path, key, null, null);
    }

    /** Asserts the status and parses the JSON answer. */
    static JsonNode json(Response response, int status) throws Exception {
        assertEquals(status, response.code(), response.body().string());
        return JSON.readTree(response.body().string());
    }

    /** Asserts an RFC 7807 answer with this status and returns it. */
    static JsonNode problem(Response response, int status) throws Exception {
        assertEquals(status, response.code(), response.body().string());
        assertTrue(response.headers().get("Content-Type").get(0).startsWith(Problem.MEDIA_TYPE),
                response.headers().get("Content-Type").toString());
        JsonNode body = JSON.readTree(response.body().string());
        assertEquals(status, body.get("status").asInt());
        assertTrue(body.hasNonNull("type") && body.hasNonNull("title") && body.hasNonNull("detail"), body.toString());
        return body;
    }
}
