package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.advocategraph.model.ConversationStatus;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackExchangeConverterTest {
    private static final Path DATA = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("stackexchange");

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ independent reading of a dump

    /** What the test reads from Posts.xml itself, line by line with a regular expression, not with the converter. */
    private static final class Facts {
        final Map<Long, Map<String, String>> questions = new HashMap<>();
        final Map<Long, Map<String, String>> answers = new HashMap<>();

        static Facts of(Path postsGz) throws IOException {
            Pattern row = Pattern.compile("<row (.*)/>");
            Pattern attribute = Pattern.compile("(\\w+)=\"([^\"]*)\"");
            Facts f = new Facts();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(postsGz)), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    Matcher m = row.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    Map<String, String> a = new HashMap<>();
                    Matcher am = attribute.matcher(m.group(1));
                    while (am.find()) {
                        a.put(am.group(1), am.group(2));
                    }
                    long id = Long.parseLong(a.get("Id"));
                    if (a.get("PostTypeId").equals("1")) {
                        f.questions.put(id, a);
                    } else if (a.get("PostTypeId").equals("2")) {
                        f.answers.put(id, a);
                    }
                }
            }
            return f;
        }

        static Instant created(Map<String, String> post) {
            return LocalDateTime.parse(post.get("CreationDate")).toInstant(ZoneOffset.UTC);
        }

        Set<String> answerers(Instant until) {
            return answers.values().stream().filter(a -> a.containsKey("OwnerUserId") && before(a, until))
                    .map(a -> a.get("OwnerUserId")).collect(Collectors.toSet());
        }

        Set<String> askers() {
            return questions.values().stream().filter(q -> q.containsKey("OwnerUserId"))
                    .map(q -> q.get("OwnerUserId")).collect(Collectors.toSet());
        }

        Set<String> tags() {
            Set<String> tags = new HashSet<>();
            for (var q : questions.values()) {
                String t = q.getOrDefault("Tags", "").replace("&lt;", "<").replace("&gt;", ">");
                for (String s : t.split("[<>]")) {
                    if (!s.isEmpty()) {
                        tags.add(s.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return tags;
        }

        long withoutOwner() {
            return questions.values().stream().filter(q -> !q.containsKey("OwnerUserId")).count()
                    + answers.values().stream().filter(a -> !a.containsKey("OwnerUserId")).count();
        }

        private static boolean before(Map<String, String> post, Instant until) {
            return until == null || created(post).isBefore(until);
        }
    }

    // ------------------------------------------------------------------ real dumps

    @Test
    void shouldConvertMatheducatorsIntoFilesTheImporterAccepts() throws IOException {
        Path dump = DATA.resolve("matheducators");
        Facts facts = Facts.of(dump.resolve("Posts.xml.gz"));
        Path out = tmp.resolve("out");

        ConversionSummary summary = new StackExchangeConverter(null).convert(dump, out);

        assertEquals(397, facts.questions.size(), "the data README's figure");
        assertEquals(302, facts.answerers(null).size(), "the data README's figure");
        assertEquals(397L, summary.rowsPerFile().get("conversations.csv"));
        assertEquals(302L, summary.rowsPerFile().get("employees.csv"));
        Set<String> customers = new HashSet<>(facts.askers());
        customers.removeAll(facts.answerers(null));
        assertEquals((long) customers.size(), summary.rowsPerFile().get("customers.csv"));
        assertEquals((long) facts.tags().size(), summary.rowsPerFile().get("topics.csv"));
        long ownedAnswers = facts.answers.values().stream().filter(a -> a.containsKey("OwnerUserId")).count();
        assertEquals(ownedAnswers, summary.rowsPerFile().get("assignments.csv"));
        assertEquals(facts.withoutOwner(), summary.skippedInputRecords());

        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            Map<String, Long> counts = store.counts();
            assertEquals(302L, counts.get("Employee"));
            assertEquals((long) customers.size(), counts.get("Customer"));
            assertEquals(397L, counts.get("Conversation"));
            assertEquals(ownedAnswers, counts.get("ASSIGNED_TO"));
            assertEquals(summary.rowsPerFile().get("ties.csv"), counts.get("CONNECTED_TO"));

            // Every accepted answer with an owner is a resolved assignment of its answerer.
            Map<String, Map<String, String>> assignments = new HashMap<>();
            for (var row : Imports.rows(out.resolve("assignments.csv"))) {
                assignments.put(row.get("id"), row);
            }
            int accepted = 0;
            for (var q : facts.questions.entrySet()) {
                String acceptedId = q.getValue().get("AcceptedAnswerId");
                if (acceptedId == null) {
                    assertEquals(ConversationStatus.OPEN, store.conversation("q" + q.getKey()).orElseThrow().status());
                    continue;
                }
                assertEquals(ConversationStatus.RESOLVED, store.conversation("q" + q.getKey()).orElseThrow().status());
                Map<String, String> answer = facts.answers.get(Long.parseLong(acceptedId));
                if (answer == null || !answer.containsKey("OwnerUserId")) {
                    continue;
                }
                Map<String, String> row = assignments.get("a" + acceptedId);
                assertNotNull(row, "assignment of accepted answer " + acceptedId);
                assertEquals("resolved", row.get("status"));
                assertEquals("accepted", row.get("outcome"));
                assertEquals(StackExchangeGraph.ACCEPTED_SENTIMENT, Double.parseDouble(row.get("sentimentAfter")));
                assertEquals("u" + answer.get("OwnerUserId"), row.get("employeeId"));
                assertEquals(1, store.employees(List.of(row.get("employeeId"))).size());
                accepted++;
            }
            assertTrue(accepted > 100, "accepted answers checked: " + accepted);
            // Every answer is finished work: resolved; only the accepted ones carry a (positive) sentiment.
            assertTrue(assignments.values().stream().allMatch(r -> r.get("status").equals("resolved")));
            long positive = assignments.values().stream().filter(r -> !r.get("sentimentAfter").isEmpty()).count();
            assertEquals(accepted, positive);
            assertEquals(Map.of(), store.openAssignments(
                    assignments.values().stream().map(r -> r.get("employeeId")).distinct().toList()), "none takes capacity");
        }
    }

    @Test
    void shouldConvertBeerIntoFilesTheImporterAccepts() throws IOException {
        Path dump = DATA.resolve("beer");
        Facts facts = Facts.of(dump.resolve("Posts.xml.gz"));
        Path out = tmp.resolve("out");

        ConversionSummary summary = new StackExchangeConverter(null).convert(dump, out);

        assertEquals(663L, summary.rowsPerFile().get("conversations.csv"));
        assertEquals(560L, summary.rowsPerFile().get("employees.csv"));
        assertEquals((long) facts.questions.size(), summary.rowsPerFile().get("conversations.csv"));
        assertEquals((long) facts.answerers(null).size(), summary.rowsPerFile().get("employees.csv"));
        assertEquals(facts.withoutOwner(), summary.skippedInputRecords());
        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            assertEquals(663L, store.counts().get("Conversation"));
            assertEquals(560L, store.counts().get("Employee"));
        }
    }

    @Test
    void shouldLeaveOutEverythingCreatedAtOrAfterTheCut() throws IOException {
        Path dump = DATA.resolve("matheducators");
        Facts facts = Facts.of(dump.resolve("Posts.xml.gz"));
        // The split point of the evaluation protocol: questions by (CreationDate, Id), the first 80% before it.
        List<Map<String, String>> ordered = new ArrayList<>(facts.questions.values());
        ordered.sort(Comparator.comparing(Facts::created).thenComparing(q -> Long.parseLong(q.get("Id"))));
        Instant until = Facts.created(ordered.get(ordered.size() * 8 / 10));
        long before = ordered.stream().filter(q -> Facts.created(q).isBefore(until)).count();
        Path out = tmp.resolve("out");

        ConversionSummary summary = new StackExchangeConverter(until).convert(dump, out);

        assertTrue(before < 397 && before > 300, "questions before the cut: " + before);
        assertEquals(before, summary.rowsPerFile().get("conversations.csv"));
        for (var row : Imports.rows(out.resolve("conversations.csv"))) {
            assertTrue(Instant.parse(row.get("createdAt")).isBefore(until), row.toString());
        }
        for (var row : Imports.rows(out.resolve("assignments.csv"))) {
            assertTrue(Instant.parse(row.get("respondedAt")).isBefore(until), row.toString());
        }
        for (var row : Imports.rows(out.resolve("ties.csv"))) {
            assertTrue(Instant.parse(row.get("since")).isBefore(until), row.toString());
        }
        assertEquals((long) facts.answerers(until).size(), summary.rowsPerFile().get("employees.csv"));
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("at or after " + until)), summary.warnings().toString());
        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            assertEquals(before, store.counts().get("Conversation"));
        }
    }

    // ------------------------------------------------------------------ tiny hand-made dumps

    private static final String POSTS = """
            <?xml version="1.0" encoding="utf-8"?>
            <posts>
              <row Id="1" PostTypeId="1" AcceptedAnswerId="2" CreationDate="2020-01-01T10:00:00.000" Score="3" OwnerUserId="1" Title="How, &quot;exactly&quot;?" Tags="&lt;Alpha&gt;&lt;beta&gt;" />
              <row Id="2" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" Score="3" OwnerUserId="2" Body="&lt;p&gt;x&lt;/p&gt;" />
              <row Id="3" PostTypeId="2" ParentId="1" CreationDate="2020-01-02T11:00:00.000" Score="-1" OwnerUserId="3" />
              <row Id="4" PostTypeId="1" CreationDate="2020-01-03T10:00:00.000" OwnerUserId="1" Title="Again" Tags="|beta|" />
              <row Id="5" PostTypeId="2" ParentId="4" CreationDate="2020-01-03T12:00:00.000" Score="0" OwnerUserId="2" />
              <row Id="6" PostTypeId="2" ParentId="4" CreationDate="2020-01-03T13:00:00.000" Score="0" OwnerUserId="1" />
              <row Id="7" PostTypeId="5" CreationDate="2020-01-03T13:00:00.000" OwnerUserId="1" />
            </posts>
            """;

    private Path dump(String name, String posts) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("Posts.xml"), posts);
        return dir;
    }

    @Test
    void shouldReadUsersCommentsAndTagsWhenPresent() throws IOException {
        Path dir = dump("site", POSTS);
        Files.writeString(dir.resolve("Users.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <users>
                  <row Id="1" Reputation="120" CreationDate="2019-01-01T00:00:00.000" DisplayName="Ana, the asker" />
                  <row Id="2" Reputation="5000" CreationDate="2019-01-01T00:00:00.000" DisplayName="Bo" />
                  <row Id="4" Reputation="7" CreationDate="2019-01-01T00:00:00.000" DisplayName="Cy" />
                  <row Id="9" Reputation="1" CreationDate="2019-01-01T00:00:00.000" DisplayName="Never seen" />
                </users>
                """);
        Files.writeString(dir.resolve("Comments.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <comments>
                  <row Id="1" PostId="2" Score="0" Text="nice" CreationDate="2020-01-01T12:00:00.000" UserId="4" />
                  <row Id="2" PostId="2" Score="0" Text="again" CreationDate="2020-01-01T12:30:00.000" UserId="4" />
                  <row Id="3" PostId="1" Score="0" Text="thanks" CreationDate="2020-01-01T13:00:00.000" UserId="1" />
                  <row Id="4" PostId="1" Score="0" Text="gone" CreationDate="2020-01-01T13:00:00.000" UserDisplayName="x" />
                  <row Id="5" PostId="99" Score="0" Text="on a deleted post" CreationDate="2020-01-01T13:00:00.000" UserId="4" />
                </comments>
                """);
        Files.writeString(dir.resolve("Tags.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <tags>
                  <row Id="1" TagName="alpha" Count="1" />
                  <row Id="2" TagName="unused" Count="0" />
                </tags>
                """);
        Files.writeString(dir.resolve("PostLinks.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <postlinks>
                  <row Id="1" CreationDate="2020-01-04T00:00:00.000" PostId="4" RelatedPostId="1" LinkTypeId="3" />
                </postlinks>
                """);
        Path out = tmp.resolve("out");

        ConversionSummary summary = new StackExchangeConverter(null).convert(dir, out);

        assertEquals(2, summary.skippedInputRecords(), "the comment without a user and the one on a missing post");
        assertEquals(List.of("u1,Ana, the asker", "u2,Bo", "u3,user 3", "u4,Cy"), people(out));
        assertEquals(List.of("alpha", "beta", "unused"), column(out.resolve("topics.csv"), "id"));
        var employees = Imports.rows(out.resolve("employees.csv"));
        assertEquals(List.of("u1", "u2", "u3"), employees.stream().map(r -> r.get("id")).toList(),
                "u1 answered question 4, so is an advocate");
        assertEquals("en", employees.get(0).get("languages"));
        assertEquals("care;product", employees.get(0).get("purposes"));
        var customers = Imports.rows(out.resolve("customers.csv"));
        assertEquals("7", customers.get(0).get("followers"));
        var conversations = Imports.rows(out.resolve("conversations.csv"));
        assertEquals("How, \"exactly\"?", conversations.get(0).get("text"));
        assertEquals("2020-01-01T10:00:00Z", conversations.get(0).get("createdAt"));
        assertEquals("resolved", conversations.get(0).get("status"));
        assertEquals("120", conversations.get(0).get("authorReach"));
        assertEquals("u1", conversations.get(0).get("authorId"));
        assertEquals("", conversations.get(0).get("url"));
        assertEquals("open", conversations.get(1).get("status"));
        assertEquals(List.of("q1,alpha,0.5", "q1,beta,0.5", "q4,beta,1"), lines(out.resolve("about.csv"), "conversationId", "topicId", "weight"));
        assertEquals(List.of(), Imports.rows(out.resolve("interests.csv")), "the only asker also answers");
        assertEquals(List.of("u2,q1", "u3,q1", "u4,q1", "u1,q1", "u1,q4", "u2,q4").stream().sorted().toList(),
                lines(out.resolve("participations.csv"), "personId", "conversationId").stream().sorted().toList());
        // Bo answered Ana twice; Cy commented twice on Bo's answer; Ana's own comment and answer make no tie.
        assertEquals(List.of("u2,u1,interacted,0.666667,2020-01-01T11:00:00Z", "u3,u1,interacted,0.5,2020-01-02T11:00:00Z",
                        "u4,u2,interacted,0.666667,2020-01-01T12:00:00Z"),
                lines(out.resolve("ties.csv"), "fromId", "toId", "kind", "strength", "since"));
        var assignments = lines(out.resolve("assignments.csv"), "id", "employeeId", "conversationId", "status", "outcome");
        assertEquals(List.of("a2,u2,q1,resolved,accepted", "a3,u3,q1,resolved,answered", "a5,u2,q4,resolved,answered",
                "a6,u1,q4,resolved,answered"), assignments);
        // Expertise of Bo in alpha: one accepted answer with score 3: E = 1 + 2 + ln 4, level E / (E + 3).
        double e = 3 + Math.log(4);
        assertTrue(lines(out.resolve("expertise.csv"), "employeeId", "topicId", "level", "source")
                .contains("u2,alpha," + Evidence.round(e / (e + 3)) + ",answers"));
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("PostLinks.xml")), summary.warnings().toString());
        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            assertEquals(3L, store.counts().get("Employee"));
            assertEquals(1L, store.counts().get("Customer"));
        }
    }

    @Test
    void shouldKeepAPostWithoutOwnerButSkipItsPersonLinks() throws IOException {
        Path dir = dump("site", """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" AcceptedAnswerId="3" CreationDate="2020-01-01T10:00:00.000" OwnerDisplayName="gone" Title="Q" Tags="&lt;a&gt;" />
                  <row Id="2" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T11:00:00.000" OwnerUserId="2" />
                  <row Id="3" PostTypeId="2" ParentId="1" CreationDate="2020-01-01T12:00:00.000" OwnerDisplayName="also gone" />
                  <row Id="4" PostTypeId="2" ParentId="8" CreationDate="2020-01-01T12:00:00.000" OwnerUserId="2" />
                </posts>
                """);
        Path out = tmp.resolve("out");

        ConversionSummary summary = new StackExchangeConverter(null).convert(dir, out);

        assertEquals(3, summary.skippedInputRecords(), "two posts without owner, one answer to a missing question");
        var conversations = Imports.rows(out.resolve("conversations.csv"));
        assertEquals("", conversations.get(0).get("authorId"));
        assertEquals("resolved", conversations.get(0).get("status"));
        assertEquals(List.of("a2,resolved"), lines(out.resolve("assignments.csv"), "id", "status"));
        assertEquals(List.of(), Imports.rows(out.resolve("ties.csv")));
        assertEquals(List.of(), Imports.rows(out.resolve("customers.csv")));
        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            assertEquals(1L, store.counts().get("Employee"));
        }
    }

    @Test
    void shouldNotCountAnAnswerAfterTheCutAsAccepted() throws IOException {
        Path dir = dump("site", POSTS);
        Path out = tmp.resolve("out");

        new StackExchangeConverter(Instant.parse("2020-01-01T10:30:00Z")).convert(dir, out);

        assertEquals(List.of("q1,open"), lines(out.resolve("conversations.csv"), "id", "status"));
        assertEquals(List.of(), Imports.rows(out.resolve("assignments.csv")));
        assertEquals(List.of("u1,alpha,0.5", "u1,beta,0.5"), lines(out.resolve("interests.csv"), "customerId", "topicId", "weight"));
        try (TinkerPopGraphStore store = Imports.validateAndLoad(out)) {
            assertEquals(1L, store.counts().get("Customer"));
        }
    }

    @Test
    void shouldLeaveReputationOutWithACutSinceItCountsVotesUpToTheDumpDate() throws IOException {
        Path dir = dump("site", POSTS);
        Files.writeString(dir.resolve("Users.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <users>
                  <row Id="1" Reputation="120" CreationDate="2019-01-01T00:00:00.000" DisplayName="Ana" />
                </users>
                """);
        Path out = tmp.resolve("out");

        new StackExchangeConverter(Instant.parse("2020-01-01T10:30:00Z")).convert(dir, out);

        assertEquals(List.of("u1,Ana,0"), lines(out.resolve("customers.csv"), "id", "name", "followers"));
        assertEquals(List.of("q1,0"), lines(out.resolve("conversations.csv"), "id", "authorReach"));
    }

    @Test
    void shouldNotStopAtTheJdkBoundOnEntityReferencesThatFullDumpsExceed() throws IOException {
        // A full dump holds far more than the JDK's default 50,000,000 characters of &lt; and &gt;; a bound of 10
        // set the same (system-wide) way stands in for it here, and is restored at once.
        Path dir = dump("site", POSTS);
        String before = System.getProperty(DumpXml.TOTAL_ENTITY_SIZE_LIMIT);
        System.setProperty(DumpXml.TOTAL_ENTITY_SIZE_LIMIT, "10");
        ConversionSummary summary;
        try {
            summary = new StackExchangeConverter(null).convert(dir, tmp.resolve("out"));
        } finally {
            if (before == null) {
                System.clearProperty(DumpXml.TOTAL_ENTITY_SIZE_LIMIT);
            } else {
                System.setProperty(DumpXml.TOTAL_ENTITY_SIZE_LIMIT, before);
            }
        }

        assertEquals(2L, summary.rowsPerFile().get("conversations.csv"));
    }

    @Test
    void shouldGiveTheUrlWhenTheFolderIsNamedAfterTheSite() throws IOException {
        Path dir = dump("cooking.stackexchange.com", POSTS);
        Path out = tmp.resolve("out");

        new StackExchangeConverter(null).convert(dir, out);

        assertEquals("https://cooking.stackexchange.com/q/1", Imports.rows(out.resolve("conversations.csv")).get(0).get("url"));
    }

    @Test
    void shouldNameTheFileWhenTheGzipIsTruncated() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("beer"));
        byte[] all = Files.readAllBytes(DATA.resolve("beer").resolve("Posts.xml.gz"));
        Files.write(dir.resolve("Posts.xml.gz"), Arrays.copyOf(all, all.length / 2));

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith(dir.resolve("Posts.xml.gz") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.line() > 100, "the line where the data stops: " + e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out").resolve("conversations.csv")), "nothing half-written");
    }

    @Test
    void shouldNameTheFileWhenASmallGzipIsTruncated() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("site"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(POSTS.getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Files.write(dir.resolve("Posts.xml.gz"), Arrays.copyOf(all, all.length / 2));

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("Posts.xml.gz"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void shouldNameTheLineOfMalformedXml() throws IOException {
        Path dir = dump("site", """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="a" />
                  <row Id="2" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="b />
                  <row Id="3" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="c" />
                </posts>
                """);

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("Posts.xml:"), e.getMessage());
        assertTrue(e.line() == 4 || e.line() == 5, e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void shouldRejectTextThatIsNotXmlOrNotUtf8() throws IOException {
        Path dir = dump("site", "Id,PostTypeId\n1,1\n");
        FormatException notXml = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));
        assertTrue(notXml.getMessage().startsWith(dir.resolve("Posts.xml") + ":"), notXml.getMessage());

        byte[] latin1 = POSTS.replace("Again", "Caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("Posts.xml"), latin1);
        FormatException notUtf8 = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));
        assertTrue(notUtf8.getMessage().contains("not valid UTF-8"), notUtf8.getMessage());
        assertEquals(dir.resolve("Posts.xml").toString(), notUtf8.file());
        assertEquals(6, notUtf8.line(), "the line of the bad byte");
    }

    @Test
    void shouldRefuseADoctypeSoNoEntityIsEverExpanded() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "top secret");
        Path dir = dump("site", """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE posts [ <!ENTITY x SYSTEM "%s"> ]>
                <posts>
                  <row Id="1" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="&x;" />
                </posts>
                """.formatted(secret.toUri()));

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("Posts.xml"), e.getMessage());
    }

    @Test
    void shouldNameTheAttributeOfABadRow() throws IOException {
        Path dir = dump("site", """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" CreationDate="yesterday" Title="a" />
                </posts>
                """);

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertEquals(3, e.line());
        assertEquals("CreationDate", e.column());
    }

    @Test
    void shouldRequirePostsXml() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));

        FormatException e = assertThrows(FormatException.class,
                () -> new StackExchangeConverter(null).convert(dir, tmp.resolve("out")));

        assertTrue(e.getMessage().contains("Posts.xml"), e.getMessage());
    }

    // ------------------------------------------------------------------ helpers

    private static List<String> people(Path out) {
        List<String> all = new ArrayList<>();
        for (String f : List.of("employees.csv", "customers.csv")) {
            for (var r : Imports.rows(out.resolve(f))) {
                all.add(r.get("id") + "," + r.get("name"));
            }
        }
        all.sort(Comparator.naturalOrder());
        return all;
    }

    private static List<String> column(Path file, String column) {
        return Imports.rows(file).stream().map(r -> r.get(column)).toList();
    }

    private static List<String> lines(Path file, String... columns) {
        return Imports.rows(file).stream()
                .map(r -> Arrays.stream(columns).map(r::get).collect(Collectors.joining(",")))
                .toList();
    }
}
