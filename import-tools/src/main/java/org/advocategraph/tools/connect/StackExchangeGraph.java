package org.advocategraph.tools.connect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.advocategraph.model.About;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.tools.connect.StackExchangeDump.Activity;
import org.advocategraph.tools.connect.StackExchangeDump.Answer;
import org.advocategraph.tools.connect.StackExchangeDump.Comment;
import org.advocategraph.tools.connect.StackExchangeDump.Question;

/**
 * The advocate graph of a Stack Exchange site, built from the {@link Activity activities} it is given: the one
 * mapping from a dump to our model, shared by {@link StackExchangeConverter} (everything up to a cut, written as
 * import files) and the routing evaluation (history replayed in time order, the store updated as it grows).
 *
 * <h2>Model</h2>
 * <ul>
 * <li><b>People</b>, id {@code u<UserId>}: whoever wrote at least one answer becomes an <b>employee</b> (an
 * advocate): name from {@code Users.xml} {@code DisplayName}, else {@code user <id>}; languages {@code en};
 * purposes product and care; capacity {@value #CAPACITY}; active; opted in; no certifications. Everyone else who
 * appears (asker, commenter) becomes a <b>customer</b> with {@code followers} = {@code Reputation} (0 without
 * {@code Users.xml} and with a cut) and no languages (the dump does not say which they speak). A person is one or
 * the other, never both; a customer who answers becomes an employee. Users who never appear are not written.</li>
 * <li><b>Topics</b>: one per tag, id = the tag lower-cased, name = the tag; all tags of {@code Tags.xml} plus
 * any tag a question uses. The dump holds no tag hierarchy, so no {@code SUBTOPIC_OF} is made.</li>
 * <li><b>Conversations</b> {@code q<Id>}, one per question: channel {@code stackexchange}; url
 * {@code https://<site>/q/<Id>} when the dump folder is named after the site, else empty; text = {@code Title};
 * language {@code en}; sentiment 0; createdAt = {@code CreationDate}; status resolved when its accepted answer is
 * in the graph, else open; purpose product; authorReach = the asker's reputation (0 when unknown, and with a
 * cut); author = the asker. {@code ABOUT} each of its tags with weight {@code 1 / number of tags}.</li>
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
 * looking at any site, not fitted.</li>
 * <li><b>Assignments</b> {@code a<AnswerId>}, one per answer: the answerer to the question, status resolved, with
 * assignedAt, respondedAt and resolvedAt all the answer's creation (not before its question's). An answer is
 * finished work: nobody asked the answerer before they wrote it and nothing is left to do after, so it takes no
 * capacity, and its time is when the answerer was last engaged. The accepted answer has outcome {@code accepted}
 * and sentimentAfter {@value #ACCEPTED_SENTIMENT} (the asker's acceptance is the most positive outcome a site
 * records); any other answer has outcome {@code answered} and no sentimentAfter: that the asker accepted another
 * answer, or none, says nothing about how this one was received.</li>
 * </ul>
 *
 * <h2>Cut</h2>
 * A graph made {@code cut} holds history up to some instant, not the whole dump: the Score term of expertise and
 * the reputations are left out, since a dump counts votes up to the dump date, which would leak what happened
 * after the cut; and a question counts as resolved only when its accepted answer is in the graph (the dump does
 * not say when it was accepted, so an answer in the graph that is the accepted one counts as accepted). Without a
 * cut, a question whose accepted answer is missing from the dump is resolved all the same.
 *
 * <h2>Order and increments</h2>
 * Activities may come in any order and any number of calls: an answer whose question is not in the graph yet, or
 * a comment whose post is not, waits until it is (and is reported as unattached if it never comes). The graph
 * after a set of activities is the same whatever their order. {@link #changes()} hands out only the elements that
 * are new or changed since it was last called, so that a store can follow the graph by upserts; the one change an
 * upsert cannot follow is a customer becoming an employee, which {@link #changes()} reports in
 * {@link Changes#retyped()}.
 *
 * <p>Memory is a few numbers per activity, person, tag and (person, tag) pair; adding an activity costs
 * O(tags of its question) map updates.
 */
public final class StackExchangeGraph {
    /** Prefix of person ids; the user id follows. */
    public static final String PERSON = "u";
    /** Prefix of conversation ids; the question id follows. */
    public static final String CONVERSATION = "q";
    /** Capacity of every employee: the dump knows nothing of anyone's workload. */
    public static final int CAPACITY = 5;
    /** The sentiment after an accepted answer: the asker's acceptance, a positive outcome. */
    public static final double ACCEPTED_SENTIMENT = 1.0;
    /** Evidence that gives an expertise level of 0.5 (one accepted answer, or three plain ones). */
    static final double EXPERTISE_HALF = 3;

