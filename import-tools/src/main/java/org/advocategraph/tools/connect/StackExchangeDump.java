package org.advocategraph.tools.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.advocategraph.tools.format.FormatException;

/**
 * What a Stack Exchange data dump (the XML files of one site, schema at
 * <a href="https://meta.stackexchange.com/q/2677">meta.stackexchange.com/q/2677</a>) says, read into memory:
 * questions, answers and comments as {@link Activity activities} with their times, and the tags, names and
 * reputations that go with them. {@code Posts.xml} is required; {@code Tags.xml}, {@code Users.xml},
 * {@code Comments.xml} and {@code PostLinks.xml} are read when present; each may be plain or {@code .gz}. Files
 * are streamed with StAX; what is kept is a few numbers per post and comment, the question titles and one entry
 * per person, tag and link.
 *
 * <p>Reading checks each row (required attributes, whole numbers, dates, tags) and fails on the first problem
 * with a {@link FormatException} naming the file and line. It does not decide what the rows become: that is
 * {@link StackExchangeGraph}, which {@link StackExchangeConverter} and the routing evaluation share.
 *
 * <p>With {@code until}, every post, comment, user and link whose {@code CreationDate} is not before it is left
 * out (users created after it keep no name). {@code PostTypeId} other than 1 and 2 (tag wikis, ...) are left out.
 * Comments without a {@code UserId} (deleted users) are kept, with a null user, so that whoever places them can
 * tell them from comments on posts that are missing.
 */
public final class StackExchangeDump {
    private static final Pattern SITE = Pattern.compile(
            "[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(stackexchange\\.com|stackoverflow\\.com|serverfault\\.com|superuser\\.com"
                    + "|askubuntu\\.com|mathoverflow\\.net|stackapps\\.com)");

    /** Something a user did on the site at a time: asked, answered or commented. */
    public sealed interface Activity permits Question, Answer, Comment {
        /** @return the post or comment id (posts and comments have separate id spaces) */
        long id();

        /** @return when it was created, read as UTC */
        Instant created();
    }

    /**
     * A question ({@code PostTypeId} 1).
     *
     * @param id               post id
     * @param created          creation time
     * @param owner            the asker's user id, or null (a deleted user)
     * @param acceptedAnswerId the accepted answer's post id, or null; the dump does not say when it was accepted
     * @param title            the title, empty when missing
     * @param topics           topic ids (tags lower-cased), distinct, in the order the question lists them
     */
    public record Question(long id, Instant created, Long owner, Long acceptedAnswerId, String title,
                           List<String> topics) implements Activity {
        public Question {
            Objects.requireNonNull(created, "created");
            title = title == null ? "" : title;
            topics = List.copyOf(topics);
        }
    }

    /**
     * An answer ({@code PostTypeId} 2).
     *
     * @param id         post id
     * @param questionId the question it answers ({@code ParentId})
     * @param owner      the answerer's user id, or null (a deleted user)
     * @param created    creation time
     * @param score      votes up minus down, counted at dump time
     * @param file       the file it was read from, for messages
     * @param line       the line it was read from, for messages
     */
    public record Answer(long id, long questionId, Long owner, Instant created, long score, String file, long line)
            implements Activity {
        public Answer {
            Objects.requireNonNull(created, "created");
        }
    }

    /**
     * A comment on a question or an answer.
     *
     * @param id      comment id
     * @param postId  the post commented on
     * @param user    the commenter's user id, or null (a deleted user)
     * @param created creation time
     * @param file    the file it was read from, for messages
     * @param line    the line it was read from, for messages
     */
    public record Comment(long id, long postId, Long user, Instant created, String file, long line) implements Activity {
        public Comment {
            Objects.requireNonNull(created, "created");
        }
    }

    private final Path dir;
    private final String site;
    private final Map<String, String> tagNames;
    private final Set<String> declaredTags;
    private final List<Question> questions;
    private final List<Answer> answers;
    private final List<Comment> comments;
    private final Map<Long, String> names;
    private final Map<Long, Long> reputation;
    private final Warnings warnings;

    private StackExchangeDump(Path dir, Map<String, String> tagNames, Set<String> declaredTags, List<Question> questions,
                              List<Answer> answers, List<Comment> comments, Map<Long, String> names,
                              Map<Long, Long> reputation, Warnings warnings) {
        this.dir = dir;
        this.site = site(dir);
        this.tagNames = Collections.unmodifiableMap(tagNames);
        this.declaredTags = Collections.unmodifiableSet(declaredTags);
        this.questions = Collections.unmodifiableList(questions);
        this.answers = Collections.unmodifiableList(answers);
        this.comments = Collections.unmodifiableList(comments);
        this.names = Collections.unmodifiableMap(names);
        this.reputation = Collections.unmodifiableMap(reputation);
        this.warnings = warnings;
    }

