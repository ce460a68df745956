package org.advocategraph.tools.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.advocategraph.model.About;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.tools.format.FormatException;

/**
 * Converts a Stack Exchange data dump (the XML files of one site, schema at
 * <a href="https://meta.stackexchange.com/q/2677">meta.stackexchange.com/q/2677</a>) into a folder of import
 * files. {@code Posts.xml} is required; {@code Tags.xml}, {@code Users.xml}, {@code Comments.xml} and
 * {@code PostLinks.xml} are read when present; each may be plain or {@code .gz}. Files are streamed with StAX;
 * what is kept in memory is a few numbers per post, the question titles and one entry per person, tag and link.
 *
 * <h2>Model</h2>
 * <ul>
 * <li><b>People</b>, id {@code u<UserId>}: whoever wrote at least one answer becomes an <b>employee</b> (an
 * advocate): name from {@code Users.xml} {@code DisplayName}, else {@code user <id>}; languages {@code en};
 * purposes product and care; capacity 5; active; opted in; no certifications. Everyone else who appears (asker,
 * commenter) becomes a <b>customer</b> with {@code followers} = {@code Reputation} (0 without
 * {@code Users.xml}) and no languages (the dump does not say which they speak). A person is one or the other, never both. Users who never appear are not written.</li>
 * <li><b>Topics</b>: one per tag, id = the tag lower-cased, name = the tag; all tags of {@code Tags.xml} plus
 * any tag a converted question uses. The dump holds no tag hierarchy, so no {@code SUBTOPIC_OF} is made.</li>
 * <li><b>Conversations</b> {@code q<Id>}, one per question: channel {@code stackexchange}; url
 * {@code https://<site>/q/<Id>} when the dump folder is named after the site (for example
 * {@code cooking.stackexchange.com}), else empty; text = {@code Title}; language {@code en}; sentiment 0;
 * createdAt = {@code CreationDate} read as UTC (the dump has no zone); status resolved when its accepted answer
 * is converted, else open; purpose product; authorReach = the asker's reputation (0 when unknown); author =
 * the asker. {@code ABOUT} each of its tags with weight {@code 1 / number of tags}.</li>
 * <li><b>Interests</b>: each asker who is a customer is {@code INTERESTED_IN} each tag they asked about with
 * weight {@code n / (n + 1)}, n = their questions with that tag (0.5 for one, 0.67 for two, ...). Askers who
 * also answer are employees and the model keeps interests for customers only, so theirs are left out.</li>
 * <li><b>Participations</b>: every answerer and every commenter {@code PARTICIPATED_IN} the question (for a
 * comment on an answer, the answer's question).</li>
 * <li><b>Ties</b>, kind {@code interacted}: answerer to asker, and commenter to the owner of the post
 * commented on; never to oneself. One tie per ordered pair, strength {@code n / (n + 1)} for n interactions,
 * since = the first.</li>
 * <li><b>Expertise</b> (source {@code answers}) of each answerer in each tag of the questions they answered:
 * evidence {@code E = sum over those answers of (1 + 2 * accepted + ln(1 + max(0, Score)))}, level
 * {@code E / (E + 3)}. One plain answer gives 0.25, one accepted answer 0.5, as do three plain answers; the
 * level only nears 1 with sustained, recognised answering. The constants are round numbers chosen before
 * looking at any site, not fitted. With {@code until}, the Score term is left out: a dump's Score counts votes
 * cast up to the dump date, which would leak what happened after the cut.</li>
 * <li><b>Assignments</b> {@code a<AnswerId>}, one per answer: the answerer to the question, assignedAt = the
 * question's creation, respondedAt = the answer's creation (never before assignedAt), status resolved with
 * outcome {@code accepted} for the accepted answer, else responded with outcome {@code answered};
 * sentimentAfter unknown.</li>
 * </ul>
 *
 * <h2>Cut and skipped records</h2>
 * With {@code until}, every post, comment, user and link whose {@code CreationDate} is not before it is ignored,
 * so that an evaluation can cut history at a split point; an answer counts as accepted only if it was itself
 * created before the cut (the dump does not say when it was accepted). {@code PostTypeId} other than 1 and 2
 * (tag wikis, ...) are ignored. Posts and comments without an owner keep their content but make no person links
 * and are counted as skipped, as are answers and comments whose post is not converted. {@code PostLinks.xml} is
 * read and checked, but the model has no conversation-to-conversation relationship, so links are only counted.
 *
 * <p>Time and memory are linear in the size of the dump.
 */