    /**
     * What changed since the previous call to {@link #changes()}.
     *
     * @param elements new or changed elements, nodes first
     * @param retyped  user ids of people handed out as customers by an earlier call who became employees: their
     *                 customer node, and its interests, are no longer part of the graph, which an upsert cannot
     *                 express
     */
    public record Changes(List<GraphElement> elements, Set<Long> retyped) {
        public Changes {
            elements = List.copyOf(elements);
            retyped = Set.copyOf(retyped);
        }
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

    private record Participant(long question, long person) implements Comparable<Participant> {
        @Override
        public int compareTo(Participant o) {
            int c = Long.compare(question, o.question);
            return c != 0 ? c : Long.compare(person, o.person);
        }
    }

    private static final class Interaction {
        long count;
        Instant first;
    }

    /** Keys of one kind of element, and those of them changed since the last {@link #changes()}. */
    private static final class Tracked<K> {
        final Set<K> changed = new TreeSet<>();

        Collection<K> keys(Collection<K> all, boolean onlyChanged) {
            return onlyChanged ? changed : all;
        }
    }

    private final StackExchangeDump dump;
    private final boolean cut;

    private final TreeMap<Long, Question> questions = new TreeMap<>();
    private final TreeMap<Long, Answer> answers = new TreeMap<>();
    /** Questions whose accepted answer is in the graph. */
    private final Set<Long> resolved = new TreeSet<>();
    private final Map<Long, List<Answer>> waitingAnswers = new HashMap<>();
    private final Map<Long, List<Comment>> waitingComments = new HashMap<>();

    private final TreeMap<String, String> topics = new TreeMap<>();
    private final TreeSet<Long> people = new TreeSet<>();
    private final Set<Long> employees = new TreeSet<>();
    private final TreeMap<UserTopic, Integer> asked = new TreeMap<>();
    private final TreeSet<Participant> participants = new TreeSet<>();
    private final TreeMap<Pair, Interaction> ties = new TreeMap<>();
    private final TreeMap<UserTopic, Double> evidence = new TreeMap<>();

    private final Tracked<String> newTopics = new Tracked<>();
    private final Tracked<Long> changedPeople = new Tracked<>();
    private final Tracked<Long> changedQuestions = new Tracked<>();
    private final Tracked<Long> newQuestions = new Tracked<>();
    private final Tracked<UserTopic> changedInterests = new Tracked<>();
    private final Tracked<Long> newAnswers = new Tracked<>();
    private final Tracked<UserTopic> changedExpertise = new Tracked<>();
    private final Tracked<Participant> newParticipants = new Tracked<>();
    private final Tracked<Pair> changedTies = new Tracked<>();
    private final Set<Long> retyped = new TreeSet<>();

    /**
     * An empty graph of the dump's site; the tags {@code Tags.xml} declares are its first topics.
     *
     * @param dump the dump the activities come from (for names, reputations, tag spellings and the site)
     * @param cut  true when the graph holds history up to an instant rather than the whole dump (see above)
     */
    public StackExchangeGraph(StackExchangeDump dump, boolean cut) {
        this.dump = dump;
        this.cut = cut;
        for (String tag : dump.declaredTags()) {
            addTopic(tag);
        }
    }

    /** Adds activities, in any order; see {@link #add(Activity)}. */
    public void addAll(Collection<? extends Activity> activities) {
        for (Activity a : activities) {
            add(a);
        }
    }

    /**
     * Adds one activity of the dump. An answer whose question is not in the graph, or a comment whose post is
     * not, waits until it is. Adding an activity twice is a bug of the caller.
     *
     * @throws IllegalArgumentException when a question or answer with this id is in the graph already
     */
    public void add(Activity activity) {
        if (activity instanceof Question q) {
            addQuestion(q);
        } else if (activity instanceof Answer a) {
            addAnswer(a);
        } else {
            addComment((Comment) activity);
        }
    }

    /** @return true when the user is in the graph as a customer (appeared, never answered) */
    public boolean isCustomer(long user) {
        return people.contains(user) && !employees.contains(user);
    }

    /** @return true when the user is in the graph as an employee (answered at least once) */
    public boolean isEmployee(long user) {
        return employees.contains(user);
    }

    /**
     * Hands every element of the graph to the sink, one kind after the other (topics, people, conversations,
     * about, interests, assignments, expertise, participations, ties), each in key order: what
     * {@link StackExchangeConverter} writes.
     */
    public void forEach(Consumer<GraphElement> sink) {
        emit(sink, false);
    }

