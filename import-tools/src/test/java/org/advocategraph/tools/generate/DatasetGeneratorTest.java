package org.advocategraph.tools.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.Topic;
import org.advocategraph.tools.format.ImportFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
    private static final int PEOPLE = 5_000;

    @TempDir
    static Path shared;

    private static GenerationSummary summary;
    private static Map<ImportFile, List<GraphElement>> dataset;

    @BeforeAll
    static void generateOnce() {
        summary = new DatasetGenerator(GeneratorSpec.of(2026, PEOPLE)).writeTo(shared.resolve("5k"));
        dataset = Datasets.read(shared.resolve("5k"));
    }

    @Test
    void shouldWriteIdenticalBytesForTheSameSeed(@TempDir Path dir) throws IOException {
        // Given
        GeneratorSpec spec = new GeneratorSpec(99, 1_000, 0.3, 10);

        // When
        new DatasetGenerator(spec).writeTo(dir.resolve("a"));
        new DatasetGenerator(spec).writeTo(dir.resolve("b"));

        // Then
        for (ImportFile f : ImportFile.values()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f.fileName())),
                    Files.readAllBytes(dir.resolve("b").resolve(f.fileName())), f.fileName());
        }
    }

    @Test
    void shouldWriteDifferentTiesForADifferentSeed(@TempDir Path dir) throws IOException {
        // Given
        var first = new DatasetGenerator(GeneratorSpec.of(1, 1_000));
        var second = new DatasetGenerator(GeneratorSpec.of(2, 1_000));

        // When
        first.writeTo(dir.resolve("a"));
        second.writeTo(dir.resolve("b"));

        // Then
        assertFalse(Files.readString(dir.resolve("a/ties.csv")).equals(Files.readString(dir.resolve("b/ties.csv"))));
    }

    @Test
    void shouldCreateTheDirectoryAndWriteOneFileWithItsHeaderPerImportFile(@TempDir Path dir) throws IOException {
        // Given
        Path nested = dir.resolve("not/yet/there");

        // When
        GenerationSummary written = new DatasetGenerator(GeneratorSpec.of(5, 10)).writeTo(nested);

        // Then
        for (ImportFile f : ImportFile.values()) {
            List<String> lines = Files.readAllLines(nested.resolve(f.fileName()), StandardCharsets.UTF_8);
            assertEquals(String.join(",", f.columns()), lines.get(0), f.fileName());
            assertTrue(written.rowsPerFile().containsKey(f.fileName()), f.fileName());
        }
        assertEquals(10, written.rows("employees.csv") + written.rows("customers.csv"));
        assertEquals(written.rowsPerFile().values().stream().mapToLong(Long::longValue).sum(), written.totalRows());
    }

    @Test
    void shouldWriteFilesThatParseBackAndCountAsSummarised() {
        // Given the shared 5k-person dataset, read back through CsvReader, ImportFile.header and RowParser

        // When
        List<String> files = new ArrayList<>(summary.rowsPerFile().keySet());

        // Then
        List<String> expectedOrder = new ArrayList<>();
        for (ImportFile f : ImportFile.values()) {
            expectedOrder.add(f.fileName());
            assertEquals(summary.rows(f.fileName()), dataset.get(f).size(), f.fileName());
            assertFalse(dataset.get(f).isEmpty(), f.fileName() + " is empty");
        }
        assertEquals(expectedOrder, files);
        assertTrue(summary.elapsed().compareTo(Duration.ZERO) > 0);
    }

    @Test
    void shouldReferToKnownNodesFromEveryRelationshipAndAttribute() {
        // Given
        Set<String> employees = ids(Employee.class);
        Set<String> customers = ids(Customer.class);
        Set<String> people = new HashSet<>(employees);
        people.addAll(customers);
        Set<String> topics = ids(Topic.class);
        Set<String> accounts = ids(Account.class);
        Set<String> conversations = ids(Conversation.class);
        Set<String> programs = ids(Program.class);

        // When
        List<String> dangling = new ArrayList<>();
        for (Employee e : Datasets.of(dataset, Employee.class)) {
            check(dangling, e, employees, e.managerId(), true);
        }
        for (Customer c : Datasets.of(dataset, Customer.class)) {
            check(dangling, c, accounts, c.accountId(), true);
        }
        for (Conversation c : Datasets.of(dataset, Conversation.class)) {
            check(dangling, c, customers, c.authorId(), false);
        }
        for (Expertise x : Datasets.of(dataset, Expertise.class)) {
            check(dangling, x, employees, x.employeeId(), false);
            check(dangling, x, topics, x.topicId(), false);
        }
        for (Interest x : Datasets.of(dataset, Interest.class)) {
            check(dangling, x, customers, x.customerId(), false);
            check(dangling, x, topics, x.topicId(), false);
        }
        for (SubtopicOf x : Datasets.of(dataset, SubtopicOf.class)) {
            check(dangling, x, topics, x.childId(), false);
            check(dangling, x, topics, x.parentId(), false);
        }
        for (Tie x : Datasets.of(dataset, Tie.class)) {
            check(dangling, x, people, x.fromId(), false);
            check(dangling, x, people, x.toId(), false);
        }
        for (Participation x : Datasets.of(dataset, Participation.class)) {
            check(dangling, x, people, x.personId(), false);
            check(dangling, x, conversations, x.conversationId(), false);
        }
        for (About x : Datasets.of(dataset, About.class)) {
            check(dangling, x, conversations, x.conversationId(), false);
            check(dangling, x, topics, x.topicId(), false);
        }
        for (AccountOwnership x : Datasets.of(dataset, AccountOwnership.class)) {
            check(dangling, x, employees, x.employeeId(), false);
            check(dangling, x, accounts, x.accountId(), false);
        }
        for (Membership x : Datasets.of(dataset, Membership.class)) {
            check(dangling, x, employees, x.employeeId(), false);
            check(dangling, x, programs, x.programId(), false);
        }
        for (Assignment x : Datasets.of(dataset, Assignment.class)) {
            check(dangling, x, employees, x.employeeId(), false);
            check(dangling, x, conversations, x.conversationId(), false);
        }

        // Then
        assertEquals(List.of(), dangling.subList(0, Math.min(10, dangling.size())));
        assertEquals(PEOPLE, people.size(), "person ids are unique across employees and customers");
        assertTrue(employees.stream().allMatch(id -> id.matches("e\\d{6}")), "employee ids look like e000123");
        assertTrue(customers.stream().allMatch(id -> id.matches("c\\d{6}")), "customer ids look like c000123");
        assertTrue(topics.contains("kubernetes") && topics.contains("billing"), "topics have readable ids");
    }

    @Test
    void shouldHaveTheRequestedNumberOfTiesWithAHeavyTailAndNoRepeats() {
        // Given
        List<Tie> ties = Datasets.of(dataset, Tie.class);
        double meanDegree = 10;

        // When
        Map<String, Integer> degree = new HashMap<>();
        Set<String> keys = new HashSet<>();
        int repeats = 0;
        for (Tie t : ties) {
            degree.merge(t.fromId(), 1, Integer::sum);
            degree.merge(t.toId(), 1, Integer::sum);
            if (!keys.add(t.fromId() + "|" + t.toId() + "|" + t.kind())) {
                repeats++;
            }
        }
        double mean = 2.0 * ties.size() / PEOPLE;
        int max = Collections.max(degree.values());

        // Then: mean degree counts each tie at both ends, so there are people * meanDegree / 2 ties
        double expected = PEOPLE * meanDegree / 2;
        assertTrue(Math.abs(ties.size() - expected) <= 0.25 * expected, "ties: " + ties.size() + ", expected about " + expected);
        assertTrue(max >= 5 * mean, "max degree " + max + " vs mean " + mean);
        assertEquals(0, repeats, "repeated (from, to, kind)");
        assertTrue(ties.stream().noneMatch(t -> t.fromId().equals(t.toId())));
        assertEquals(4, ties.stream().map(Tie::kind).distinct().count(), "every tie kind occurs");
    }

    @Test
    void shouldMakeTopicPopularitySkewed() {
        // Given
        List<Interest> interests = Datasets.of(dataset, Interest.class);
        List<Topic> topics = Datasets.of(dataset, Topic.class);

        // When
        Map<String, Integer> count = new HashMap<>();
        for (Interest i : interests) {
            count.merge(i.topicId(), 1, Integer::sum);
        }
        List<Integer> perTopic = new ArrayList<>();
        for (Topic t : topics) {
            perTopic.add(count.getOrDefault(t.id(), 0));
        }
        Collections.sort(perTopic);
        int median = perTopic.get(perTopic.size() / 2);
        int top = perTopic.get(perTopic.size() - 1);

        // Then
        assertTrue(top >= 5 * median, "most popular topic " + top + " vs median " + median);
        assertTrue(Datasets.of(dataset, SubtopicOf.class).size() == topics.size() - 12, "a dozen roots, the rest children");
    }

    @Test
    void shouldSpreadSentimentWithANegativeTailAndImproveItByResponding() {
        // Given
        List<Conversation> conversations = Datasets.of(dataset, Conversation.class);
        Map<String, Double> sentiment = new HashMap<>();
        conversations.forEach(c -> sentiment.put(c.id(), c.sentiment()));

        // When
        long negative = conversations.stream().filter(c -> c.sentiment() < 0).count();
        long veryNegative = conversations.stream().filter(c -> c.sentiment() < -0.5).count();
        List<Assignment> measured = Datasets.of(dataset, Assignment.class).stream().filter(a -> a.sentimentAfter() != null).toList();
        long improved = measured.stream().filter(a -> a.sentimentAfter() > sentiment.get(a.conversationId())).count();

        // Then
        assertTrue(conversations.stream().allMatch(c -> c.sentiment() >= -1 && c.sentiment() <= 1));
        assertTrue(negative > conversations.size() / 10, "some negative: " + negative);
        assertTrue(negative < conversations.size() / 2, "mostly not negative: " + negative);
        assertTrue(veryNegative > 0, "a negative tail");
        assertTrue(improved > 0.75 * measured.size(), "sentiment after a response is usually higher: " + improved + "/" + measured.size());
        assertTrue(conversations.stream().allMatch(c -> !c.createdAt().isAfter(DatasetGenerator.REFERENCE)
                && c.createdAt().isAfter(DatasetGenerator.REFERENCE.minus(Duration.ofDays(90)))), "within 90 days before the reference");
    }

    @Test
    void shouldNeverGiveAnEmployeeMoreOpenAssignmentsThanCapacity() {
        // Given
        Map<String, Employee> employees = new HashMap<>();
        Datasets.of(dataset, Employee.class).forEach(e -> employees.put(e.id(), e));

        // When
        Map<String, Integer> open = new HashMap<>();
        List<Assignment> assignments = Datasets.of(dataset, Assignment.class);
        for (Assignment a : assignments) {
            if (a.status().open()) {
                open.merge(a.employeeId(), 1, Integer::sum);
            }
        }

        // Then
        assertFalse(open.isEmpty(), "some assignments are open");
        open.forEach((id, n) -> assertTrue(n <= employees.get(id).capacity(), id + " has " + n + " open assignments"));
        open.keySet().forEach(id -> assertTrue(employees.get(id).eligible(), id + " is not eligible but has open assignments"));
        assertTrue(assignments.stream().allMatch(a -> a.respondedAt() == null || a.respondedAt().isAfter(a.assignedAt())));
    }

    @Test
    void shouldKeepAssignmentsBetweenTheirConversationAndTheReference() {
        // Given
        Map<String, Conversation> conversations = new HashMap<>();
        Datasets.of(dataset, Conversation.class).forEach(c -> conversations.put(c.id(), c));

        // When
        List<Assignment> assignments = Datasets.of(dataset, Assignment.class);

        // Then
        for (Assignment a : assignments) {
            Conversation c = conversations.get(a.conversationId());
            assertFalse(a.assignedAt().isBefore(c.createdAt()), a.id() + " assigned before its conversation");
            assertTrue(a.respondedAt() == null || a.respondedAt().isBefore(DatasetGenerator.REFERENCE), a.id());
            if (a.status() == AssignmentStatus.RESOLVED) {
                assertEquals(ConversationStatus.RESOLVED, c.status(), a.id() + " resolved an unresolved conversation");
                assertNotNull(a.sentimentAfter(), a.id());
            }
        }
        assertTrue(assignments.stream().anyMatch(a -> a.status() == AssignmentStatus.PROPOSED));
        assertTrue(assignments.stream().anyMatch(a -> a.status() == AssignmentStatus.ACCEPTED));
    }

    @Test
    void shouldFormOneReportingTreePerDepartment() {
        // Given
        Map<String, Employee> employees = new HashMap<>();
        Datasets.of(dataset, Employee.class).forEach(e -> employees.put(e.id(), e));

        // When: every chain of managers stays in the department and ends at a head
        for (Employee e : employees.values()) {
            Employee top = e;
            for (int steps = 0; top.managerId() != null; steps++) {
                Employee manager = employees.get(top.managerId());
                assertNotNull(manager, top.managerId());
                assertEquals(top.department(), manager.department(), "reports within the department");
                assertTrue(steps < employees.size(), "no cycle");
                top = manager;
            }
        }

        // Then
        Map<String, Integer> headCount = new HashMap<>();
        employees.values().stream().filter(e -> e.managerId() == null).forEach(e -> headCount.merge(e.department(), 1, Integer::sum));
        assertTrue(headCount.values().stream().allMatch(n -> n == 1), "one head per department: " + headCount);
        assertEquals(8, headCount.size(), "eight departments");
    }

    private static Set<String> ids(Class<? extends GraphNode> type) {
        Set<String> ids = new HashSet<>();
        for (GraphElement e : dataset.get(ImportFile.of(type))) {
            String id = ((GraphNode) e).id();
            assertTrue(ids.add(id), "repeated id " + id);
        }
        return ids;
    }

    private static void check(List<String> dangling, GraphElement element, Set<String> known, String id, boolean optional) {
        if (id == null ? !optional : !known.contains(id)) {
            dangling.add(element + " refers to unknown " + id);
        }
    }
}
