package org.advocategraph.service.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import org.advocategraph.service.NotFoundException;
import org.advocategraph.service.policy.AccountPolicy;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.service.policy.ProgramPolicy;

/** The routing policy routes: read all, set or remove a program's or an account's policy. */
final class PolicyHandlers {
    /** The body of an account policy. */
    record AccountBody(Boolean allowOthers) {
    }

    private final PolicyBook book;
    private final ObjectMapper mapper;

    PolicyHandlers(PolicyBook book, ObjectMapper mapper) {
        this.book = book;
        this.mapper = mapper;
    }

    /** {@code GET /api/v1/policies}. */
    void list(Context ctx) {
        Map<String, Object> programs = new TreeMap<>();
        book.programs().forEach((id, p) -> programs.put(id, p.toJson()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("programs", programs);
        body.put("accounts", new TreeMap<>(book.accounts()));
        ctx.json(body);
    }

    /** {@code PUT /api/v1/programs/{id}/policy}. */
    void putProgram(Context ctx) {
        requireJson(ctx);
        ProgramPolicy policy = book.parseProgram(ctx.body().isBlank() ? "{}" : ctx.body());
        ctx.json(book.putProgram(ctx.pathParam("id"), policy).toJson());
    }

    /** {@code DELETE /api/v1/programs/{id}/policy}. */
    void deleteProgram(Context ctx) {
        String id = ctx.pathParam("id");
        if (!book.deleteProgram(id)) {
            throw new NotFoundException("id", "policy of program", List.of(id));
        }
        ctx.status(204);
    }

    /** {@code PUT /api/v1/accounts/{id}/policy}. */
    void putAccount(Context ctx) {
        requireJson(ctx);
        AccountBody body = Json.read(mapper, ctx.body(), AccountBody.class);
        if (body.allowOthers() == null) {
            throw ApiException.badRequest("allowOthers", "give allowOthers: true or false");
        }
        ctx.json(book.putAccount(ctx.pathParam("id"), new AccountPolicy(body.allowOthers())));
    }

    /** {@code DELETE /api/v1/accounts/{id}/policy}. */
    void deleteAccount(Context ctx) {
        String id = ctx.pathParam("id");
        if (!book.deleteAccount(id)) {
            throw new NotFoundException("id", "policy of account", List.of(id));
        }
        ctx.status(204);
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json, not " + type);
        }
    }
}