    /** @return every element of the graph, in the order of {@link #forEach} */
    public List<GraphElement> elements() {
        List<GraphElement> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    /**
     * @return the elements that are new or changed since the previous call (at the first call, every element),
     *         and the customers who became employees; then starts a new round of changes
     */
    public Changes changes() {
        List<GraphElement> out = new ArrayList<>();
        emit(out::add, true);
        Changes c = new Changes(out, retyped);
        for (Tracked<?> t : List.of(newTopics, changedPeople, changedQuestions, newQuestions, changedInterests,
                newAnswers, changedExpertise, newParticipants, changedTies)) {
            t.changed.clear();
        }
        retyped.clear();
        return c;
    }

    // ------------------------------------------------------------------ adding

    private void addTopic(String id) {
        if (topics.putIfAbsent(id, dump.tagNames().getOrDefault(id, id)) == null) {
            newTopics.changed.add(id);
        }
    }

    private void addPerson(long user) {
        if (people.add(user)) {
            changedPeople.changed.add(user);
        }
    }

    private void addQuestion(Question q) {
        if (questions.putIfAbsent(q.id(), q) != null) {
            throw new IllegalArgumentException("question " + q.id() + " is in the graph already");
        }
        newQuestions.changed.add(q.id());
        changedQuestions.changed.add(q.id());
        q.topics().forEach(this::addTopic);
        if (q.owner() != null) {
            addPerson(q.owner());
            for (String topic : q.topics()) {
                UserTopic key = new UserTopic(q.owner(), topic);
                asked.merge(key, 1, Integer::sum);
                changedInterests.changed.add(key);
            }
        }
        for (Answer a : orEmpty(waitingAnswers.remove(q.id()))) {
            addAnswer(a);
        }
        attachComments(q.id());
    }

    private void addAnswer(Answer a) {
        Question q = questions.get(a.questionId());
        if (q == null) {
            waitingAnswers.computeIfAbsent(a.questionId(), k -> new ArrayList<>()).add(a);
            return;
        }
        if (answers.putIfAbsent(a.id(), a) != null) {
            throw new IllegalArgumentException("answer " + a.id() + " is in the graph already");
        }
        boolean accepted = q.acceptedAnswerId() != null && q.acceptedAnswerId() == a.id();
        if (accepted && resolved.add(q.id())) {
            changedQuestions.changed.add(q.id());
        }
        if (a.owner() != null) {
            long owner = a.owner();
            newAnswers.changed.add(a.id());
            if (people.contains(owner) && !employees.contains(owner) && !changedPeople.changed.contains(owner)) {
                // Handed out as a customer by an earlier round of changes, which an upsert cannot take back.
                retyped.add(owner);
            }
            addPerson(owner);
            if (employees.add(owner)) {
                changedPeople.changed.add(owner);
            }
            participate(q.id(), owner);
            interact(owner, q.owner(), a.created());
            double weight = 1 + (accepted ? 2 : 0) + (cut ? 0 : Math.log1p(Math.max(0, a.score())));
            for (String topic : q.topics()) {
                UserTopic key = new UserTopic(owner, topic);
                evidence.merge(key, weight, Double::sum);
                changedExpertise.changed.add(key);
            }
        }
        attachComments(a.id());
    }

    private void addComment(Comment c) {
        Question q = questions.get(c.postId());
        Answer a = answers.get(c.postId());
        if (q == null && a == null) {
            waitingComments.computeIfAbsent(c.postId(), k -> new ArrayList<>()).add(c);
            return;
        }
        if (c.user() == null) {
            dump.warnings().skip("no-commenter", c.file() + ":" + c.line() + ": comment " + c.id()
                    + " has no UserId (a deleted user); comment skipped");
            return;
        }
        addPerson(c.user());
        participate(q != null ? q.id() : a.questionId(), c.user());
        interact(c.user(), q != null ? q.owner() : a.owner(), c.created());
    }

    private void attachComments(long postId) {
        for (Comment c : orEmpty(waitingComments.remove(postId))) {
            addComment(c);
        }
    }

    private void participate(long question, long person) {
        Participant p = new Participant(question, person);
        if (participants.add(p)) {
            newParticipants.changed.add(p);
        }
    }

    private void interact(long from, Long to, Instant when) {
        if (to == null || to == from) {
            return;
        }
        Pair key = new Pair(from, to);
        Interaction i = ties.computeIfAbsent(key, k -> new Interaction());
        i.count++;
        if (i.first == null || when.isBefore(i.first)) {
            i.first = when;
        }
        changedTies.changed.add(key);
    }

    // ------------------------------------------------------------------ what waits or was dropped

    /** @return answers whose question never came, by id */
    List<Answer> unattachedAnswers() {
        return waitingAnswers.values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparingLong(Answer::id)).toList();
    }

    /** @return comments whose post never came, in file order */
    List<Comment> unattachedComments() {
        return waitingComments.values().stream().flatMap(List::stream)
                .sorted(java.util.Comparator.comparingLong(Comment::line).thenComparingLong(Comment::id)).toList();
    }

    // ------------------------------------------------------------------ emitting

