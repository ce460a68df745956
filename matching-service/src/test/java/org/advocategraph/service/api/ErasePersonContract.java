package org.advocategraph.service.api;

import static org.advocategraph.service.api.ApiCalls.KEYS;
import static org.advocategraph.service.api.ApiCalls.delete;
import static org.advocategraph.service.api.ApiCalls.get;
import static org.advocategraph.service.api.ApiCalls.json;
import static org.advocategraph.service.api.ApiCalls.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.advocategraph.model.Employee;
import org.advocategraph.model.Participation;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;

/**
 * {@code DELETE /api/v1/people/{id}} end to end, over a real store: a subclass supplies an empty one. The store
 * side (no record of any type keeps the id) is proven by the storage contract; here, that the route erases, answers
 * 204 then 404, and leaves nothing to read.
 */
abstract class ErasePersonContract extends ApiOverTinyGraph {
    private static final String ADMIN = KEYS.get(Role.ADMIN);

    @Override
    protected abstract GraphStore newEmptyStore();

    @BeforeEach
    void addAManagerAndAParticipant() {
        // e2 reports to e1, and customer c1 (author of v1 and v0) takes part in v1 too
        store.upsert(List.of(new Employee("e2", "Max Two", "", "", "", List.of("en"), Set.of(), Set.of(), 5, true, true,
                "e1"), new Participation("c1", "v1")));
    }

    @Test
    void shouldEraseACustomerAndEveryTraceOfTheirId() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given customer c1: author of two conversations, a participant, with ties, an interest and an account
            // When the CRM asks to erase c1
            var answer = delete(client, "/api/v1/people/c1", KEYS.get(Role.CRM));

            // Then 204, c1 cannot be read, the conversations stay without an author, and no tie or link is left
            assertEquals(204, answer.code(), answer.body().string());
            assertEquals("c1", problem(get(client, "/api/v1/customers/c1", ADMIN), 404).get("ids").get(0).asText());
            JsonNode conversation = json(get(client, "/api/v1/conversations/v1", ADMIN), 200);
            assertTrue(conversation.get("authorId").isNull(), conversation.toString());
            assertEquals("my cluster is down", conversation.get("text").asText());
            assertEquals(List.of(), store.participantsOf("v1"));
            assertEquals(List.of(), store.interestsOf("c1"));
            assertTrue(store.tiesOf(List.of("c1", "c2")).stream().noneMatch(t -> t.fromId().equals("c1") || t.toId().equals("c1")));
            assertEquals(0L, store.counts().get("AUTHORED"));
            assertEquals(0L, store.counts().get("BELONGS_TO"));
            assertTrue(store.account("a1").isPresent());
        });
    }

    @Test
    void shouldEraseAnEmployeeAndClearTheManagerOfTheirReports() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given e1, manager of e2, with expertise and a tie
            // When an admin asks to erase e1
            assertEquals(204, delete(client, "/api/v1/people/e1", ADMIN).code());

            // Then e1 is gone and e2 no longer reports to anyone
            problem(get(client, "/api/v1/employees/e1", ADMIN), 404);
            assertTrue(json(get(client, "/api/v1/employees/e2", ADMIN), 200).get("managerId").isNull());
            assertEquals(0L, store.counts().get("REPORTS_TO"));
            assertTrue(store.expertiseIn(List.of("kubernetes")).stream().noneMatch(x -> x.employeeId().equals("e1")));
            assertEquals(Set.of(), store.existingIds(NodeKind.PERSON, List.of("e1")));
        });
    }

    @Test
    void shouldAnswer404NamingAnIdThatNamesNoPerson() {
        JavalinTest.test(server.javalin(), (app, client) -> {
            // Given c3 erased once
            assertEquals(204, delete(client, "/api/v1/people/c3", ADMIN).code());

            // When c3, an unknown id and a topic's id are erased, Then each is 404 naming the id
            for (String id : List.of("c3", "ghost", "kubernetes")) {
                JsonNode missing = problem(delete(client, "/api/v1/people/" + id, ADMIN), 404);
                assertEquals("id", missing.get("field").asText());
                assertEquals(id, missing.get("ids").get(0).asText());
            }
            assertEquals(1, store.topics(List.of("kubernetes")).size());
        });
    }
}