public final class StackExchangeConverter {
    /** Prefix of person ids; the user id follows. */
    static final String PERSON = "u";
    /** Evidence that gives an expertise level of 0.5 (one accepted answer, or three plain ones). */
    static final double EXPERTISE_HALF = 3;

    private static final Pattern SITE = Pattern.compile(
            "[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(stackexchange\\.com|stackoverflow\\.com|serverfault\\.com|superuser\\.com"
                    + "|askubuntu\\.com|mathoverflow\\.net|stackapps\\.com)");

    private final Instant until;

    /** @param until ignore everything created at or after this instant; null: no cut */
    public StackExchangeConverter(Instant until) {
        this.until = until;
    }

    private static final class Question {
        final long id;
        final Instant created;
        final Long owner;
        final Long acceptedAnswerId;
        final String title;
        final List<String> topics;
        boolean resolved;

        Question(long id, Instant created, Long owner, Long acceptedAnswerId, String title, List<String> topics) {
            this.id = id;
            this.created = created;
            this.owner = owner;
            this.acceptedAnswerId = acceptedAnswerId;
            this.title = title;
            this.topics = topics;
        }
    }

    private record Answer(long id, long questionId, Long owner, Instant created, long score, String file, long line) {
    }

    private record Comment(long questionId, long commenter, Long postOwner, Instant created) {
    }

