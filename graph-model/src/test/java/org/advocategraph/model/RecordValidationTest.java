package org.advocategraph.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Records refuse bad values in their constructors, naming the offending field. */
class RecordValidationTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30Z");

    private static void assertInvalid(String field, Executable construction) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, construction);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void shouldRefuseABlankId() {
        // Given ids that are blank or missing, When records are built, Then the id field is named
        assertInvalid("id", () -> new Topic("  ", "Kubernetes"));
        assertInvalid("id", () -> new Account(null, "Acme", "retail"));
        assertInvalid("employeeId", () -> new Expertise("", "t1", 0.5, "self"));
    }

    @Test
    void shouldRefuseALevelAboveOne() {
        // Given a level of 1.5, When an expertise is built, Then level is named
        assertInvalid("level", () -> new Expertise("e1", "t1", 1.5, "self"));
    }

    @Test
    void shouldRefuseASentimentBelowMinusOne() {
        // Given a sentiment of -2, When a conversation is built, Then sentiment is named
        assertInvalid("sentiment", () -> new Conversation("v1", "twitter", "", "", "en", -2, T0,
                ConversationStatus.OPEN, null, 0, null));
    }

    @Test
    void shouldRefuseATieOfAPersonToThemselves() {
        // Given the same person at both ends, When a tie is built, Then toId is named
        assertInvalid("toId", () -> new Tie("e1", "e1", TieKind.KNOWS, 0.5, null));
    }

    @Test
    void shouldRefuseANegativeCapacity() {
        // Given a capacity of -1, When an employee is built, Then capacity is named
        assertInvalid("capacity", () -> new Employee("e1", "Ada", "", "", "", List.of(), Set.of(), Set.of(),
                -1, true, true, null));
    }

    @Test
    void shouldRefuseAResponseBeforeTheAssignment() {
        // Given a response time before the assignment time, When an assignment is built, Then respondedAt is named
        assertInvalid("respondedAt", () -> new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESPONDED,
                T0.minusSeconds(1), "", null));
    }

    @Test
    void shouldRefuseLifecycleTimesOutOfOrder() {
        // Given step times that contradict the lifecycle's order, When an assignment is built, Then the later one is named
        assertInvalid("decidedAt", () -> new Assignment("as1", "e1", "v1", T0, AssignmentStatus.ACCEPTED, null, "", null,
                T0.minusSeconds(1), null));
        assertInvalid("respondedAt", () -> new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESPONDED,
                T0.plusSeconds(5), "", null, T0.plusSeconds(10), null));
        assertInvalid("resolvedAt", () -> new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESOLVED,
                T0.plusSeconds(5), "", null, null, T0.plusSeconds(4)));
        assertInvalid("resolvedAt", () -> new Assignment("as1", "e1", "v1", T0, AssignmentStatus.CANCELLED, null, "",
                null, null, T0.minusSeconds(1)));
        // Times that are equal, or absent, are fine
        assertEquals(T0, new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESOLVED, T0, "", null, T0, T0)
                .resolvedAt());
    }

    @Test
    void shouldRefuseAnUnknownPurpose() {
        // Given text that names no purpose, When it is parsed, Then the field given is named
        assertInvalid("purpose", () -> Purpose.parse("purpose", "gossip"));
        assertEquals(Purpose.CARE, Purpose.parse("purpose", " Care "));
    }

    @Test
    void shouldRefuseHandlesThatCannotRoundTripThroughAFile() {
        // Given handles that are blank, padded, or hold the list separator, Then handles is named
        assertInvalid("handles", () -> new Customer("c1", "Ana", null, "", "", List.of(), List.of(""), 0));
        assertInvalid("handles", () -> new Customer("c1", "Ana", null, "", "", List.of(), List.of(" @ana"), 0));
        assertInvalid("handles", () -> new Customer("c1", "Ana", null, "", "", List.of(), List.of("@a;b"), 0));
        assertEquals(List.of("@ana"), new Customer("c1", "Ana", null, "", "", List.of(), List.of("@ana"), 0).handles());
    }
}