    private void emit(Consumer<GraphElement> sink, boolean onlyChanged) {
        Warnings warnings = dump.warnings();
        for (String t : newTopics.keys(topics.keySet(), onlyChanged)) {
            sink.accept(new Topic(t, topics.get(t)));
        }
        for (long id : changedPeople.keys(people, onlyChanged)) {
            String name = dump.names().getOrDefault(id, "user " + id);
            if (employees.contains(id)) {
                sink.accept(new Employee(PERSON + id, name, "", "", "", List.of("en"), Set.of(),
                        Set.of(Purpose.PRODUCT, Purpose.CARE), CAPACITY, true, true, null));
            } else {
                sink.accept(new Customer(PERSON + id, name, null, "", "", List.of(), List.of(), reputation(id)));
            }
        }
        for (long id : changedQuestions.keys(questions.keySet(), onlyChanged)) {
            Question q = questions.get(id);
            String site = dump.site();
            sink.accept(new Conversation(CONVERSATION + q.id(), "stackexchange",
                    site == null ? "" : "https://" + site + "/q/" + q.id(), q.title(), "en", 0, q.created(),
                    status(q, onlyChanged ? null : warnings), Purpose.PRODUCT, q.owner() == null ? 0 : reputation(q.owner()),
                    q.owner() == null ? null : PERSON + q.owner()));
        }
        for (long id : newQuestions.keys(questions.keySet(), onlyChanged)) {
            Question q = questions.get(id);
            for (String topic : q.topics()) {
                sink.accept(new About(CONVERSATION + q.id(), topic, Evidence.round(1.0 / q.topics().size())));
            }
        }
        for (UserTopic key : changedInterests.keys(asked.keySet(), onlyChanged)) {
            if (employees.contains(key.user())) {
                if (!onlyChanged) {
                    warnings.add("employee-interests", PERSON + key.user() + " asks about '" + key.topic()
                            + "' but also answers, so is an employee: interests are kept for customers only, so this "
                            + "interest is left out");
                }
                continue;
            }
            sink.accept(new Interest(PERSON + key.user(), key.topic(),
                    Evidence.round(Evidence.saturating(asked.get(key), 1))));
        }
        for (long id : newAnswers.keys(answers.keySet(), onlyChanged)) {
            Answer a = answers.get(id);
            Question q = questions.get(a.questionId());
            if (a.owner() == null) {
                continue;
            }
            boolean accepted = resolved.contains(q.id()) && q.acceptedAnswerId() == a.id();
            Instant answered = a.created().isBefore(q.created()) ? q.created() : a.created();
            sink.accept(new Assignment("a" + a.id(), PERSON + a.owner(), CONVERSATION + q.id(), answered,
                    AssignmentStatus.RESOLVED, answered, accepted ? "accepted" : "answered",
                    accepted ? ACCEPTED_SENTIMENT : null, null, answered));
        }
        for (UserTopic key : changedExpertise.keys(evidence.keySet(), onlyChanged)) {
            sink.accept(new Expertise(PERSON + key.user(), key.topic(),
                    Evidence.round(Evidence.saturating(evidence.get(key), EXPERTISE_HALF)), "answers"));
        }
        for (Participant p : newParticipants.keys(participants, onlyChanged)) {
            sink.accept(new Participation(PERSON + p.person(), CONVERSATION + p.question()));
        }
        for (Pair key : changedTies.keys(ties.keySet(), onlyChanged)) {
            Interaction i = ties.get(key);
            sink.accept(new Tie(PERSON + key.from(), PERSON + key.to(), TieKind.INTERACTED,
                    Evidence.round(Evidence.saturating(i.count, 1)), i.first));
        }
    }

    private long reputation(long user) {
        return cut ? 0 : dump.reputation().getOrDefault(user, 0L);
    }

    /** @param warnings where to report an accepted answer that is missing or elsewhere; null: do not report */
    private ConversationStatus status(Question q, Warnings warnings) {
        if (resolved.contains(q.id())) {
            return ConversationStatus.RESOLVED;
        }
        if (q.acceptedAnswerId() == null) {
            return ConversationStatus.OPEN;
        }
        Answer accepted = answers.get(q.acceptedAnswerId());
        if (accepted == null && !cut) {
            // Without a cut the flag itself is the evidence, even if the answer is missing from the dump.
            if (warnings != null) {
                warnings.add("accepted-missing", "question " + q.id() + ": its accepted answer " + q.acceptedAnswerId()
                        + " is not in the dump; the question is resolved all the same");
            }
            return ConversationStatus.RESOLVED;
        }
        if (accepted != null && warnings != null) {
            warnings.add("accepted-elsewhere", "question " + q.id() + ": its accepted answer " + q.acceptedAnswerId()
                    + " answers question " + accepted.questionId() + "; the question is left open");
        }
        return ConversationStatus.OPEN;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