    /**
     * Reads a dump folder.
     *
     * @param dir   the folder holding {@code Posts.xml} (or {@code Posts.xml.gz}) and the optional files
     * @param until leave out everything created at or after this instant; null: keep everything
     * @return what the dump says
     * @throws FormatException naming the file and line of the first problem in the input
     */
    public static StackExchangeDump read(Path dir, Instant until) {
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir.toString(), 0, null, "not a folder");
        }
        Path posts = dumpFile(dir, "Posts.xml");
        if (posts == null) {
            throw new FormatException(dir.toString(), 0, null, "no Posts.xml or Posts.xml.gz in this folder; "
                    + "is it an unpacked Stack Exchange data dump?");
        }
        Reader reader = new Reader(until);
        Path tags = dumpFile(dir, "Tags.xml");
        if (tags != null) {
            reader.readTags(tags);
        }
        reader.readPosts(posts);
        Path comments = dumpFile(dir, "Comments.xml");
        if (comments != null) {
            reader.readComments(comments);
        }
        Path users = dumpFile(dir, "Users.xml");
        if (users != null) {
            reader.readUsers(users);
        } else {
            reader.warnings.add("no-users", dir + ": no Users.xml: people are named 'user <id>' and their reputation is 0");
        }
        Path links = dumpFile(dir, "PostLinks.xml");
        if (links != null) {
            reader.readLinks(links);
        }
        return new StackExchangeDump(dir, reader.tagNames, reader.declaredTags, reader.questions, reader.answers,
                reader.comments, reader.names, reader.reputation, reader.warnings);
    }

    /** @return the dump folder */
    public Path dir() {
        return dir;
    }

    /** @return the site's host name when the folder is named after it (for example {@code cooking.stackexchange.com}), else null */
    public String site() {
        return site;
    }

    /** @return the questions, in file order */
    public List<Question> questions() {
        return questions;
    }

    /** @return the answers, in file order */
    public List<Answer> answers() {
        return answers;
    }

    /** @return the comments, in file order */
    public List<Comment> comments() {
        return comments;
    }

    /** @return the first spelling of each topic id, from {@code Tags.xml} and then the questions */
    Map<String, String> tagNames() {
        return tagNames;
    }

    /** @return the topic ids {@code Tags.xml} lists, which exist whether or not a question uses them */
    Set<String> declaredTags() {
        return declaredTags;
    }

    /** @return display names by user id, from {@code Users.xml} */
    Map<Long, String> names() {
        return names;
    }

    /** @return reputation by user id, from {@code Users.xml}, counted at dump time */
    Map<Long, Long> reputation() {
        return reputation;
    }

    Warnings warnings() {
        return warnings;
    }

    /** Reads the files of one dump, in the order that lets each file be filtered by the ones before. */
    private static final class Reader {
        final Instant until;
        final Warnings warnings = new Warnings();
        final Map<String, String> tagNames = new TreeMap<>();
        final Set<String> declaredTags = new LinkedHashSet<>();
        final List<Question> questions = new ArrayList<>();
        final List<Answer> answers = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        final Set<Long> postIds = new HashSet<>();
        final Set<Long> questionIds = new HashSet<>();
        final Set<Long> people = new HashSet<>();
        final Map<Long, String> names = new HashMap<>();
        final Map<Long, Long> reputation = new HashMap<>();

        Reader(Instant until) {
            this.until = until;
        }

        void readTags(Path file) {
            try (DumpXml xml = DumpXml.open(file, "tags", Set.of("TagName"))) {
                for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                    String tag = row.text("TagName");
                    if (tag == null) {
                        throw new FormatException(row.file(), row.line(), "TagName", "is required");
                    }
                    String id = topicId(tag, row, "TagName");
                    tagNames.putIfAbsent(id, tag);
                    declaredTags.add(id);
                }
            }
        }

        void readPosts(Path file) {
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
                            tagNames.putIfAbsent(topic, tag);
                            if (!ids.contains(topic)) {
                                ids.add(topic);
                            }
                        }
                        questions.add(new Question(id, created, owner, row.optionalLong("AcceptedAnswerId"),
                                row.text("Title"), ids));
                        questionIds.add(id);
                    } else {
                        Long parent = row.optionalLong("ParentId");
                        if (parent == null) {
                            throw new FormatException(row.file(), row.line(), "ParentId", "is required for an answer (PostTypeId 2)");
                        }
                        Long score = row.optionalLong("Score");
                        answers.add(new Answer(id, parent, owner, created, score == null ? 0 : score, row.file(), row.line()));
                    }
                    if (!postIds.add(id)) {
                        throw new FormatException(row.file(), row.line(), "Id", "post " + id + " appears twice");
                    }
                    if (owner == null) {
                        warnings.skip("no-owner", row.file() + ":" + row.line() + ": post " + id + " has no OwnerUserId "
                                + "(a deleted user): converted without person links");
                    } else {
                        people.add(owner);
                    }
                }
            }
        }

        void readComments(Path file) {
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
                    comments.add(new Comment(id, post, user, created, row.file(), row.line()));
                    if (user != null) {
                        people.add(user);
                    }
                }
            }
        }

        void readUsers(Path file) {
            try (DumpXml xml = DumpXml.open(file, "users", Set.of("Id", "DisplayName", "Reputation", "CreationDate"))) {
                for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                    long id = row.requiredLong("Id");
                    if (!people.contains(id)) {
                        continue;
                    }
                    if (row.text("CreationDate") != null && !before(row.requiredInstant("CreationDate"))) {
                        warnings.add("cut-users", row.file() + ":" + row.line() + ": users created at or after " + until
                                + " keep the default name");
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

        void readLinks(Path file) {
            long kept = 0;
            String first = null;
            try (DumpXml xml = DumpXml.open(file, "postlinks", Set.of("Id", "PostId", "RelatedPostId", "CreationDate"))) {
                for (DumpXml.Row row = xml.next(); row != null; row = xml.next()) {
                    long post = row.requiredLong("PostId");
                    long related = row.requiredLong("RelatedPostId");
                    if (before(row.requiredInstant("CreationDate")) && questionIds.contains(post)
                            && questionIds.contains(related)) {
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

        private boolean before(Instant created) {
            return until == null || created.isBefore(until);
        }
    }

    // ------------------------------------------------------------------ helpers

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