    private record Pair(long from, long to) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair o) {
            int c = Long.compare(from, o.from);
            return c != 0 ? c : Long.compare(to, o.to);
        }
    }

    private record UserTopic(long user, String topic) implements Comparable<UserTopic> {
        @Override
        public int compareTo(UserTopic o) {
            int c = Long.compare(user, o.user);
            return c != 0 ? c : topic.compareTo(o.topic);
        }
    }

    private static final class Interaction {
        long count;
        Instant first;
    }

    /**
     * @param dumpDir the folder holding {@code Posts.xml} (or {@code Posts.xml.gz}) and the optional files
     * @param outDir  where to write the import files; created when missing, files of the same names replaced
     * @return rows written per file, skipped records and warnings
     * @throws FormatException naming the file and line of the first problem in the input
     */
    public ConversionSummary convert(Path dumpDir, Path outDir) {
        if (!Files.isDirectory(dumpDir)) {
            throw new FormatException(dumpDir.toString(), 0, null, "not a folder");
        }
        Path posts = dumpFile(dumpDir, "Posts.xml");
        if (posts == null) {
            throw new FormatException(dumpDir.toString(), 0, null, "no Posts.xml or Posts.xml.gz in this folder; "
                    + "is it an unpacked Stack Exchange data dump?");
        }
        Warnings warnings = new Warnings();
        Map<String, String> topics = new TreeMap<>();
        Path tags = dumpFile(dumpDir, "Tags.xml");
        if (tags != null) {
            readTags(tags, topics);
        }
        TreeMap<Long, Question> questions = new TreeMap<>();
        TreeMap<Long, Answer> answers = new TreeMap<>();
        readPosts(posts, questions, answers, topics, warnings);
        linkAnswers(questions, answers, warnings);

        List<Comment> comments = new ArrayList<>();
        Path commentsFile = dumpFile(dumpDir, "Comments.xml");
        if (commentsFile != null) {
            readComments(commentsFile, questions, answers, comments, warnings);
        }

        TreeSet<Long> employees = new TreeSet<>();
        TreeSet<Long> everyone = new TreeSet<>();
        for (Answer a : answers.values()) {
            if (a.owner() != null) {
                employees.add(a.owner());
            }
        }
        everyone.addAll(employees);
        for (Question q : questions.values()) {
            if (q.owner != null) {
                everyone.add(q.owner);
            }
        }
        for (Comment c : comments) {
            everyone.add(c.commenter());
        }

        Map<Long, String> names = new HashMap<>();
        Map<Long, Long> reputation = new HashMap<>();
        Path users = dumpFile(dumpDir, "Users.xml");
        if (users != null) {
            readUsers(users, everyone, names, reputation, warnings);
        } else {
            warnings.add("no-users", dumpDir + ": no Users.xml: people are named 'user <id>' and their reputation is 0");
        }
        Path links = dumpFile(dumpDir, "PostLinks.xml");
        if (links != null) {
            readLinks(links, questions, warnings);
        }

        String site = site(dumpDir);
        try (ImportFolderWriter out = ImportFolderWriter.open(outDir)) {
            for (var t : topics.entrySet()) {
                out.write(new Topic(t.getKey(), t.getValue()));
            }
            for (long id : everyone) {
                String name = names.getOrDefault(id, "user " + id);
                if (employees.contains(id)) {
                    out.write(new Employee(PERSON + id, name, "", "", "", List.of("en"), Set.of(),
                            Set.of(Purpose.PRODUCT, Purpose.CARE), 5, true, true, null));
                } else {
                    out.write(new Customer(PERSON + id, name, null, "", "", List.of(), List.of(),
                            reputation.getOrDefault(id, 0L)));
                }
            }
            writeQuestions(out, questions, reputation, site, employees, warnings);
            writeAnswers(out, questions, answers, comments);
            out.commit();
            return new ConversionSummary(out.rowsPerFile(), warnings.skipped(), warnings.lines());
        }
    }

    // ------------------------------------------------------------------ reading

    private void readTags(Path file, Map<String, String> topics) {
        try (DumpXml xml = DumpXml.open(file, "tags", Set.of("TagName"))) {
            for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                String tag = row.text("TagName");
                if (tag == null) {
                    throw new FormatException(row.file(), row.line(), "TagName", "is required");
                }
                topics.putIfAbsent(topicId(tag, row, "TagName"), tag);
            }
        }
    }

    private void readPosts(Path file, Map<Long, Question> questions, Map<Long, Answer> answers,
                           Map<String, String> topics, Warnings warnings) {
        Set<String> wanted = Set.of("Id", "PostTypeId", "ParentId", "AcceptedAnswerId", "CreationDate", "Score",
                "OwnerUserId", "Title", "Tags");
        try (DumpXml xml = DumpXml.open(file, "posts", wanted)) {
            for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                long id = row.requiredLong("Id");
                long type = row.requiredLong("PostTypeId");
                Instant created = row.requiredInstant("CreationDate");
                if (type != 1 && type != 2) {
                    warnings.add("post-type", row.file() + ":" + row.line() + ": posts of PostTypeId other than 1 "
                            + "(question) and 2 (answer), such as tag wikis, are not converted");
                    continue;
                }
                if (!before(created)) {
                    warnings.add("cut-posts", row.file() + ":" + row.line() + ": posts created at or after " + until
                            + " are left out");
                    continue;
                }
                Long owner = row.optionalLong("OwnerUserId");
                if (type == 1) {
                    List<String> ids = new ArrayList<>();
                    for (String tag : tags(row.text("Tags"))) {
                        String topic = topicId(tag, row, "Tags");
                        topics.putIfAbsent(topic, tag);
                        if (!ids.contains(topic)) {
                            ids.add(topic);
                        }
                    }
                    String title = row.text("Title");
                    if (questions.put(id, new Question(id, created, owner, row.optionalLong("AcceptedAnswerId"),
                            title == null ? "" : title, List.copyOf(ids))) != null) {
                        throw new FormatException(row.file(), row.line(), "Id", "post " + id + " appears twice");
                    }
                } else {
                    Long parent = row.optionalLong("ParentId");
                    if (parent == null) {
                        throw new FormatException(row.file(), row.line(), "ParentId", "is required for an answer (PostTypeId 2)");
                    }
                    Long score = row.optionalLong("Score");
                    if (answers.put(id, new Answer(id, parent, owner, created, score == null ? 0 : score,
                            row.file(), row.line())) != null) {
                        throw new FormatException(row.file(), row.line(), "Id", "post " + id + " appears twice");
                    }
                }
                if (owner == null) {
                    warnings.skip("no-owner", row.file() + ":" + row.line() + ": post " + id + " has no OwnerUserId "
                            + "(a deleted user): converted without person links");
                }
            }
        }
    }

    /** Drops answers whose question is not converted, and settles which questions are resolved. */
    private void linkAnswers(Map<Long, Question> questions, Map<Long, Answer> answers, Warnings warnings) {
        for (var it = answers.values().iterator(); it.hasNext(); ) {
            Answer a = it.next();
            if (!questions.containsKey(a.questionId())) {
                String why = until == null ? "is not in the dump" : "is not in the dump before " + until;
                warnings.skip("orphan-answer", a.file() + ":" + a.line() + ": answer " + a.id() + ": its question "
                        + a.questionId() + " " + why + "; answer skipped");
                it.remove();
            }
        }
        for (Question q : questions.values()) {
            if (q.acceptedAnswerId == null) {
                continue;
            }
            Answer accepted = answers.get(q.acceptedAnswerId);
            if (accepted != null && accepted.questionId() == q.id) {
                q.resolved = true;
            } else if (accepted == null && until == null) {
                // Without a cut the flag itself is the evidence, even if the answer is missing from the dump.
                q.resolved = true;
                warnings.add("accepted-missing", "question " + q.id + ": its accepted answer " + q.acceptedAnswerId
                        + " is not in the dump; the question is resolved all the same");
            } else if (accepted != null) {
                warnings.add("accepted-elsewhere", "question " + q.id + ": its accepted answer " + q.acceptedAnswerId
                        + " answers question " + accepted.questionId() + "; the question is left open");
            }
        }
    }

    private void readComments(Path file, Map<Long, Question> questions, Map<Long, Answer> answers,
                              List<Comment> comments, Warnings warnings) {
        try (DumpXml xml = DumpXml.open(file, "comments", Set.of("Id", "PostId", "UserId", "CreationDate"))) {
            for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                long id = row.requiredLong("Id");
                long post = row.requiredLong("PostId");
                Instant created = row.requiredInstant("CreationDate");
                if (!before(created)) {
                    warnings.add("cut-comments", row.file() + ":" + row.line() + ": comments created at or after "
                            + until + " are left out");
                    continue;
                }
                Long user = row.optionalLong("UserId");
                long question;
                Long postOwner;
                Question q = questions.get(post);
                Answer a = answers.get(post);
                if (q != null) {
                    question = q.id;
                    postOwner = q.owner;
                } else if (a != null) {
                    question = a.questionId();
                    postOwner = a.owner();
                } else {
                    warnings.skip("orphan-comment", row.file() + ":" + row.line() + ": comment " + id + " is on post "
                            + post + ", which is not a converted question or answer; comment skipped");
                    continue;
                }
                if (user == null) {
                    warnings.skip("no-commenter", row.file() + ":" + row.line() + ": comment " + id
                            + " has no UserId (a deleted user); comment skipped");
                    continue;
                }
                comments.add(new Comment(question, user, postOwner, created));
            }
        }
    }

    private void readUsers(Path file, Set<Long> wanted, Map<Long, String> names, Map<Long, Long> reputation,
                           Warnings warnings) {
        try (DumpXml xml = DumpXml.open(file, "users", Set.of("Id", "DisplayName", "Reputation", "CreationDate"))) {
            for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                long id = row.requiredLong("Id");
                if (!wanted.contains(id)) {
                    continue;
                }
                if (row.text("CreationDate") != null && !before(row.requiredInstant("CreationDate"))) {
                    warnings.add("cut-users", row.file() + ":" + row.line() + ": users created at or after " + until
                            + " keep the default name and no reputation");
                    continue;
                }
                String name = row.text("DisplayName");
                if (name != null && !name.isBlank()) {
                    names.put(id, name.strip());
                }
                Long rep = row.optionalLong("Reputation");
                if (rep != null) {
                    reputation.put(id, Math.max(0, rep));
                }
            }
        }
    }

    private void readLinks(Path file, Map<Long, Question> questions, Warnings warnings) {
        long kept = 0;
        String first = null;
        try (DumpXml xml = DumpXml.open(file, "postlinks", Set.of("Id", "PostId", "RelatedPostId", "CreationDate"))) {
            for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                long post = row.requiredLong("PostId");
                long related = row.requiredLong("RelatedPostId");
                if (before(row.requiredInstant("CreationDate")) && questions.containsKey(post)
                        && questions.containsKey(related)) {
                    kept++;
                    if (first == null) {
                        first = row.file() + ":" + row.line();
                    }
                }
            }
        }
        if (kept > 0) {
            warnings.add("links", first + ": " + kept + " links between converted questions are not converted: the "
                    + "model has no relationship between conversations");
        }
    }

    // ------------------------------------------------------------------ writing

    private void writeQuestions(ImportFolderWriter out, Map<Long, Question> questions, Map<Long, Long> reputation,
                                String site, Set<Long> employees, Warnings warnings) {
        Map<UserTopic, Integer> asked = new TreeMap<>();
        for (Question q : questions.values()) {
            long reach = q.owner == null ? 0 : reputation.getOrDefault(q.owner, 0L);
            out.write(new Conversation("q" + q.id, "stackexchange", site == null ? "" : "https://" + site + "/q/" + q.id,
                    q.title, "en", 0, q.created, q.resolved ? ConversationStatus.RESOLVED : ConversationStatus.OPEN,
                    Purpose.PRODUCT, reach, q.owner == null ? null : PERSON + q.owner));
            for (String topic : q.topics) {
                out.write(new About("q" + q.id, topic, Evidence.round(1.0 / q.topics.size())));
                if (q.owner != null) {
                    asked.merge(new UserTopic(q.owner, topic), 1, Integer::sum);
                }
            }
        }
        for (var e : asked.entrySet()) {
            if (employees.contains(e.getKey().user())) {
                warnings.add("employee-interests", PERSON + e.getKey().user() + " asks about '" + e.getKey().topic()
                        + "' but also answers, so is an employee: interests are kept for customers only, so this "
                        + "interest is left out");
                continue;
            }
            out.write(new Interest(PERSON + e.getKey().user(), e.getKey().topic(),
                    Evidence.round(Evidence.saturating(e.getValue(), 1))));
        }
    }

    private void writeAnswers(ImportFolderWriter out, Map<Long, Question> questions, Map<Long, Answer> answers,
                              List<Comment> comments) {
        Map<Long, Set<Long>> participants = new TreeMap<>();
        Map<Pair, Interaction> ties = new TreeMap<>();
        Map<UserTopic, Double> evidence = new TreeMap<>();
        for (Answer a : answers.values()) {
            Question q = questions.get(a.questionId());
            if (a.owner() == null) {
                continue;
            }
            boolean accepted = q.resolved && q.acceptedAnswerId != null && q.acceptedAnswerId == a.id();
            Instant responded = a.created().isBefore(q.created) ? q.created : a.created();
            out.write(new Assignment("a" + a.id(), PERSON + a.owner(), "q" + q.id, q.created,
                    accepted ? AssignmentStatus.RESOLVED : AssignmentStatus.RESPONDED, responded,
                    accepted ? "accepted" : "answered", null));
            participants.computeIfAbsent(q.id, k -> new TreeSet<>()).add(a.owner());
            interact(ties, a.owner(), q.owner, a.created());
            double weight = 1 + (accepted ? 2 : 0) + (until == null ? Math.log1p(Math.max(0, a.score())) : 0);
            for (String topic : q.topics) {
                evidence.merge(new UserTopic(a.owner(), topic), weight, Double::sum);
            }
        }
        for (Comment c : comments) {
            participants.computeIfAbsent(c.questionId(), k -> new TreeSet<>()).add(c.commenter());
            interact(ties, c.commenter(), c.postOwner(), c.created());
        }
        for (var e : evidence.entrySet()) {
            out.write(new Expertise(PERSON + e.getKey().user(), e.getKey().topic(),
                    Evidence.round(Evidence.saturating(e.getValue(), EXPERTISE_HALF)), "answers"));
        }
        for (var p : participants.entrySet()) {
            for (long person : p.getValue()) {
                out.write(new Participation(PERSON + person, "q" + p.getKey()));
            }
        }
        for (var t : ties.entrySet()) {
            out.write(new Tie(PERSON + t.getKey().from(), PERSON + t.getKey().to(), TieKind.INTERACTED,
                    Evidence.round(Evidence.saturating(t.getValue().count, 1)), t.getValue().first));
        }
    }

    private static void interact(Map<Pair, Interaction> ties, long from, Long to, Instant when) {
        if (to == null || to == from) {
            return;
        }
        Interaction i = ties.computeIfAbsent(new Pair(from, to), k -> new Interaction());
        i.count++;
        if (i.first == null || when.isBefore(i.first)) {
            i.first = when;
        }
    }

    // ------------------------------------------------------------------ helpers

    private boolean before(Instant created) {
        return until == null || created.isBefore(until);
    }

    /** @return the plain or gzipped file of that name, or null when neither exists */
    private static Path dumpFile(Path dir, String name) {
        Path plain = dir.resolve(name);
        Path gz = dir.resolve(name + ".gz");
        if (Files.exists(plain) && Files.exists(gz)) {
            throw new FormatException(gz.toString(), 0, null, "both " + name + " and " + name + ".gz exist; keep one");
        }
        return Files.exists(plain) ? plain : Files.exists(gz) ? gz : null;
    }

    /** Tags look like {@code <a><b>} in older dumps and {@code |a|b|} in newer ones. */
    static List<String> tags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = text.strip();
        String[] parts;
        if (s.startsWith("<")) {
            parts = s.substring(1, s.endsWith(">") ? s.length() - 1 : s.length()).split("><");
        } else {
            parts = s.split("\\|");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return List.copyOf(out);
    }

    private static String topicId(String tag, DumpXml.Row row, String column) {
        String id = tag.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < id.length(); i++) {
            if (Character.isWhitespace(id.charAt(i)) || Character.isISOControl(id.charAt(i))) {
                throw new FormatException(row.file(), row.line(), column, "tag '" + tag + "' holds white space");
            }
        }
        if (id.length() > SourceIds.MAX_ID_LENGTH) {
            throw new FormatException(row.file(), row.line(), column, "tag '" + tag + "' is longer than "
                    + SourceIds.MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    /** A dump folder named after its site, such as {@code cooking.stackexchange.com}, gives the url of posts. */
    static String site(Path dumpDir) {
        Path name = dumpDir.toAbsolutePath().normalize().getFileName();
        if (name == null) {
            return null;
        }
        String s = name.toString().toLowerCase(Locale.ROOT);
        return SITE.matcher(s).matches() ? s : null;
    }
}
