package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.store.EngagementStats;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.format.ImportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackExchangeGraphTest {
    private static final Path DATA = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("stackexchange");

    @TempDir
    Path tmp;

    /** The dump's activities in time order, questions before answers before comments at the same instant. */
    private static List<Activity> timeline(StackExchangeDump dump) {
        List<Activity> all = new ArrayList<>();
        all.addAll(dump.questions());
        all.addAll(dump.answers());
        all.addAll(dump.comments());
        all.sort(Comparator.comparing(Activity::created).thenComparing(a -> a.getClass().getSimpleName()).thenComparingLong(Activity::id));
        return all;
    }

    private static String key(GraphElement e) {
        return ImportFile.of(e.getClass()).fileName() + '\u0000' + ImportFolderWriter.key(e);
    }

    /** Applies changes the way a store follows them: upsert by key; a retyped person's customer side goes. */
    private static void apply(Map<String, GraphElement> store, StackExchangeGraph.Changes changes) {
        for (long user : changes.retyped()) {
            String id = StackExchangeGraph.PERSON + user;
            store.values().removeIf(e -> e instanceof Customer c && c.id().equals(id)
                    || e instanceof Interest i && i.customerId().equals(id));
        }
        for (GraphElement e : changes.elements()) {
            store.put(key(e), e);
        }
    }

    @Test
    void shouldFollowTheGraphByIncrementsExactlyAsARebuildAtEveryStep() {
        StackExchangeDump dump = StackExchangeDump.read(DATA.resolve("beer"), null);
        List<Activity> timeline = timeline(dump);
        StackExchangeGraph live = new StackExchangeGraph(dump, true);
        Map<String, GraphElement> followed = new HashMap<>();
        int retyped = 0;
        int from = 0;
        for (int step = 1; step <= 12; step++) {
            int to = timeline.size() * step / 12;
            live.addAll(timeline.subList(from, to));
            StackExchangeGraph.Changes changes = live.changes();
            retyped += changes.retyped().size();
            apply(followed, changes);
            from = to;

            // A fresh graph of the same history, fed backwards: answers come before their questions and wait.
            List<Activity> backwards = new ArrayList<>(timeline.subList(0, to));
            Collections.reverse(backwards);
            StackExchangeGraph rebuilt = new StackExchangeGraph(dump, true);
            rebuilt.addAll(backwards);
            assertEquals(Set.copyOf(rebuilt.elements()), new HashSet<>(followed.values()), "after " + to + " activities");
            assertEquals(0, rebuilt.unattachedAnswers().size());
        }
        assertTrue(retyped > 0, "some askers answer later, so become employees");
        assertTrue(live.changes().elements().isEmpty(), "nothing changed since the last call");
    }

    @Test
    void shouldWaitForTheQuestionOfAnEarlyAnswerAndReportOneThatNeverComes() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dir.resolve("Posts.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" AcceptedAnswerId="2" CreationDate="2020-01-02T10:00:00.000" OwnerUserId="1" Title="Q" Tags="&lt;a&gt;" />
                  <row Id="2" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" OwnerUserId="2" />
                  <row Id="3" PostTypeId="2" ParentId="9" CreationDate="2020-01-01T11:00:00.000" OwnerUserId="3" />
                </posts>
                """);
        Files.writeString(dir.resolve("Comments.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <comments>
                  <row Id="1" PostId="2" CreationDate="2020-01-01T10:00:00.000" UserId="4" />
                  <row Id="2" PostId="3" CreationDate="2020-01-01T12:00:00.000" UserId="4" />
                </comments>
                """);
        StackExchangeDump dump = StackExchangeDump.read(dir, null);
        StackExchangeGraph graph = new StackExchangeGraph(dump, true);

        graph.addAll(dump.comments());
        graph.addAll(dump.answers());
        assertTrue(graph.changes().elements().isEmpty(), "nothing can be placed before the question");
        graph.addAll(dump.questions());

        List<GraphElement> changes = graph.changes().elements();
        assertTrue(changes.contains(new org.advocategraph.model.Participation("u4", "q1")), changes.toString());
        assertTrue(graph.isEmployee(2) && graph.isCustomer(1) && graph.isCustomer(4));
        assertFalse(graph.isEmployee(3) || graph.isCustomer(3), "answer 3's question never came");
        assertEquals(List.of(3L), graph.unattachedAnswers().stream().map(StackExchangeDump.Answer::id).toList());
        assertEquals(List.of(2L), graph.unattachedComments().stream().map(StackExchangeDump.Comment::id).toList());
    }

    @Test
    void shouldReportACustomerWhoAnswersAsRetyped() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dir.resolve("Posts.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" OwnerUserId="1" Title="Q" Tags="&lt;a&gt;" />
                  <row Id="2" PostTypeId="1" CreationDate="2020-01-02T10:00:00.000" OwnerUserId="2" Title="R" Tags="&lt;b&gt;" />
                  <row Id="3" PostTypeId="2" ParentId="2" CreationDate="2020-01-03T11:00:00.000" OwnerUserId="1" />
                </posts>
                """);
        StackExchangeDump dump = StackExchangeDump.read(dir, null);
        StackExchangeGraph graph = new StackExchangeGraph(dump, true);
        graph.addAll(dump.questions());
        assertTrue(graph.changes().elements().contains(new Interest("u1", "a", 0.5)));

        graph.addAll(dump.answers());
        StackExchangeGraph.Changes changes = graph.changes();

        assertEquals(Set.of(1L), changes.retyped());
        assertTrue(changes.elements().stream().anyMatch(e -> e instanceof Employee x && x.id().equals("u1")), changes.toString());
        assertFalse(graph.elements().stream().anyMatch(e -> e instanceof Interest i && i.customerId().equals("u1")),
                "an employee keeps no interests");

        StackExchangeGraph once = new StackExchangeGraph(dump, true);
        once.addAll(dump.questions());
        once.addAll(dump.answers());
        assertEquals(Set.of(), once.changes().retyped(), "u1 was never handed out as a customer");
    }

    @Test
    void shouldMapEveryAnswerToAResolvedAssignmentThatTakesNoCapacity() throws IOException {
        // Given u2 answered six questions (more than the capacity of 5), one answer accepted, one written before
        // its question's recorded creation
        StringBuilder posts = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n");
        for (int i = 1; i <= 6; i++) {
            posts.append("  <row Id=\"").append(i).append("\" PostTypeId=\"1\"").append(i == 1 ? " AcceptedAnswerId=\"11\"" : "")
                    .append(" CreationDate=\"2020-01-0").append(i).append("T10:00:00.000\" OwnerUserId=\"1\" Title=\"q\" Tags=\"&lt;a&gt;\" />\n");
            posts.append("  <row Id=\"").append(10 + i).append("\" PostTypeId=\"2\" ParentId=\"").append(i)
                    .append("\" CreationDate=\"2020-01-0").append(i).append(i == 6 ? "T09" : "T11")
                    .append(":00:00.000\" OwnerUserId=\"2\" />\n");
        }
        Path dir = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dir.resolve("Posts.xml"), posts.append("</posts>\n").toString());
        StackExchangeDump dump = StackExchangeDump.read(dir, null);
        StackExchangeGraph graph = new StackExchangeGraph(dump, true);

        // When the graph is made
        graph.addAll(timeline(dump));
        List<Assignment> assignments = graph.elements().stream().filter(Assignment.class::isInstance)
                .map(Assignment.class::cast).toList();

        // Then each answer is finished work at its own time: resolved, the accepted one positive, the others
        // without a sentiment; none takes capacity
        assertEquals(6, assignments.size());
        Instant answered = Instant.parse("2020-01-01T11:00:00Z");
        assertEquals(new Assignment("a11", "u2", "q1", answered, AssignmentStatus.RESOLVED, answered, "accepted",
                StackExchangeGraph.ACCEPTED_SENTIMENT, null, answered), assignments.get(0));
        Instant early = Instant.parse("2020-01-06T10:00:00Z");
        assertEquals(new Assignment("a16", "u2", "q6", early, AssignmentStatus.RESOLVED, early, "answered", null, null,
                early), assignments.get(5), "not before its question");
        try (TinkerPopGraphStore store = TinkerPopGraphStore.inMemory()) {
            store.upsert(graph.elements());
            assertEquals(Map.of(), store.openAssignments(List.of("u2")));
            EngagementStats u2 = store.engagementOf(List.of("u2")).get("u2");
            assertEquals(6, u2.count(AssignmentStatus.RESOLVED));
            assertEquals(1, u2.resolvedPositive());
            assertEquals(early, u2.lastAskedAt());
        }
    }
}
