package org.advocategraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link GraphStore} adapter passes. A subclass supplies a store over an empty graph; every
 * test builds a tiny graph with known answers.
 *
 * <p>Instants in these tests have millisecond precision, the finest every adapter is required to keep.
 * Relationship types that have never been written may be absent from {@link GraphStore#counts()}, so their
 * counts are read with a default of zero.
 */
public abstract class GraphStoreContract {

    private static final Instant T0 = Instant.parse("2024-03-01T10:15:30.123Z");
    private static final Instant T1 = Instant.parse("2024-03-02T08:00:00.456Z");
    private static final Instant T2 = Instant.parse("2024-03-03T18:30:00.789Z");

    /** The store under test, fresh for each test. */
    protected GraphStore store;

    /**
     * @return a store over an empty graph (a fresh in-memory graph, or a wiped database); called before each test
     */
    protected abstract GraphStore newEmptyStore();

    @BeforeEach
    void openStore() {
        store = newEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void shouldMoveTheChangeTokenOnEveryWriteAndOnlyThen() {
        // Given the fixture written, and the token it left (stores whose counts are cheap keep none)
        store.upsert(NODES);
        store.upsert(RELATIONSHIPS);
        Optional<String> token = store.changeToken();

        // When nothing is written, Then reads leave it alone
        store.counts();
        store.employees(List.of("e1", "e2"));
        assertEquals(token, store.changeToken());

        // When each kind of write happens, Then each moves it (or, without a token, it stays empty)
        List<Runnable> writes = List.of(
                () -> store.upsert(List.of(new Topic("t9", "Storage"))),
                () -> store.putDocument("policy", "p", "{}"),
                () -> store.deleteDocument("policy", "p"),
                () -> store.proposeAssignment(proposal("as-token", "e1", "v1")),
                () -> store.deletePerson("c2"));
        Set<Optional<String>> seen = new HashSet<>(Set.of(token));
        for (Runnable write : writes) {
            write.run();
            Optional<String> now = store.changeToken();
            assertEquals(token.isPresent(), now.isPresent());
            assertTrue(now.isEmpty() || seen.add(now), "the token did not move: " + now);
        }
    }

    // ---- the fixture: every node and relationship type, with known answers ----

    private static final Employee ADA = new Employee("e1", "Ada", "Engineer", "engineering", "emea", List.of("en", "fr"),
            Set.of("social-care", "security"), Set.of(Purpose.CARE, Purpose.PRODUCT), 3, true, true, "e2");
    private static final Employee BOB = new Employee("e2", "Bob", "Manager", "support", "amer", List.of("en"),
            Set.of(), Set.of(Purpose.SALES), 2, true, false, null);
    private static final Employee CY = new Employee("e3", "Cy", "", "", "", List.of(), Set.of(), Set.of(), 1, false,
            true, "e2");
    private static final Customer CAROL = new Customer("c1", "Carol", "a1", "enterprise", "emea", List.of("en", "de"),
            List.of("@carol", "carol.example"), 1200);
    private static final Customer DAN = new Customer("c2", "Dan", null, "", "", List.of(), List.of(), 0);
    private static final Account ACME = new Account("a1", "Acme", "retail");
    private static final Topic KUBERNETES = new Topic("t1", "Kubernetes");
    private static final Topic NETWORKING = new Topic("t2", "Networking");
    private static final Topic CLOUD = new Topic("t3", "Cloud");
    private static final Topic BILLING = new Topic("t4", "Billing");
    private static final Conversation OUTAGE = new Conversation("v1", "twitter", "https://example.com/v1", "it is down",
            "en", -0.5, T0, ConversationStatus.ASSIGNED, Purpose.CARE, 5000, "c1");
    private static final Program CORPS = new Program("p1", "Care corps", Purpose.CARE);

    private static final List<GraphElement> NODES = List.of(ADA, BOB, CY, CAROL, DAN, ACME, KUBERNETES, NETWORKING, CLOUD,
            BILLING, OUTAGE, CORPS);

    private static final List<GraphElement> RELATIONSHIPS = List.of(
            new Expertise("e1", "t1", 0.9, "self"),
            new Expertise("e2", "t1", 0.5, "manager"),
            new Expertise("e2", "t2", 0.7, "answers"),
            new Interest("c1", "t1", 0.8),
            new Interest("c1", "t2", 0.3),
            new SubtopicOf("t1", "t3"),
            new SubtopicOf("t2", "t3"),
            new Tie("c1", "e1", TieKind.FOLLOWS, 0.4, T0),
            new Tie("e1", "e2", TieKind.COLLEAGUE, 0.9, null),
            new Tie("c2", "c1", TieKind.KNOWS, 0.6, T1),
            new Participation("c2", "v1"),
            new Participation("e1", "v1"),
            new About("v1", "t1", 0.7),
            new AccountOwnership("e2", "a1"),
            new Membership("e1", "p1", T0),
            new Membership("e3", "p1", null),
            new Assignment("as1", "e1", "v1", T0, AssignmentStatus.PROPOSED, null, "", null),
            new Assignment("as2", "e1", "v1", T0, AssignmentStatus.RESOLVED, T1, "resolved", 0.5, T0.plusSeconds(60), T2),
            new Assignment("as3", "e2", "v1", T1, AssignmentStatus.ACCEPTED, null, "", null),
            new Assignment("as4", "e3", "v1", T1, AssignmentStatus.DECLINED, T2, "busy", null, T1, null),
            new Assignment("as5", "e3", "v1", T1, AssignmentStatus.RESPONDED, T2, "", -0.25));

    private static final Map<String, Long> FIXTURE_COUNTS = Map.ofEntries(
            Map.entry("Employee", 3L), Map.entry("Customer", 2L), Map.entry("Account", 1L), Map.entry("Topic", 4L),
            Map.entry("Conversation", 1L), Map.entry("Program", 1L),
            Map.entry("EXPERT_IN", 3L), Map.entry("INTERESTED_IN", 2L), Map.entry("SUBTOPIC_OF", 2L),
            Map.entry("CONNECTED_TO", 3L), Map.entry("PARTICIPATED_IN", 2L), Map.entry("ABOUT", 1L),
            Map.entry("OWNS_ACCOUNT", 1L), Map.entry("MEMBER_OF", 2L), Map.entry("ASSIGNED_TO", 5L),
            Map.entry("BELONGS_TO", 1L), Map.entry("AUTHORED", 1L), Map.entry("REPORTS_TO", 2L));

    private void writeFixture() {
        List<GraphElement> all = new ArrayList<>(NODES);
        all.addAll(RELATIONSHIPS);
        store.upsert(all);
    }

    private UpsertResult upsert(GraphElement... elements) {
        return store.upsert(List.of(elements));
    }

    private long count(String key) {
        return store.counts().getOrDefault(key, 0L);
    }

    private void assertCounts(Map<String, Long> expected) {
        Map<String, Long> actual = store.counts();
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            assertEquals(e.getValue(), actual.getOrDefault(e.getKey(), 0L), "count of " + e.getKey());
        }
    }

    private static <T> Set<T> setOf(Collection<T> values) {
        return new HashSet<>(values);
    }

    // ---- writing and reading nodes ----

    @Test
    void shouldRoundTripEveryNodeTypeWithAllProperties() {
        // Given nodes of every type with every property set
        // When they are written
        store.upsert(NODES);

        // Then each reads back equal, lists in order, sets, instants, enums and references included
        assertEquals(Optional.of(ADA), store.employee("e1"));
        assertEquals(Optional.of(CAROL), store.customer("c1"));
        assertEquals(Optional.of(OUTAGE), store.conversation("v1"));
        assertEquals(Optional.of(CORPS), store.program("p1"));
        assertEquals(List.of(KUBERNETES), store.topics(List.of("t1")));
        assertEquals(Optional.of(ACME), store.account("a1"));
        assertEquals(Set.of("a1"), store.existingIds(NodeKind.ACCOUNT, List.of("a1")));
    }

    @Test
    void shouldRoundTripNullOptionalsAndEmptyValues() {
        // Given nodes whose optional properties are null and whose lists and texts are empty
        Conversation quiet = new Conversation("v2", "forum", "", "", "", 0.0, T1, ConversationStatus.OPEN, null, 0, null);

        // When they are written
        upsert(BOB, CY, DAN, quiet);

        // Then they read back equal
        assertEquals(Optional.of(BOB), store.employee("e2"));
        assertEquals(Optional.of(CY), store.employee("e3"));
        assertEquals(Optional.of(DAN), store.customer("c2"));
        assertEquals(Optional.of(quiet), store.conversation("v2"));
    }

    @Test
    void shouldFindNothingForUnknownIds() {
        // Given the fixture
        writeFixture();

        // When unknown ids are read, Then nothing is found
        assertEquals(Optional.empty(), store.employee("nobody"));
        assertEquals(Optional.empty(), store.employee("c1"));
        assertEquals(Optional.empty(), store.customer("e1"));
        assertEquals(Optional.empty(), store.conversation("nothing"));
        assertEquals(Optional.empty(), store.program("nothing"));
        assertEquals(Optional.empty(), store.account("nothing"));
        assertEquals(Optional.empty(), store.account("e1"));
        assertEquals(List.of(), store.interestsOf("nobody"));
        assertEquals(List.of(), store.topicsOf("nothing"));
        assertEquals(List.of(), store.participantsOf("nothing"));
        assertEquals(List.of(), store.membersOf("nothing"));
        assertEquals(List.of(), store.ownersOf("nothing"));
    }

    @Test
    void shouldReportWhatWasWritten() {
        // Given an empty store
        // When the fixture is written in one call
        List<GraphElement> all = new ArrayList<>(NODES);
        all.addAll(RELATIONSHIPS);
        UpsertResult result = store.upsert(all);

        // Then every node and relationship is reported written and none skipped
        assertEquals(NODES.size(), result.nodes());
        assertEquals(RELATIONSHIPS.size(), result.relationships());
        assertEquals(List.of(), result.skipped());
        assertEquals(0, result.skippedCount());
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldCountWhatWasCreatedApartFromWhatWasUpdated() {
        // Given an empty store
        List<GraphElement> all = new ArrayList<>(NODES);
        all.addAll(RELATIONSHIPS);

        // When the fixture is written, Then everything is new
        UpsertResult first = store.upsert(all);
        assertEquals(NODES.size(), first.nodesCreated());
        assertEquals(RELATIONSHIPS.size(), first.relationshipsCreated());

        // When it is written again with one tie changed, Then everything is an update
        all.set(all.indexOf(RELATIONSHIPS.get(8)), new Tie("e1", "e2", TieKind.COLLEAGUE, 0.1, null));
        UpsertResult second = store.upsert(all);
        assertEquals(0, second.nodesCreated());
        assertEquals(NODES.size(), second.nodesUpdated());
        assertEquals(0, second.relationshipsCreated());
        assertEquals(RELATIONSHIPS.size(), second.relationshipsUpdated());
    }

    @Test
    void shouldInsertIntoAnEmptyStoreTheGraphAnUpsertWrites() {
        // Given an empty store
        // When the fixture is inserted in three calls: some nodes, the relationships with the other nodes, nothing
        // referenced in the first call's derived links written yet (Ada's manager, Carol's account, the author)
        UpsertResult nodes = store.insertNew(List.of(ADA, CY, OUTAGE, KUBERNETES, NETWORKING, CLOUD, BILLING, CORPS));
        List<GraphElement> rest = new ArrayList<>(RELATIONSHIPS);
        rest.addAll(List.of(BOB, CAROL, DAN, ACME));
        UpsertResult more = store.insertNew(rest);

        // Then everything is created, the derived relationships included, exactly as an upsert does
        assertEquals(NODES.size(), nodes.nodesCreated() + more.nodesCreated());
        assertEquals(RELATIONSHIPS.size(), more.relationshipsCreated());
        assertEquals(0, more.skippedCount());
        assertCounts(FIXTURE_COUNTS);
        assertEquals(Optional.of(ADA), store.employee("e1"));
        assertEquals(Optional.of(CY), store.employee("e3"));
        assertEquals(Optional.of(DAN), store.customer("c2"));
        assertEquals(Optional.of(OUTAGE), store.conversation("v1"));

        // When the fixture is then upserted, Then nothing new appears
        List<GraphElement> all = new ArrayList<>(NODES);
        all.addAll(RELATIONSHIPS);
        UpsertResult again = store.upsert(all);
        assertEquals(0, again.nodesCreated() + again.relationshipsCreated());
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldLinkAnEmployeeToTheConversationsTheyAuthoredBeforeTheyWereWritten() {
        // Given a conversation whose author is an employee not written yet
        upsert(new Conversation("v2", "email", "", "", "en", 0.0, T1, ConversationStatus.OPEN, null, 0, "e1"));
        assertEquals(0L, count("AUTHORED"));

        // When the employee is written, Then the conversation is linked to them
        upsert(ADA);
        assertEquals(1L, count("AUTHORED"));
    }

    @Test
    void shouldNotDuplicateAnythingWhenTheSameElementsAreWrittenAgain() {
        // Given the fixture
        writeFixture();

        // When every element is written again, once in the same order and once reversed
        writeFixture();
        List<GraphElement> reversed = new ArrayList<>(NODES);
        reversed.addAll(RELATIONSHIPS);
        Collections.reverse(reversed);
        store.upsert(reversed);

        // Then there is still one of each
        assertCounts(FIXTURE_COUNTS);
        assertEquals(Optional.of(ADA), store.employee("e1"));
    }

    @Test
    void shouldWriteNodesBeforeRelationshipsWhateverTheirOrderInTheCall() {
        // Given relationships listed before the nodes they join
        List<GraphElement> all = new ArrayList<>(RELATIONSHIPS);
        all.addAll(NODES);

        // When they are written in one call
        UpsertResult result = store.upsert(all);

        // Then nothing is skipped
        assertEquals(0, result.skippedCount());
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldUpdateAChangedNodeInPlace() {
        // Given the fixture
        writeFixture();

        // When an employee and a conversation change, optional values becoming null and lists emptied
        Employee changed = new Employee("e1", "Ada L.", "Staff engineer", "platform", "apac", List.of("de"),
                Set.of(), Set.of(Purpose.CRISIS), 5, false, false, null);
        Conversation closed = new Conversation("v1", "forum", "", "resolved now", "de", 0.25, T1,
                ConversationStatus.CLOSED, null, 10, null);
        Customer moved = new Customer("c1", "Carol", null, "smb", "amer", List.of(), List.of("@c"), 7);
        upsert(changed, closed, moved);

        // Then the new values read back and no node was added
        assertEquals(Optional.of(changed), store.employee("e1"));
        assertEquals(Optional.of(closed), store.conversation("v1"));
        assertEquals(Optional.of(moved), store.customer("c1"));
        for (String label : List.of("Employee", "Customer", "Account", "Topic", "Conversation", "Program")) {
            assertEquals(FIXTURE_COUNTS.get(label), store.counts().get(label), label);
        }
    }

    @Test
    void shouldUpdateChangedRelationshipsInPlace() {
        // Given the fixture
        writeFixture();

        // When relationships are written again with other properties
        upsert(new Expertise("e1", "t1", 0.2, "manager"),
                new Interest("c1", "t1", 0.1),
                new About("v1", "t1", 1.0),
                new Tie("e1", "e2", TieKind.COLLEAGUE, 0.1, T2),
                new Membership("e1", "p1", null),
                new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESOLVED, T2, "resolved", 0.75));

        // Then the reads show the new properties and no relationship was added
        assertTrue(store.expertiseIn(List.of("t1")).contains(new Expertise("e1", "t1", 0.2, "manager")));
        assertTrue(setOf(store.interestsOf("c1")).contains(new WeightedId("t1", 0.1)));
        assertEquals(List.of(new WeightedId("t1", 1.0)), store.topicsOf("v1"));
        List<Tie> ties = store.tiesOf(List.of("e2"));
        assertEquals(List.of(new Tie("e1", "e2", TieKind.COLLEAGUE, 0.1, T2)), ties);
        assertEquals(Map.of("e2", 1, "e3", 1), store.openAssignments(List.of("e1", "e2", "e3")));
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldMoveAnAssignmentWrittenAgainWithOtherEndpoints() {
        // Given the fixture, where assignment as1 is e1's only open one
        writeFixture();

        // When as1 is written again for e3
        upsert(new Assignment("as1", "e3", "v1", T0, AssignmentStatus.PROPOSED, null, "", null));

        // Then it belongs to e3 only: assignments are identified by their id
        assertEquals(Map.of("e2", 1, "e3", 2), store.openAssignments(List.of("e1", "e2", "e3")));
        assertEquals(5L, count("ASSIGNED_TO"));
    }

    @Test
    void shouldKeepTiesOfDifferentKindsBetweenTheSamePeopleApart() {
        // Given two people
        upsert(ADA, BOB);

        // When they are tied in several kinds and directions, twice
        GraphElement[] ties = {new Tie("e1", "e2", TieKind.KNOWS, 0.5, null),
                new Tie("e1", "e2", TieKind.FOLLOWS, 0.2, T0),
                new Tie("e2", "e1", TieKind.KNOWS, 0.7, T1)};
        upsert(ties);
        upsert(ties);

        // Then each (from, to, kind) is one tie
        assertEquals(3L, count("CONNECTED_TO"));
        assertEquals(Set.of(ties), setOf(store.tiesOf(List.of("e1"))));
    }

    @Test
    void shouldSkipAndReportRelationshipsWithMissingEndpoints() {
        // Given the nodes of the fixture
        store.upsert(NODES);

        // When relationships to missing nodes, or to nodes of the wrong kind, come with a valid one
        UpsertResult result = upsert(new Expertise("e1", "t9", 0.5, "self"),
                new Tie("e1", "ghost", TieKind.KNOWS, 0.5, null),
                new Expertise("c1", "t1", 0.5, "self"),
                new Expertise("e1", "t1", 0.9, "self"));

        // Then only the valid one is written and the others are reported
        assertEquals(1, result.relationships());
        assertEquals(3, result.skippedCount());
        assertEquals(Set.of("EXPERT_IN e1->t9", "CONNECTED_TO e1->ghost", "EXPERT_IN c1->t1"), setOf(result.skipped()));
        assertEquals(1L, count("EXPERT_IN"));
        assertEquals(0L, count("CONNECTED_TO"));
        assertEquals(Set.of("e1", "e2", "e3", "c1", "c2"), store.existingIds(NodeKind.PERSON,
                List.of("e1", "e2", "e3", "c1", "c2", "ghost")));
    }

    @Test
    void shouldListAtMostTheLimitOfSkippedRelationshipsButCountThemAll() {
        // Given one topic
        upsert(KUBERNETES);

        // When more relationships than the listing limit point at missing employees
        List<GraphElement> missing = new ArrayList<>();
        for (int i = 0; i < UpsertResult.MAX_SKIPPED_LISTED + 5; i++) {
            missing.add(new Expertise("ghost" + i, "t1", 0.5, "self"));
        }
        UpsertResult result = store.upsert(missing);

        // Then all are counted, the first ones listed
        assertEquals(UpsertResult.MAX_SKIPPED_LISTED + 5, result.skippedCount());
        assertEquals(UpsertResult.MAX_SKIPPED_LISTED, result.skipped().size());
        assertEquals(0, result.relationships());
    }

    // ---- derived relationships ----

    @Test
    void shouldLinkCustomersToTheirAccountWhicheverIsWrittenFirst() {
        // Given a customer written before its account, and an account written before its customer
        upsert(CAROL);
        assertEquals(0L, count("BELONGS_TO"));
        upsert(new Account("a2", "Globex", "energy"));

        // When the other ends are written
        upsert(ACME);
        upsert(new Customer("c2", "Dan", "a2", "", "", List.of(), List.of(), 0));

        // Then both are linked, once
        assertEquals(2L, count("BELONGS_TO"));
        upsert(ACME, CAROL);
        assertEquals(2L, count("BELONGS_TO"));
    }

    @Test
    void shouldMoveTheAccountLinkWhenTheCustomersAccountChanges() {
        // Given a customer linked to its account
        upsert(ACME, CAROL);
        assertEquals(1L, count("BELONGS_TO"));

        // When the customer moves to an account that does not exist yet, Then the old link goes
        upsert(new Customer("c1", "Carol", "a3", "", "", List.of(), List.of(), 0));
        assertEquals(0L, count("BELONGS_TO"));

        // When that account appears, Then the customer is linked to it
        upsert(new Account("a3", "Initech", "software"));
        assertEquals(1L, count("BELONGS_TO"));

        // When the customer no longer has an account, Then the link goes
        upsert(new Customer("c1", "Carol", null, "", "", List.of(), List.of(), 0));
        assertEquals(0L, count("BELONGS_TO"));
    }

    @Test
    void shouldLinkAuthorsToTheirConversationsWhicheverIsWrittenFirst() {
        // Given a conversation written before its author (a customer), and an author (an employee) before
        upsert(OUTAGE);
        assertEquals(0L, count("AUTHORED"));
        upsert(ADA);

        // When the other ends are written
        upsert(CAROL);
        upsert(new Conversation("v2", "email", "", "", "en", 0.0, T1, ConversationStatus.OPEN, null, 0, "e1"));

        // Then both are linked
        assertEquals(2L, count("AUTHORED"));

        // When a conversation's author changes, Then the link follows it
        upsert(new Conversation("v2", "email", "", "", "en", 0.0, T1, ConversationStatus.OPEN, null, 0, "c1"));
        assertEquals(2L, count("AUTHORED"));
        upsert(new Conversation("v2", "email", "", "", "en", 0.0, T1, ConversationStatus.OPEN, null, 0, null));
        assertEquals(1L, count("AUTHORED"));
    }

    @Test
    void shouldLinkEmployeesToTheirManagerWhicheverIsWrittenFirst() {
        // Given an employee written before the manager
        upsert(ADA);
        assertEquals(0L, count("REPORTS_TO"));

        // When the manager is written, and then another report
        upsert(BOB);
        upsert(CY);

        // Then both reports are linked
        assertEquals(2L, count("REPORTS_TO"));

        // When a report no longer has a manager, Then its link goes
        upsert(new Employee("e1", "Ada", "", "", "", List.of(), Set.of(), Set.of(), 1, true, true, null));
        assertEquals(1L, count("REPORTS_TO"));
    }

    // ---- erasing a person (privacy requests) ----

    /** @return every stored record, of every record type, that holds {@code id} in one of its fields */
    private List<GraphElement> recordsMentioning(String id) {
        List<GraphElement> found = new ArrayList<>();
        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            for (GraphElement e : scanAll(type, 1_000)) {
                for (var component : e.getClass().getRecordComponents()) {
                    try {
                        if (id.equals(component.getAccessor().invoke(e))) {
                            found.add(e);
                        }
                    } catch (ReflectiveOperationException x) {
                        throw new IllegalStateException(x);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void shouldEraseAnEmployeeWithEveryRelationshipAndEveryReferenceToThem() {
        // Given the fixture, where e2 manages e1 and e3, is an expert, a colleague, an account owner and assigned
        writeFixture();

        // When e2 is erased
        boolean erased = store.deletePerson("e2");

        // Then e2 and all its relationships are gone, its reports have no manager, and nothing else changed
        assertTrue(erased);
        assertEquals(Optional.empty(), store.employee("e2"));
        assertEquals(Set.of(), store.existingIds(NodeKind.PERSON, List.of("e2")));
        assertEquals(List.of(), recordsMentioning("e2"));
        assertEquals(null, store.employee("e1").orElseThrow().managerId());
        assertEquals(null, store.employee("e3").orElseThrow().managerId());
        Map<String, Long> expected = new java.util.HashMap<>(FIXTURE_COUNTS);
        expected.putAll(Map.of("Employee", 2L, "EXPERT_IN", 1L, "CONNECTED_TO", 2L, "OWNS_ACCOUNT", 0L,
                "ASSIGNED_TO", 4L, "REPORTS_TO", 0L));
        assertCounts(expected);
        assertEquals(Optional.of(CAROL), store.customer("c1"));
        assertEquals(Map.of("e1", 1, "e3", 1), store.openAssignments(List.of("e1", "e2", "e3")));
        assertEquals(List.of(), store.assignments(new AssignmentQuery("e2", null, null, 100)));
        assertTrue(store.assignments(new AssignmentQuery(null, null, null, 100)).stream()
                .noneMatch(a -> a.employeeId().equals("e2")), "listed assignments of the erased employee");
        assertEquals(Map.of(), store.engagementOf(List.of("e2")));
    }

    @Test
    void shouldEraseACustomerAndClearTheConversationsTheyAuthored() {
        // Given the fixture, where c1 authored v1, belongs to a1, has interests and ties, and c2 knows c1
        writeFixture();

        // When c1 is erased
        boolean erased = store.deletePerson("c1");

        // Then the conversation stays without an author, the account stays without the link, and c1 is gone
        assertTrue(erased);
        assertEquals(List.of(), recordsMentioning("c1"));
        assertEquals(null, store.conversation("v1").orElseThrow().authorId());
        assertEquals(OUTAGE.text(), store.conversation("v1").orElseThrow().text());
        assertEquals(Optional.of(ACME), store.account("a1"));
        Map<String, Long> expected = new java.util.HashMap<>(FIXTURE_COUNTS);
        expected.putAll(Map.of("Customer", 1L, "INTERESTED_IN", 0L, "CONNECTED_TO", 1L, "BELONGS_TO", 0L,
                "AUTHORED", 0L));
        assertCounts(expected);
        assertEquals(Set.of(), store.audienceOf(List.of("c2")));
    }

    @Test
    void shouldClearReferencesToAPersonWhoWasNeverWritten() {
        // Given an employee whose manager, and a conversation whose author, are not in the store
        upsert(ADA, new Conversation("v2", "email", "", "", "en", 0.0, T1, ConversationStatus.OPEN, null, 0, "e2"));

        // When that person is erased
        boolean erased = store.deletePerson("e2");

        // Then the references are gone, and writing the person later links nothing to them
        assertTrue(erased);
        assertEquals(List.of(), recordsMentioning("e2"));
        upsert(BOB);
        assertEquals(0L, count("REPORTS_TO"));
        assertEquals(0L, count("AUTHORED"));
    }

    @Test
    void shouldAnswerFalseAndChangeNothingForAnIdThatNamesNoPerson() {
        // Given the fixture
        writeFixture();

        // When an unknown id and the ids of a topic, an account and a conversation are erased
        // Then nothing was found and nothing changed
        for (String id : List.of("nobody", "t1", "a1", "v1", "p1")) {
            assertFalse(store.deletePerson(id), id);
        }
        assertCounts(FIXTURE_COUNTS);
        assertEquals(Optional.of(ADA), store.employee("e1"));
    }

    @Test
    void shouldWriteAnErasedPersonAgainAsNew() {
        // Given the fixture, and e1 erased
        writeFixture();
        store.deletePerson("e1");

        // When e1 and a relationship of theirs are written again
        UpsertResult result = upsert(ADA, new Expertise("e1", "t2", 0.4, "self"));

        // Then e1 is new, found by the relationship, and linked to the manager again
        assertEquals(1, result.nodesCreated());
        assertEquals(1, result.relationshipsCreated());
        assertEquals(0, result.skippedCount());
        assertEquals(Optional.of(ADA), store.employee("e1"));
        assertEquals(List.of(new Expertise("e1", "t2", 0.4, "self")),
                store.expertiseIn(List.of("t1", "t2")).stream().filter(x -> x.employeeId().equals("e1")).toList());
        assertEquals(2L, count("REPORTS_TO"));

        // When e1 is erased twice, Then only the first finds anything
        assertTrue(store.deletePerson("e1"));
        assertFalse(store.deletePerson("e1"));
    }

    // ---- reads ----

    @Test
    void shouldReadInterestsTopicsAndParticipants() {
        // Given the fixture
        writeFixture();

        // When and Then: the author c1 is not a participant
        assertEquals(Set.of(new WeightedId("t1", 0.8), new WeightedId("t2", 0.3)), setOf(store.interestsOf("c1")));
        assertEquals(List.of(), store.interestsOf("c2"));
        assertEquals(List.of(new WeightedId("t1", 0.7)), store.topicsOf("v1"));
        assertEquals(Set.of("c2", "e1"), setOf(store.participantsOf("v1")));
    }

    @Test
    void shouldReadTopicLinksTouchingTheGivenTopics() {
        // Given the fixture: t1 and t2 are subtopics of t3, t4 stands alone
        writeFixture();
        SubtopicOf k8s = new SubtopicOf("t1", "t3");
        SubtopicOf net = new SubtopicOf("t2", "t3");

        // When and Then
        assertEquals(List.of(k8s), store.topicLinks(List.of("t1")));
        assertEquals(Set.of(k8s, net), setOf(store.topicLinks(List.of("t3"))));
        List<SubtopicOf> both = store.topicLinks(List.of("t1", "t3", "nothing"));
        assertEquals(2, both.size());
        assertEquals(Set.of(k8s, net), setOf(both));
        assertEquals(List.of(), store.topicLinks(List.of("t4", "nothing")));
    }

    @Test
    void shouldReadExpertiseIntoTheGivenTopics() {
        // Given the fixture
        writeFixture();

        // When and Then
        assertEquals(Set.of(new Expertise("e1", "t1", 0.9, "self"), new Expertise("e2", "t1", 0.5, "manager")),
                setOf(store.expertiseIn(List.of("t1"))));
        assertEquals(3, store.expertiseIn(List.of("t1", "t2", "nothing")).size());
        assertEquals(List.of(), store.expertiseIn(List.of("t3", "t4")));
    }

    @Test
    void shouldCountOnlyAssignmentsThatStillTakeCapacity() {
        // Given the fixture: e1 proposed + resolved, e2 accepted, e3 declined + responded
        writeFixture();

        // When open assignments are counted
        Map<String, Integer> open = store.openAssignments(List.of("e1", "e2", "e3", "c1", "nobody"));

        // Then proposed, accepted and responded count; people with none are absent
        assertEquals(Map.of("e1", 1, "e2", 1, "e3", 1), open);
        assertEquals(Map.of(), store.openAssignments(List.of("nobody")));
    }

    @Test
    void shouldKeepDocumentsByKindAndIdApartFromTheGraph() {
        // Given the fixture and two documents of one kind, one of another
        writeFixture();
        store.putDocument("program-policy", "p1", "{\"purposes\":[\"care\"]}");
        store.putDocument("program-policy", "p2", "{}");
        store.putDocument("account-policy", "p1", "{\"allowOthers\":true}");

        // When one is replaced and another deleted
        store.putDocument("program-policy", "p1", "{\"purposes\":[\"sales\"]}");
        assertTrue(store.deleteDocument("program-policy", "p2"));
        assertFalse(store.deleteDocument("program-policy", "p2"));

        // Then each kind holds its own, the latest version, and the graph's counts are untouched
        assertEquals(Map.of("p1", "{\"purposes\":[\"sales\"]}"), store.documents("program-policy"));
        assertEquals(Map.of("p1", "{\"allowOthers\":true}"), store.documents("account-policy"));
        assertEquals(Map.of(), store.documents("nothing"));
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldListConversationsByStatus() {
        // Given the fixture's assigned conversation and two more, one open and one resolved
        writeFixture();
        Conversation open = new Conversation("v2", "email", "", "help", "en", -0.2, T1, ConversationStatus.OPEN, null, 3, "c2");
        upsert(open, new Conversation("v3", "email", "", "thanks", "en", 0.8, T2, ConversationStatus.RESOLVED, null, 0, null));

        // When conversations are listed by status, Then each comes back whole, by id
        assertEquals(List.of(open), store.conversationsWithStatus(List.of(ConversationStatus.OPEN)));
        assertEquals(List.of(OUTAGE, open), store.conversationsWithStatus(List.of(ConversationStatus.OPEN, ConversationStatus.ASSIGNED)));
        assertEquals(List.of(), store.conversationsWithStatus(List.of()));
    }

    @Test
    void shouldReadTiesStartingOrEndingAtTheGivenPeople() {
        // Given the fixture
        writeFixture();
        Tie follows = new Tie("c1", "e1", TieKind.FOLLOWS, 0.4, T0);
        Tie colleague = new Tie("e1", "e2", TieKind.COLLEAGUE, 0.9, null);
        Tie knows = new Tie("c2", "c1", TieKind.KNOWS, 0.6, T1);

        // When and Then: a tie between two given people is listed once
        assertEquals(Set.of(follows, colleague), setOf(store.tiesOf(List.of("e1"))));
        List<Tie> two = store.tiesOf(List.of("e1", "e2"));
        assertEquals(2, two.size());
        assertEquals(Set.of(follows, colleague, knows), setOf(store.tiesOf(List.of("c1", "e2", "nobody"))));
        assertEquals(List.of(), store.tiesOf(List.of("e3", "nobody")));
    }

    @Test
    void shouldReadOnlyTheTiesThatLeadToTheOtherPeople() {
        // Given the fixture: c1 follows e1, e1 and e2 are colleagues (e1->e2), c2 knows c1 (c2->c1)
        writeFixture();
        Tie follows = new Tie("c1", "e1", TieKind.FOLLOWS, 0.4, T0);
        Tie colleague = new Tie("e1", "e2", TieKind.COLLEAGUE, 0.9, null);

        // When and Then: whichever way a tie was recorded, once, and only towards the other set
        assertEquals(List.of(colleague), store.tiesBetween(List.of("e1"), Set.of("e2", "c2")));
        assertEquals(Set.of(follows, colleague), setOf(store.tiesBetween(List.of("e1", "e2", "c1"), Set.of("e1", "e2"))));
        assertEquals(2, store.tiesBetween(List.of("e1", "e2", "c1"), Set.of("e1", "e2")).size());
        assertEquals(List.of(), store.tiesBetween(List.of("c2", "nobody"), Set.of("e1", "nobody")));
        assertEquals(List.of(), store.tiesBetween(List.of("e1"), Set.of()));
    }

    @Test
    void shouldReachFollowersButNotThoseFollowed() {
        // Given the fixture: c1 follows e1, e1 and e2 are colleagues (e1->e2), c2 knows c1 (c2->c1)
        writeFixture();

        // When and Then: e1 is seen by its follower c1 and its colleague e2
        assertEquals(Set.of("c1", "e2"), store.audienceOf(List.of("e1")));
        // c1 is seen by c2, who knows c1, but not by e1, whom c1 only follows
        assertEquals(Set.of("c2"), store.audienceOf(List.of("c1")));
        // c2 is seen by c1, whom c2 knows: a mutual tie works both ways
        assertEquals(Set.of("c1"), store.audienceOf(List.of("c2")));
        assertEquals(Set.of("e1"), store.audienceOf(List.of("e2")));
        assertEquals(Set.of("c1", "c2", "e2"), store.audienceOf(List.of("c1", "e1", "nobody")));
        assertEquals(Set.of(), store.audienceOf(List.of("e3")));
    }

    @Test
    void shouldReadMembersOfProgramsAndOwnersOfAccounts() {
        // Given the fixture
        writeFixture();

        // When and Then
        assertEquals(Set.of("e1", "e3"), setOf(store.membersOf("p1")));
        assertEquals(List.of("e2"), store.ownersOf("a1"));
    }

    @Test
    void shouldReportWhichIdsExistPerKind() {
        // Given the fixture
        writeFixture();
        List<String> people = List.of("e1", "c1", "t1", "nobody");

        // When and Then: PERSON matches employees and customers alike
        assertEquals(Set.of("e1"), store.existingIds(NodeKind.EMPLOYEE, people));
        assertEquals(Set.of("c1"), store.existingIds(NodeKind.CUSTOMER, people));
        assertEquals(Set.of("e1", "c1"), store.existingIds(NodeKind.PERSON, people));
        assertEquals(Set.of("t1"), store.existingIds(NodeKind.TOPIC, people));
        assertEquals(Set.of("a1"), store.existingIds(NodeKind.ACCOUNT, List.of("a1", "e1")));
        assertEquals(Set.of("v1"), store.existingIds(NodeKind.CONVERSATION, List.of("v1", "v2")));
        assertEquals(Set.of("p1"), store.existingIds(NodeKind.PROGRAM, List.of("p1", "p2")));
        assertEquals(Set.of(), store.existingIds(NodeKind.PERSON, List.of()));
    }

    @Test
    void shouldReadEmployeesAndTopicsIgnoringUnknownIds() {
        // Given the fixture
        writeFixture();

        // When and Then
        assertEquals(Set.of(ADA, CY), setOf(store.employees(List.of("e1", "e3", "c1", "nobody"))));
        assertEquals(List.of(), store.employees(List.of("nobody")));
        assertEquals(Set.of(KUBERNETES, BILLING), setOf(store.topics(List.of("t1", "t4", "e1", "nothing"))));
    }

    // ---- assignments as a lifecycle ----

    /** Conversations v2 and v3 have no assignment yet; v1 has the fixture's. */
    private static final Conversation QUIET = new Conversation("v2", "forum", "", "", "", 0.0, T0,
            ConversationStatus.OPEN, null, 0, null);
    private static final Conversation CALM = new Conversation("v3", "forum", "", "", "", 0.0, T0,
            ConversationStatus.OPEN, null, 0, null);

    private static Assignment proposal(String id, String employeeId, String conversationId) {
        return new Assignment(id, employeeId, conversationId, T1, AssignmentStatus.PROPOSED, null, "", null);
    }

    /** Runs the tasks at once, released together, and returns their results in task order. */
    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldReadAnAssignmentByIdWithTheTimeOfEveryStep() {
        // Given the fixture, where as2 went through every step
        writeFixture();

        // When it is read by id, Then every time comes back; an unknown id finds nothing
        Assignment resolved = store.assignment("as2").orElseThrow();
        assertEquals(RELATIONSHIPS.stream().filter(r -> r instanceof Assignment a && a.id().equals("as2")).findFirst()
                .orElseThrow(), resolved);
        assertEquals(T0.plusSeconds(60), resolved.decidedAt());
        assertEquals(T2, resolved.resolvedAt());
        assertEquals(Optional.empty(), store.assignment("nothing"));
        assertEquals(Optional.empty(), store.assignment("e1"));
    }

    @Test
    void shouldListAssignmentsByConversationEmployeeAndStatusLatestFirst() {
        // Given the fixture and one more assignment of e1 to another conversation
        writeFixture();
        upsert(QUIET, new Assignment("as6", "e1", "v2", T2, AssignmentStatus.ACCEPTED, null, "", null, T2, null));

        // When they are listed by each filter and by all at once
        // Then the latest assignedAt comes first, ties by id, and the limit holds
        assertEquals(List.of("as3", "as4", "as5", "as1", "as2"), ids(new AssignmentQuery("v1", null, null, 10)));
        assertEquals(List.of("as6", "as1", "as2"), ids(new AssignmentQuery(null, "e1", null, 10)));
        assertEquals(List.of("as6", "as3"), ids(new AssignmentQuery(null, null, AssignmentStatus.ACCEPTED, 10)));
        assertEquals(List.of("as1"), ids(new AssignmentQuery("v1", "e1", AssignmentStatus.PROPOSED, 10)));
        assertEquals(List.of("as6", "as3"), ids(new AssignmentQuery(null, null, null, 2)));
        assertEquals(List.of(), ids(new AssignmentQuery("v1", "e2", AssignmentStatus.RESOLVED, 10)));
        assertEquals(List.of(), ids(new AssignmentQuery("nothing", null, null, 10)));
    }

    @Test
    void shouldListAssignmentsProposedInAPeriodLatestFirst() {
        // Given the fixture (as1, as2 at T0; as3, as4, as5 at T1) and as6 at T2
        writeFixture();
        upsert(QUIET, new Assignment("as6", "e1", "v2", T2, AssignmentStatus.ACCEPTED, null, "", null, T2, null));

        // When assignments are listed by period
        // Then the start is inclusive, the end exclusive, the latest first (ties by id), and the limit holds
        assertEquals(List.of("as3", "as4", "as5", "as1", "as2"), periodIds(T0, T2, 10));
        assertEquals(List.of("as6", "as3", "as4", "as5"), periodIds(T1, T2.plusMillis(1), 10));
        assertEquals(List.of("as6", "as3"), periodIds(T0, T2.plusMillis(1), 2));
        assertEquals(List.of(), periodIds(T1, T1, 10));
        assertEquals(List.of(), periodIds(T2.plusMillis(1), T2.plusSeconds(60), 10));
        assertThrows(IllegalArgumentException.class, () -> store.assignmentsProposedBetween(T1, T0, 10));
        assertThrows(IllegalArgumentException.class, () -> store.assignmentsProposedBetween(T0, T1, 0));
    }

    private List<String> periodIds(Instant from, Instant to, int limit) {
        return store.assignmentsProposedBetween(from, to, limit).stream().map(Assignment::id).collect(Collectors.toList());
    }

    @Test
    void shouldListConversationsCreatedInAPeriodLatestFirst() {
        // Given three conversations: v1 and v2 at T0, v4 at T1
        writeFixture();
        Conversation later = new Conversation("v4", "forum", "", "", "", -0.2, T1, ConversationStatus.OPEN, null, 0, null);
        upsert(QUIET, later);

        // When conversations are listed by period
        // Then the start is inclusive, the end exclusive, the latest first (ties by id), whole records, the limit holds
        assertEquals(List.of(later, OUTAGE, QUIET), store.conversationsCreatedBetween(T0, T2, 10));
        assertEquals(List.of(OUTAGE, QUIET), store.conversationsCreatedBetween(T0, T1, 10));
        assertEquals(List.of(later, OUTAGE), store.conversationsCreatedBetween(T0, T2, 2));
        assertEquals(List.of(), store.conversationsCreatedBetween(T2, T2.plusSeconds(60), 10));
        assertThrows(IllegalArgumentException.class, () -> store.conversationsCreatedBetween(T1, T0, 10));
    }

    private List<String> ids(AssignmentQuery query) {
        return store.assignments(query).stream().map(Assignment::id).collect(Collectors.toList());
    }

    @Test
    void shouldProposeOnlyWhileTheConversationHasNoOpenAssignment() {
        // Given the fixture, where v1 has open assignments, and a conversation v2 without any
        writeFixture();
        upsert(QUIET);

        // When assignments are proposed for each
        // Then v1 refuses, v2 takes the first and refuses the second, whoever it is for
        assertEquals(ProposeOutcome.CONVERSATION_BUSY, store.proposeAssignment(proposal("n1", "e2", "v1")));
        assertEquals(ProposeOutcome.CREATED, store.proposeAssignment(proposal("n2", "e2", "v2")));
        assertEquals(ProposeOutcome.CONVERSATION_BUSY, store.proposeAssignment(proposal("n3", "e3", "v2")));
        assertEquals(Optional.of(proposal("n2", "e2", "v2")), store.assignment("n2"));
        assertEquals(Optional.empty(), store.assignment("n1"));
        assertEquals(6L, count("ASSIGNED_TO"));

        // When v2's assignment is declined, Then v2 takes a new proposal
        Assignment declined = new Assignment("n2", "e2", "v2", T1, AssignmentStatus.DECLINED, null, "", null, T2, null);
        assertTrue(store.updateAssignment(declined, AssignmentStatus.PROPOSED));
        assertEquals(ProposeOutcome.CREATED, store.proposeAssignment(proposal("n3", "e3", "v2")));
    }

    @Test
    void shouldSayWhyAProposalWasNotWritten() {
        // Given the fixture and a conversation without assignments
        writeFixture();
        upsert(QUIET);

        // When proposals name unknown nodes, a customer as the advocate, or a taken id, Then nothing is written
        assertEquals(ProposeOutcome.UNKNOWN_CONVERSATION, store.proposeAssignment(proposal("n1", "e1", "nothing")));
        assertEquals(ProposeOutcome.UNKNOWN_EMPLOYEE, store.proposeAssignment(proposal("n1", "nobody", "v2")));
        assertEquals(ProposeOutcome.UNKNOWN_EMPLOYEE, store.proposeAssignment(proposal("n1", "c1", "v2")));
        assertEquals(ProposeOutcome.ID_TAKEN, store.proposeAssignment(proposal("as2", "e1", "v2")));
        assertEquals(5L, count("ASSIGNED_TO"));
        assertThrows(IllegalArgumentException.class, () -> store.proposeAssignment(
                new Assignment("n1", "e1", "v2", T1, AssignmentStatus.ACCEPTED, null, "", null)));
    }

    @Test
    void shouldLetExactlyOneOfConcurrentProposalsForAConversationWin() throws Exception {
        // Given employees and two conversations without assignments
        upsert(ADA, BOB, CY, QUIET, CALM);

        // When 8 threads propose at once for v2, and 8 others for v3, several times over
        for (int round = 0; round < 3; round++) {
            List<Callable<ProposeOutcome>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String employee = "e" + (1 + i % 3);
                String conversation = i % 2 == 0 ? "v2" : "v3";
                String id = "r" + round + "-" + i;
                tasks.add(() -> store.proposeAssignment(proposal(id, employee, conversation)));
            }
            List<ProposeOutcome> outcomes = race(tasks);

            // Then exactly one per conversation was created, the others were refused, and one is stored per conversation
            for (String conversation : List.of("v2", "v3")) {
                int parity = conversation.equals("v2") ? 0 : 1;
                List<ProposeOutcome> forIt = new ArrayList<>();
                for (int i = parity; i < outcomes.size(); i += 2) {
                    forIt.add(outcomes.get(i));
                }
                assertEquals(1, Collections.frequency(forIt, ProposeOutcome.CREATED), conversation + ": " + forIt);
                assertEquals(7, Collections.frequency(forIt, ProposeOutcome.CONVERSATION_BUSY), conversation + ": " + forIt);
                List<Assignment> open = store.assignments(new AssignmentQuery(conversation, null,
                        AssignmentStatus.PROPOSED, 10));
                assertEquals(1, open.size(), conversation + ": " + open);
                // Close it, so that the next round races again.
                Assignment winner = open.get(0);
                assertTrue(store.updateAssignment(new Assignment(winner.id(), winner.employeeId(), winner.conversationId(),
                        winner.assignedAt(), AssignmentStatus.CANCELLED, null, "", null, null, T2), AssignmentStatus.PROPOSED));
            }
        }
        assertEquals(6L, count("ASSIGNED_TO"));
    }

    @Test
    void shouldUpdateAnAssignmentOnlyFromTheExpectedStatus() {
        // Given the fixture, where as3 is accepted
        writeFixture();
        Assignment responded = new Assignment("as3", "e2", "v1", T1, AssignmentStatus.RESPONDED, T2, "", null, T1, null);

        // When it is updated expecting another status, or with other endpoints, or by an unknown id
        // Then nothing changes
        assertFalse(store.updateAssignment(responded, AssignmentStatus.PROPOSED));
        assertFalse(store.updateAssignment(new Assignment("as3", "e1", "v1", T1, AssignmentStatus.RESPONDED, T2, "",
                null), AssignmentStatus.ACCEPTED));
        assertFalse(store.updateAssignment(new Assignment("as9", "e2", "v1", T1, AssignmentStatus.RESPONDED, T2, "",
                null), AssignmentStatus.ACCEPTED));
        assertEquals(AssignmentStatus.ACCEPTED, store.assignment("as3").orElseThrow().status());
        assertEquals(Optional.empty(), store.assignment("as9"));

        // When it is updated expecting its status, Then it is written whole, and a second identical update fails
        assertTrue(store.updateAssignment(responded, AssignmentStatus.ACCEPTED));
        assertEquals(Optional.of(responded), store.assignment("as3"));
        assertFalse(store.updateAssignment(responded, AssignmentStatus.ACCEPTED));

        // When it is resolved, Then outcome, sentiment and resolution time are kept; a time removed is removed
        Assignment resolved = new Assignment("as3", "e2", "v1", T1, AssignmentStatus.RESOLVED, T2, "thanked", -0.5,
                null, T2);
        assertTrue(store.updateAssignment(resolved, AssignmentStatus.RESPONDED));
        assertEquals(Optional.of(resolved), store.assignment("as3"));
        assertCounts(FIXTURE_COUNTS);
    }

    @Test
    void shouldLetExactlyOneOfConcurrentTransitionsWin() throws Exception {
        // Given a proposed assignment
        upsert(ADA, QUIET);
        assertEquals(ProposeOutcome.CREATED, store.proposeAssignment(proposal("n1", "e1", "v2")));

        // When 8 threads move it on at once, half accepting and half declining
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AssignmentStatus to = i % 2 == 0 ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED;
            String outcome = "thread " + i;
            tasks.add(() -> store.updateAssignment(new Assignment("n1", "e1", "v2", T1, to, null, outcome, null, T2,
                    null), AssignmentStatus.PROPOSED));
        }
        List<Boolean> results = race(tasks);

        // Then exactly one succeeded, and the stored assignment is the winner's
        assertEquals(1, Collections.frequency(results, true), results.toString());
        int winner = results.indexOf(true);
        Assignment stored = store.assignment("n1").orElseThrow();
        assertEquals("thread " + winner, stored.outcome());
        assertEquals(winner % 2 == 0 ? AssignmentStatus.ACCEPTED : AssignmentStatus.DECLINED, stored.status());
    }

    @Test
    void shouldSumUpEachEmployeesRecordAsAnAdvocate() {
        // Given the fixture (e1: as1 proposed, as2 resolved at +0.5 responded after 21h44m29.333s; e2: as3 accepted;
        // e3: as4 declined, as5 responded after 34h30m0.333s with -0.25) and more of e3's history
        writeFixture();
        upsert(QUIET, CALM,
                new Assignment("as6", "e3", "v2", T0, AssignmentStatus.RESOLVED, T0.plusSeconds(100), "thanked", 0.1),
                new Assignment("as7", "e3", "v3", T0, AssignmentStatus.RESOLVED, T0.plusSeconds(300), "", -0.1),
                new Assignment("as8", "e3", "v3", T0, AssignmentStatus.RESOLVED, T0.plusSeconds(500), "", null));

        // When their figures are read
        Map<String, EngagementStats> stats = store.engagementOf(List.of("e1", "e2", "e3", "c1", "nobody"));

        // Then each employee with assignments has counts per status, positive and rated resolutions, the median response
        // time (responded and resolved only) and the latest assignedAt; others are absent
        assertEquals(Set.of("e1", "e2", "e3"), stats.keySet());
        EngagementStats ada = stats.get("e1");
        assertEquals(1, ada.count(AssignmentStatus.PROPOSED));
        assertEquals(1, ada.count(AssignmentStatus.RESOLVED));
        assertEquals(2, ada.total());
        assertEquals(1, ada.open());
        assertEquals(1, ada.resolvedPositive());
        assertEquals(1, ada.resolvedRated());
        assertEquals(Duration.between(T0, T1), ada.medianResponseTime());
        assertEquals(T0, ada.lastAskedAt());
        assertEquals(List.of(T1), ada.recentResponses(), "as2 only: as1 was not responded to");
        EngagementStats bob = stats.get("e2");
        assertEquals(1, bob.count(AssignmentStatus.ACCEPTED));
        assertEquals(0, bob.resolvedPositive());
        assertEquals(null, bob.medianResponseTime());
        assertEquals(T1, bob.lastAskedAt());
        assertEquals(List.of(), bob.recentResponses());
        EngagementStats cy = stats.get("e3");
        assertEquals(Map.of(AssignmentStatus.PROPOSED, 0, AssignmentStatus.ACCEPTED, 0, AssignmentStatus.DECLINED, 1,
                AssignmentStatus.RESPONDED, 1, AssignmentStatus.RESOLVED, 3, AssignmentStatus.CANCELLED, 0), cy.byStatus());
        assertEquals(1, cy.resolvedPositive());
        assertEquals(2, cy.resolvedRated(), "as6 and as7 record a sentiment, as8 does not");
        // Response times 100 s, 300 s, 500 s and as5's 34.5 h: the median is the mean of 300 s and 500 s.
        assertEquals(Duration.ofSeconds(400), cy.medianResponseTime());
        assertEquals(T1, cy.lastAskedAt());
        // as5 (responded at T2), then as8, as7, as6, newest first; as4 was declined, so is no response
        assertEquals(List.of(T2, T0.plusSeconds(500), T0.plusSeconds(300), T0.plusSeconds(100)), cy.recentResponses());
        assertEquals(Map.of(), store.engagementOf(List.of()));
    }

    @Test
    void shouldCountAnAssignmentChangeInTheFiguresReadAfterIt() {
        // Given the fixture, with e1's figures read once (as1 proposed, as2 resolved)
        writeFixture();
        assertEquals(1, store.engagementOf(List.of("e1")).get("e1").open());

        // When as1 is resolved on a positive note, and as2 moves from e1 to e2
        assertTrue(store.updateAssignment(new Assignment("as1", "e1", "v1", T0, AssignmentStatus.RESOLVED, T2, "done", 0.5),
                AssignmentStatus.PROPOSED));
        upsert(new Assignment("as2", "e2", "v1", T0, AssignmentStatus.RESOLVED, T1, "", 0.5));

        // Then both employees' figures say so
        Map<String, EngagementStats> stats = store.engagementOf(List.of("e1", "e2"));
        EngagementStats ada = stats.get("e1");
        assertEquals(0, ada.open());
        assertEquals(1, ada.count(AssignmentStatus.RESOLVED));
        assertEquals(List.of(T2), ada.recentResponses());
        assertEquals(1, stats.get("e2").count(AssignmentStatus.RESOLVED));
        assertEquals(1, stats.get("e2").count(AssignmentStatus.ACCEPTED));
    }

    // ---- scanning every element of a type ----

    private static final List<Class<? extends GraphElement>> RECORD_TYPES = List.of(Employee.class, Customer.class,
            Account.class, Topic.class, Conversation.class, Program.class, Expertise.class, Interest.class,
            SubtopicOf.class, Tie.class, Participation.class, About.class, AccountOwnership.class, Membership.class,
            Assignment.class);

    /**
     * Orders records as a scan must: by their key, one part after the other, each compared by code point as Cypher
     * compares strings (which differs from {@link String#compareTo} only for characters beyond U+FFFF).
     */
    private static final Comparator<GraphElement> KEY_ORDER = (a, b) -> {
        List<String> x = scanKey(a);
        List<String> y = scanKey(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Arrays.compare(x.get(i).codePoints().toArray(), y.get(i).codePoints().toArray());
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };

    /** The fixture plus elements whose keys sort differently from the order they are written in. */
    private static List<GraphElement> scanFixture() {
        List<GraphElement> all = new ArrayList<>(NODES);
        all.addAll(RELATIONSHIPS);
        // "e10" sorts between "e1" and "e2" as a string; "v0" and "a0" sort first; every optional value is null.
        all.add(new Employee("e10", "Eve", "", "", "", List.of(), Set.of(), Set.of(), 0, true, true, null));
        all.add(new Account("a0", "Zeta", ""));
        all.add(new Conversation("v0", "forum", "", "", "", 0.0, T2, ConversationStatus.OPEN, null, 0, null));
        all.add(new Expertise("e10", "t4", 0.0, ""));
        all.add(new Interest("c2", "t4", 1.0));
        all.add(new SubtopicOf("t4", "t3"));
        // The same two people tied in every kind: ties of equal endpoints are ordered by the kind's key.
        all.add(new Tie("e1", "e2", TieKind.KNOWS, 0.5, T2));
        all.add(new Tie("e1", "e2", TieKind.INTERACTED, 0.1, null));
        all.add(new Tie("e1", "e2", TieKind.FOLLOWS, 1.0, T1));
        all.add(new Tie("e10", "c1", TieKind.KNOWS, 0.0, null));
        all.add(new Participation("c1", "v0"));
        all.add(new About("v0", "t2", 0.0));
        all.add(new AccountOwnership("e10", "a0"));
        all.add(new Membership("e10", "p1", T2));
        all.add(new Assignment("as0", "e10", "v0", T2, AssignmentStatus.PROPOSED, null, "", null));
        Collections.reverse(all);
        return all;
    }

    private static List<String> scanKey(GraphElement e) {
        if (e instanceof Employee x) {
            return List.of(x.id());
        } else if (e instanceof Customer x) {
            return List.of(x.id());
        } else if (e instanceof Account x) {
            return List.of(x.id());
        } else if (e instanceof Topic x) {
            return List.of(x.id());
        } else if (e instanceof Conversation x) {
            return List.of(x.id());
        } else if (e instanceof Program x) {
            return List.of(x.id());
        } else if (e instanceof Expertise x) {
            return List.of(x.employeeId(), x.topicId());
        } else if (e instanceof Interest x) {
            return List.of(x.customerId(), x.topicId());
        } else if (e instanceof SubtopicOf x) {
            return List.of(x.childId(), x.parentId());
        } else if (e instanceof Tie x) {
            return List.of(x.fromId(), x.toId(), x.kind().key());
        } else if (e instanceof Participation x) {
            return List.of(x.personId(), x.conversationId());
        } else if (e instanceof About x) {
            return List.of(x.conversationId(), x.topicId());
        } else if (e instanceof AccountOwnership x) {
            return List.of(x.employeeId(), x.accountId());
        } else if (e instanceof Membership x) {
            return List.of(x.employeeId(), x.programId());
        } else if (e instanceof Assignment x) {
            return List.of(x.id());
        }
        throw new IllegalArgumentException("no key for " + e);
    }

    private static List<GraphElement> expectedScan(Collection<GraphElement> written, Class<?> type) {
        List<GraphElement> expected = new ArrayList<>();
        for (GraphElement e : written) {
            if (e.getClass() == type) {
                expected.add(e);
            }
        }
        expected.sort(KEY_ORDER);
        return expected;
    }

    /** @return every batch the scan delivered, each copied: the store may reuse the list it hands over */
    private <T extends GraphElement> List<List<T>> scanBatches(Class<T> type, int batchSize) {
        List<List<T>> batches = new ArrayList<>();
        store.scan(type, batchSize, batch -> batches.add(new ArrayList<>(batch)));
        return batches;
    }

    private <T extends GraphElement> List<T> scanAll(Class<T> type, int batchSize) {
        List<T> all = new ArrayList<>();
        for (List<T> batch : scanBatches(type, batchSize)) {
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void shouldScanUnorderedExactlyTheElementsOfTheOrderedScanInBatchesOfTheGivenSize() {
        // Given one or more elements of each of the 15 record types, written out of order
        store.upsert(scanFixture());

        // When each record type is scanned without order, in batches of 2
        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            List<List<GraphElement>> batches = new ArrayList<>();
            store.scanUnordered(type, 2, batch -> batches.add(new ArrayList<>(batch)));

            // Then the batches hold at most 2 each, and together the very elements of the ordered scan
            List<GraphElement> unordered = new ArrayList<>();
            for (List<GraphElement> batch : batches) {
                assertTrue(batch.size() <= 2 && !batch.isEmpty(), "batch of " + batch.size());
                unordered.addAll(batch);
            }
            unordered.sort(KEY_ORDER);
            assertEquals(scanAll(type, 1_000), unordered, "unordered scan of " + type.getSimpleName());
        }
    }

    @Test
    void shouldVisitEveryTieWithTheEndsKindAndStrengthTheScanReads() {
        // Given ties of every kind, several between the same two people, written out of order
        store.upsert(scanFixture());

        // When every tie is visited
        List<Tie> visited = new ArrayList<>();
        store.forEachTie((from, to, kind, strength) -> visited.add(new Tie(from, to, kind, strength, null)));

        // Then the visits are the scanned ties without their dates, each once
        List<Tie> expected = new ArrayList<>();
        for (Tie t : scanAll(Tie.class, 1_000)) {
            expected.add(new Tie(t.fromId(), t.toId(), t.kind(), t.strength(), null));
        }
        List<GraphElement> sorted = new ArrayList<>(visited);
        sorted.sort(KEY_ORDER);
        assertEquals(expected, sorted);
    }

    @Test
    void shouldVisitExactlyThePeopleTheScansReadWithTheirKindAndEligibility() {
        // Given the fixture's people and employees ineligible for each reason: inactive, opted out, no capacity
        store.upsert(scanFixture());
        store.upsert(List.of(
                new Employee("e20", "Ina", "", "", "", List.of(), Set.of(), Set.of(), 2, false, true, null),
                new Employee("e21", "Out", "", "", "", List.of(), Set.of(), Set.of(), 2, true, false, null),
                new Employee("e22", "Zed", "", "", "", List.of(), Set.of(), Set.of(), 0, true, true, null),
                new Employee("e23", "Yes", "", "", "", List.of(), Set.of(), Set.of(), 2, true, true, null)));

        // When every person is visited
        List<String> visited = new ArrayList<>();
        store.forEachPerson((id, employee, eligible) -> visited.add(id + " " + employee + " " + eligible));

        // Then the visits are the scanned employees and customers, each once, flagged as the records say
        List<String> expected = new ArrayList<>();
        for (Employee e : scanAll(Employee.class, 1_000)) {
            expected.add(e.id() + " true " + e.eligible());
        }
        for (Customer c : scanAll(Customer.class, 1_000)) {
            expected.add(c.id() + " false false");
        }
        assertTrue(expected.contains("e23 true true") && expected.contains("e22 true false"), expected.toString());
        Collections.sort(expected);
        Collections.sort(visited);
        assertEquals(expected, visited);
    }

    @Test
    void shouldVisitPeopleThenTiesNumberedInTheOrderThePeopleWereVisited() {
        // Given ties of every kind between the fixture's people
        store.upsert(scanFixture());

        // When people and ties are visited in one pass
        List<String> people = new ArrayList<>();
        List<Tie> ties = new ArrayList<>();
        store.forEachPersonAndTie((id, employee, eligible) -> people.add(id + " " + employee + " " + eligible),
                (from, to, kind, strength) -> ties.add(new Tie(people.get(from).split(" ")[0],
                        people.get(to).split(" ")[0], kind, strength, null)));

        // Then the people are those of forEachPerson and the ties, their numbers named back, those of forEachTie
        List<String> expectedPeople = new ArrayList<>();
        store.forEachPerson((id, employee, eligible) -> expectedPeople.add(id + " " + employee + " " + eligible));
        List<Tie> expectedTies = new ArrayList<>();
        store.forEachTie((from, to, kind, strength) -> expectedTies.add(new Tie(from, to, kind, strength, null)));
        assertFalse(expectedTies.isEmpty(), "the fixture holds ties");
        Collections.sort(expectedPeople);
        List<String> sortedPeople = new ArrayList<>(people);
        Collections.sort(sortedPeople);
        assertEquals(expectedPeople, sortedPeople);
        List<GraphElement> sortedTies = new ArrayList<>(ties);
        sortedTies.sort(KEY_ORDER);
        List<GraphElement> sortedExpected = new ArrayList<>(expectedTies);
        sortedExpected.sort(KEY_ORDER);
        assertEquals(sortedExpected, sortedTies);
    }

    @Test
    void shouldScanExactlyTheElementsWrittenOfEveryRecordTypeInKeyOrder() {
        // Given one or more elements of each of the 15 record types, null optionals included, written out of order
        List<GraphElement> written = scanFixture();
        store.upsert(written);

        // When each record type is scanned
        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            List<? extends GraphElement> scanned = scanAll(type, 1_000);

            // Then it returns exactly the elements of that type as written, ordered by their key
            List<GraphElement> expected = expectedScan(written, type);
            assertFalse(expected.isEmpty(), "the fixture holds " + type.getSimpleName());
            assertEquals(expected, scanned, "scan of " + type.getSimpleName());
        }
    }

    @Test
    void shouldNeverReturnDerivedRelationshipsButTheNodePropertiesTheyComeFrom() {
        // Given the fixture, where BELONGS_TO, AUTHORED and REPORTS_TO were derived from node properties
        writeFixture();

        // When nodes and relationships are scanned
        int relationships = 0;
        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            if (!GraphNode.class.isAssignableFrom(type)) {
                relationships += scanAll(type, 100).size();
            }
        }

        // Then only the relationships written come back, and the references are node properties
        assertEquals(RELATIONSHIPS.size(), relationships);
        assertEquals(List.of(ADA, BOB, CY), scanAll(Employee.class, 100));
        assertEquals(List.of(CAROL, DAN), scanAll(Customer.class, 100));
        assertEquals(List.of(OUTAGE), scanAll(Conversation.class, 100));
    }

    @Test
    void shouldScanInBatchesNoLargerThanAsked() {
        // Given the fixture, with five assignments
        writeFixture();

        // When they are scanned two at a time
        List<List<Assignment>> batches = scanBatches(Assignment.class, 2);

        // Then they come as 2, 2 and 1, in id order
        assertEquals(List.of(2, 2, 1), batches.stream().map(List::size).collect(Collectors.toList()));
        assertEquals(List.of("as1", "as2", "as3", "as4", "as5"),
                batches.stream().flatMap(List::stream).map(Assignment::id).collect(Collectors.toList()));
    }

    @Test
    void shouldCutEveryScanIntoFullBatchesAndOneRemainder() {
        // Given the scan fixture
        List<GraphElement> written = scanFixture();
        store.upsert(written);

        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            List<GraphElement> expected = expectedScan(written, type);
            for (int batchSize : new int[] {1, 2, 3, expected.size(), expected.size() + 1}) {
                // When the type is scanned in batches of that size
                List<? extends List<? extends GraphElement>> batches = scanBatches(type, batchSize);

                // Then every batch but the last is full, none is empty, and together they are the whole scan
                String what = type.getSimpleName() + " in batches of " + batchSize;
                List<GraphElement> joined = new ArrayList<>();
                for (int i = 0; i < batches.size(); i++) {
                    int size = batches.get(i).size();
                    assertTrue(size >= 1 && size <= batchSize, what + ": batch " + i + " holds " + size);
                    if (i < batches.size() - 1) {
                        assertEquals(batchSize, size, what + ": batch " + i);
                    }
                    joined.addAll(batches.get(i));
                }
                assertEquals((expected.size() + batchSize - 1) / batchSize, batches.size(), what);
                assertEquals(expected, joined, what);
            }
        }
    }

    @Test
    void shouldScanManyRelationshipsInKeyOrderAcrossBatches() {
        // Given 300 people, each tied to the next three in kinds that vary, written in reverse order
        List<GraphElement> people = new ArrayList<>();
        List<GraphElement> ties = new ArrayList<>();
        int n = 300;
        for (int i = 0; i < n; i++) {
            String id = "p" + i;
            people.add(i % 2 == 0
                    ? new Employee(id, "Person " + i, "", "", "", List.of(), Set.of(), Set.of(), 1, true, true, null)
                    : new Customer(id, "Person " + i, null, "", "", List.of(), List.of(), i));
            for (int k = 1; k <= 3; k++) {
                ties.add(new Tie(id, "p" + ((i + k * 7) % n), TieKind.values()[(i + k) % TieKind.values().length],
                        (i % 10) / 10.0, i % 3 == 0 ? null : T0.plusSeconds(i)));
            }
        }
        Collections.reverse(people);
        Collections.reverse(ties);
        store.upsert(people);
        store.upsert(ties);

        // When they are scanned in small batches
        List<Tie> scanned = scanAll(Tie.class, 7);

        // Then every tie comes back once, in key order ("p10" before "p2": ids compare as strings)
        assertEquals(expectedScan(ties, Tie.class), scanned);
        assertEquals(expectedScan(people, Employee.class), scanAll(Employee.class, 7));
        assertEquals(expectedScan(people, Customer.class), scanAll(Customer.class, 64));
    }

    @Test
    void shouldOrderKeysByCodePointEvenBeyondUnicodesFirstPlane() {
        // Given ids that UTF-16 units and code points order differently: U+FF61 sorts before U+1F600 by code point,
        // after its surrogate pair by UTF-16 unit
        List<String> ids = List.of("x\uFF61", "x\uD83D\uDE00", "xa", "xZ", "x\u00E9", "x\uD83D\uDE00b");
        List<GraphElement> written = new ArrayList<>();
        for (String id : ids) {
            written.add(new Topic(id, "topic " + id));
            written.add(new Employee(id, "person " + id, "", "", "", List.of(), Set.of(), Set.of(), 1, true, true, null));
            written.add(new Conversation("v" + id, "forum", "", "", "", 0.0, T0, ConversationStatus.OPEN, null, 0, null));
        }
        for (String from : ids) {
            for (String to : ids) {
                if (!from.equals(to)) {
                    written.add(new Tie(from, to, TieKind.KNOWS, 0.5, null));
                }
            }
            written.add(new Assignment("s" + from, from, "v" + from, T0, AssignmentStatus.PROPOSED, null, "", null));
        }
        store.upsert(written);

        // When they are scanned, Then they come in code point order, as Cypher's ORDER BY gives them
        assertEquals(List.of("xZ", "xa", "x\u00E9", "x\uFF61", "x\uD83D\uDE00", "x\uD83D\uDE00b"),
                scanAll(Topic.class, 4).stream().map(Topic::id).collect(Collectors.toList()));
        for (Class<? extends GraphElement> type : List.of(Topic.class, Employee.class, Tie.class, Assignment.class)) {
            assertEquals(expectedScan(written, type), scanAll(type, 4), type.getSimpleName());
        }
    }

    @Test
    void shouldScanTheCurrentVersionOfElementsUpdatedInPlace() {
        // Given the fixture, then an employee changed, a tie changed and an assignment moved to another advocate
        writeFixture();
        Employee changed = new Employee("e1", "Ada L.", "", "platform", "", List.of(), Set.of(), Set.of(), 0, false,
                false, null);
        Tie weaker = new Tie("e1", "e2", TieKind.COLLEAGUE, 0.1, T2);
        Assignment moved = new Assignment("as1", "e3", "v1", T0, AssignmentStatus.ACCEPTED, null, "", null);
        upsert(changed, weaker, moved);

        // When they are scanned, Then the current versions come back, once each
        assertEquals(List.of(changed, BOB, CY), scanAll(Employee.class, 10));
        assertTrue(scanAll(Tie.class, 10).contains(weaker));
        assertEquals(3, scanAll(Tie.class, 10).size());
        List<Assignment> assignments = scanAll(Assignment.class, 10);
        assertEquals(5, assignments.size());
        assertEquals(moved, assignments.get(0));
    }

    @Test
    void shouldScanAnEmptyStoreToNothing() {
        // Given an empty store
        for (Class<? extends GraphElement> type : RECORD_TYPES) {
            // When each record type is scanned, Then the sink is never called
            assertEquals(List.of(), scanBatches(type, 10), type.getSimpleName());
        }
    }

    @Test
    void shouldRejectABatchSizeBelowOneAndTypesThatAreNotRecords() {
        // Given the fixture
        writeFixture();

        // When the batch size is not positive, or the type is not a record type, Then the scan is refused
        assertThrows(IllegalArgumentException.class, () -> store.scan(Employee.class, 0, batch -> { }));
        assertThrows(IllegalArgumentException.class, () -> store.scan(GraphElement.class, 10, batch -> { }));
    }

    // ---- counts, schema, empty calls ----

    @Test
    void shouldCountEveryNodeLabelEvenWhenEmpty() {
        // Given an empty store
        // When it is counted
        Map<String, Long> counts = store.counts();

        // Then every node label is there with zero, and nothing else counts more than zero
        for (String label : List.of("Employee", "Customer", "Account", "Topic", "Conversation", "Program")) {
            assertEquals(0L, counts.get(label), label);
        }
        assertEquals(Set.of(0L), counts.values().stream().collect(Collectors.toSet()));
    }

    @Test
    void shouldCountNodesPerLabelAndRelationshipsPerType() {
        // Given the fixture
        writeFixture();

        // When and Then
        Map<String, Long> counts = store.counts();
        assertEquals(FIXTURE_COUNTS, counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void shouldTolerateEnsureSchemaMoreThanOnce() {
        // Given a store whose schema was already ensured
        store.ensureSchema();

        // When it is ensured again, before and after writing
        store.ensureSchema();
        writeFixture();
        store.ensureSchema();

        // Then the store still works and the data is intact
        assertCounts(FIXTURE_COUNTS);
        assertEquals(Optional.of(ADA), store.employee("e1"));
    }

    @Test
    void shouldAcceptAnEmptyUpsert() {
        // Given an empty store
        // When nothing is written
        UpsertResult result = store.upsert(List.of());

        // Then nothing is reported and nothing exists
        assertEquals(UpsertResult.empty(), result);
        assertEquals(Set.of(0L), store.counts().values().stream().collect(Collectors.toSet()));
    }

    @Test
    void shouldDescribeItself() {
        // Given a store, When it is described, Then there is something to log
        assertFalse(store.describe().isBlank());
    }
}
