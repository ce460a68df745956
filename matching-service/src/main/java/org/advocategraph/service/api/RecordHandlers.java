package org.advocategraph.service.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.UpsertResult;

/**
 * The CRM's record routes: {@code PUT} upserts one node or relationship by its external key, {@code GET} reads
 * a node, {@code DELETE /api/v1/people/{id}} erases a person. Writes are idempotent: the same PUT twice leaves
 * the graph as one does, answering 201 the first time and 200 after. The key in the path wins over the body.
 */
final class RecordHandlers {
    private final GraphStore store;
    private final ObjectMapper mapper;

    RecordHandlers(GraphStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** @return the handler of {@code PUT} on a record of this type */
    Handler put(RecordType type) {
        return ctx -> put(type, ctx);
    }

    /** @return the handler of {@code GET} on a node of this type */
    Handler get(RecordType type) {
        return ctx -> {
            String id = RecordField.checkId("id", ctx.pathParam("id"));
            GraphNode node = type.read(store, id)
                    .orElseThrow(() -> new NotFoundException("id", type.typeName(), List.of(id)));
            ctx.json(RecordCodec.write(node));
        };
    }

    /** @return the handler of {@code DELETE /api/v1/people/{id}}: 204, or 404 when no person has the id */
    Handler deletePerson() {
        return ctx -> {
            String id = RecordField.checkId("id", ctx.pathParam("id"));
            if (!store.deletePerson(id)) {
                throw new NotFoundException("id", "person", List.of(id));
            }
            ctx.status(204);
        };
    }

    private void put(RecordType type, Context ctx) {
        Json.requireContentType(ctx, "application/json");
        Map<String, String> keys = new LinkedHashMap<>();
        for (String key : type.keys()) {
            keys.put(key, ctx.pathParam(key));
        }
        GraphElement record = RecordCodec.read(type, Json.tree(mapper, ctx.body()), keys);
        boolean created;
        GraphElement stored;
        if (type.isNode()) {
            String id = keys.get("id");
            if (type.otherPersonKind() != null && !store.existingIds(type.otherPersonKind(), Set.of(id)).isEmpty()) {
                throw ApiException.conflict("id", "'" + id + "' is the id of " + RecordType.aKind(type.otherPersonKind())
                        + "; employees and customers share one id space, so a person is one or the other");
            }
            created = store.upsert(List.of(record)).nodesCreated() > 0;
            stored = type.read(store, id).orElseThrow(() -> ApiException.conflict("id",
                    "the " + type.typeName() + " was removed while it was written; try again"));
        } else {
            requireEndpoints(type, keys);
            UpsertResult result = store.upsert(List.of(record));
            if (result.skippedCount() > 0) {
                // An end was removed between the check and the write: nothing was written.
                requireEndpoints(type, keys);
                throw ApiException.conflict(type.keys().get(0), "the ends of the " + type.typeName()
                        + " changed while it was written; try again");
            }
            created = result.relationshipsCreated() > 0;
            stored = record;
        }
        if (created) {
            ctx.header("Location", ctx.path());
        }
        ctx.status(created ? 201 : 200);
        ctx.json(RecordCodec.write(stored));
    }

    /** Throws a 404 naming the first end of the relationship that is not a node of the right kind. */
    private void requireEndpoints(RecordType type, Map<String, String> keys) {
        for (RecordType.Endpoint end : type.endpoints()) {
            String id = keys.get(end.field());
            if (store.existingIds(end.kind(), Set.of(id)).isEmpty()) {
                throw new NotFoundException(end.field(), end.what(), List.of(id));
            }
        }
    }
}
