package org.advocategraph.store;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Account;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Program;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;

/**
 * The storage port: everything the engines read from and write to the advocate graph, in domain records.
 *
 * <p>Adapters exist for Neo4j (through the Java driver, against any bolt:// or neo4j:// URI, including the
 * embedded default) and TinkerPop (bytecode traversals). Every adapter passes the same contract test suite.
 *
 * <p>Writes are idempotent upserts keyed by external ids: writing the same elements twice leaves the graph as
 * writing them once; writing a changed element updates it in place. One {@link #upsert} call is one
 * transaction where the store supports transactions: it is written whole or not at all. Where it does not
 * (TinkerGraph in memory), the adapter checks the whole call before writing anything.
 *
 * <p>Employees and customers share one id space: a person id names one or the other, never both. Instants are
 * kept to the millisecond at least.
 *
 * <p>Reads that take collections of ids bound their work by the size of the collection; callers keep those
 * collections bounded. Unknown ids are ignored by bulk reads (they simply contribute nothing).
 *
 * <p>Implementations are thread-safe.
 */
public interface GraphStore extends AutoCloseable {

    /** @return a short description for logs and {@code /health}, never containing secrets */
    String describe();

    /** Creates the uniqueness constraints and indexes this store needs; safe to call any number of times. */
    void ensureSchema();

    /**
     * Upserts nodes and relationships in one transaction. Nodes are merged by id; relationships by their
     * endpoints (plus kind for ties, id for assignments). A relationship whose endpoint does not exist is not
     * written and is reported in the returned result.
     *
     * @param elements the elements, in any mix of types; nodes are written before relationships
     * @return what was written
     * @throws StoreException when the store fails; nothing of this call is then written on a transactional
     *                        store
     */
    UpsertResult upsert(List<? extends GraphElement> elements);

    /**
     * Writes elements that the caller guarantees do not exist yet and are unique within the call (for example
     * the first import into an empty store, from validated files). Under that guarantee the result is exactly
     * that of {@link #upsert}; stores that can, write faster by skipping the existence checks. The default is
     * {@link #upsert}.
     *
     * @param elements new elements
     * @return what was written
     */
    default UpsertResult insertNew(List<? extends GraphElement> elements) {
        return upsert(elements);
    }

    /** @return the employee with this id */
    Optional<Employee> employee(String id);

    /** @return the employees with these ids, in no particular order; unknown ids are skipped */
    List<Employee> employees(Collection<String> ids);

    /** @return the customer with this id */
    Optional<Customer> customer(String id);

    /** @return the account with this id */
    Optional<Account> account(String id);

    /** @return the topics with these ids; unknown ids are skipped */
    List<Topic> topics(Collection<String> ids);

    /** @return the conversation with this id */
    Optional<Conversation> conversation(String id);

    /** @return the program with this id */
    Optional<Program> program(String id);

    /**
     * @param statuses the statuses wanted
     * @return every conversation in one of them, ordered by id
     */
    List<Conversation> conversationsWithStatus(Collection<ConversationStatus> statuses);

    /** @return the topics a customer is interested in, with weights */
    List<WeightedId> interestsOf(String customerId);

    /** @return the topics a conversation is about, with weights */
    List<WeightedId> topicsOf(String conversationId);

    /** @return ids of the people who took part in the conversation (not the author, unless also a participant) */
    List<String> participantsOf(String conversationId);

    /** @return every {@code SUBTOPIC_OF} link whose child or parent is one of the given topics */
    List<SubtopicOf> topicLinks(Collection<String> topicIds);

    /** @return every {@code EXPERT_IN} relationship into one of the given topics */
    List<Expertise> expertiseIn(Collection<String> topicIds);

    /**
     * @return for each given employee that has any, the number of assignments whose status still takes
     *         capacity (proposed, accepted, responded); employees with none are absent
     */
    Map<String, Integer> openAssignments(Collection<String> employeeIds);

    // ---- assignments as a lifecycle ----

    /** @return the assignment with this id */
    Optional<Assignment> assignment(String id);

    /**
     * Lists assignments by conversation, employee and status, the most recently proposed first (see
     * {@link AssignmentQuery#ORDER}). Cost: the assignments of the conversation or the employee when one is given,
     * else those in the status (indexed), else every assignment; sorting them is O(n log n).
     *
     * @param query the filters and the bound
     * @return at most {@code query.limit()} assignments
     */
    List<Assignment> assignments(AssignmentQuery query);

    /**
     * The assignments proposed in a period, for engagement analytics: every one whose {@code assignedAt} is in
     * {@code [from, to)}, the most recently proposed first ({@link AssignmentQuery#ORDER}), at most {@code limit}.
     * Cost: the assignments in the period (an index range on Neo4j; in memory, a walk of the recency order from
     * {@code to}), bounded by {@code limit}.
     *
     * @param from  start of the period, inclusive
     * @param to    end of the period, exclusive; not before {@code from}
     * @param limit most assignments returned, at least 1
     * @return the assignments, latest first
     */
    List<Assignment> assignmentsProposedBetween(Instant from, Instant to, int limit);

    /**
     * The conversations started in a period, for alerts over time: every one whose {@code createdAt} is in
     * {@code [from, to)}, the latest first (ties by id), at most {@code limit}. Cost: the conversations in the period
     * (an index range on Neo4j), or one pass over the conversations where there is no index (in memory, TinkerGraph).
     *
     * @param from  start of the period, inclusive
     * @param to    end of the period, exclusive; not before {@code from}
     * @param limit most conversations returned, at least 1
     * @return the conversations, latest first
     */
    List<Conversation> conversationsCreatedBetween(Instant from, Instant to, int limit);

    /**
     * Writes a new assignment only if its conversation has no open one (proposed, accepted or responded), as one
     * atomic step: of any number of concurrent proposals for one conversation, exactly one is created. Ids are the
     * caller's to make unique; an id already stored is refused, but two concurrent proposals with one id for two
     * conversations are not guarded against.
     *
     * @param proposal the assignment, in status {@code proposed}
     * @return {@link ProposeOutcome#CREATED}, or why nothing was written
     * @throws IllegalArgumentException when the status is not {@code proposed}
     */
    ProposeOutcome proposeAssignment(Assignment proposal);

    /**
     * Moves an assignment on, as a compare-and-set: writes the status, times, outcome and sentiment of
     * {@code updated} only if an assignment with its id, employee and conversation is stored and its status is
     * still {@code expected}. Of concurrent updates expecting one status, at most one succeeds.
     *
     * @param updated  the new state of the assignment
     * @param expected the status it must have now
     * @return true when written; false when there is no such assignment or its status is no longer {@code expected}
     */
    boolean updateAssignment(Assignment updated, AssignmentStatus expected);

    /**
     * Each given employee's record as an advocate: assignments per status, resolved ones with a positive outcome,
     * median response time and when they were last asked (see {@link EngagementStats}). For matching's
     * credibility and fairness factors. Cost: one read of the assignments of the given employees.
     *
     * @param employeeIds employees
     * @return for each given employee that has any assignment, their figures; employees without are absent (see
     *         {@link EngagementStats#none})
     */
    Map<String, EngagementStats> engagementOf(Collection<String> employeeIds);

    /** @return every {@code CONNECTED_TO} tie that starts or ends at one of the given people */
    List<Tie> tiesOf(Collection<String> personIds);

    /**
     * The ties from one set of people to another: what a path search needs to learn which of many people are one
     * hop from a few, without reading every tie of the many. An adapter that can test the far end where it reads
     * the ties (in memory, in the query) should override this.
     *
     * @param personIds people whose ties are read
     * @param otherIds  the people the ties must lead to
     * @return every {@code CONNECTED_TO} tie with one end among {@code personIds} and the other among
     *         {@code otherIds}, each once
     */
    default List<Tie> tiesBetween(Collection<String> personIds, Set<String> otherIds) {
        Set<String> people = Set.copyOf(personIds);
        List<Tie> out = new java.util.ArrayList<>();
        for (Tie t : tiesOf(people)) {
            if (people.contains(t.fromId()) && otherIds.contains(t.toId())
                    || people.contains(t.toId()) && otherIds.contains(t.fromId())) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The audience of a set of people: who sees what they say. That is everyone with a tie of any kind
     * towards one of them, and everyone they have a mutual tie (not {@code follows}) with.
     *
     * @return ids of the audience; may include members of the input set
     */
    Set<String> audienceOf(Collection<String> personIds);

    /** @return ids of the employees who are members of the program */
    List<String> membersOf(String programId);

    /** @return ids of the employees who own the account */
    List<String> ownersOf(String accountId);

    /**
     * @param kind the kind of node
     * @param ids  candidate ids
     * @return those of the ids that exist as nodes of that kind
     */
    Set<String> existingIds(NodeKind kind, Collection<String> ids);

    /**
     * Streams every stored element of one record type, in batches of at most {@code batchSize}, ordered by the
     * element's key (id, or endpoints) so that exports are stable. The derived relationships BELONGS_TO,
     * AUTHORED and REPORTS_TO are not record types: they come back as the node properties they derive from.
     *
     * @param type      a record class, for example {@code Employee.class} or {@code Tie.class}
     * @param batchSize most elements per batch, at least 1
     * @param sink      receives each batch; the list may be reused after the call returns
     */
    <T extends GraphElement> void scan(Class<T> type, int batchSize, Consumer<List<T>> sink);

    /**
     * Streams every stored element of one record type like {@link #scan}, in batches of at most
     * {@code batchSize}, but in no particular order: for readers that do not need the key order (a projection, a
     * load into memory), which a store may then serve faster. The default is {@link #scan}.
     *
     * @param type      a record class
     * @param batchSize most elements per batch, at least 1
     * @param sink      receives each batch; the list may be reused after the call returns
     */
    default <T extends GraphElement> void scanUnordered(Class<T> type, int batchSize, Consumer<List<T>> sink) {
        scan(type, batchSize, sink);
    }

    /** Receives one tie of {@link #forEachTie}. */
    @FunctionalInterface
    interface TieVisitor {
        /**
         * @param fromId   the tie's start
         * @param toId     its end
         * @param kind     its kind
         * @param strength its strength, 0..1
         */
        void tie(String fromId, String toId, TieKind kind, double strength);
    }

    /**
     * Hands every {@code CONNECTED_TO} tie to the visitor, in no particular order, with what a projection of the
     * people graph needs (ends, kind, strength) and without building records: the same ties as
     * {@code scanUnordered(Tie.class, ...)}, which is the default, and which a store may serve faster.
     *
     * @param visitor receives each tie
     */
    default void forEachTie(TieVisitor visitor) {
        scanUnordered(Tie.class, 10_000, batch -> {
            for (Tie t : batch) {
                visitor.tie(t.fromId(), t.toId(), t.kind(), t.strength());
            }
        });
    }

    /** Receives one person of {@link #forEachPerson}. */
    @FunctionalInterface
    interface PersonVisitor {
        /**
         * @param id       the person's id
         * @param employee true for an employee, false for a customer
         * @param eligible for an employee, {@link Employee#eligible()}; false for a customer
         */
        void person(String id, boolean employee, boolean eligible);
    }

    /**
     * Hands every employee, then every customer, to the visitor, with what a projection of the people graph needs
     * (id, kind, eligibility) and without building records: the same people as {@code scanUnordered} of
     * {@link Employee} and {@link Customer}, which is the default, and which a store may serve faster.
     *
     * @param visitor receives each person
     */
    default void forEachPerson(PersonVisitor visitor) {
        scanUnordered(Employee.class, 10_000, batch -> {
            for (Employee e : batch) {
                visitor.person(e.id(), true, e.eligible());
            }
        });
        scanUnordered(Customer.class, 10_000, batch -> {
            for (Customer c : batch) {
                visitor.person(c.id(), false, false);
            }
        });
    }

    /** Receives one tie of {@link #forEachPersonAndTie}, its ends named by their number. */
    @FunctionalInterface
    interface NumberedTieVisitor {
        /**
         * @param from     the number of the tie's start: its place, from 0, in the order people were visited
         * @param to       that of its end
         * @param kind     its kind
         * @param strength its strength, 0..1
         */
        void tie(int from, int to, TieKind kind, double strength);
    }

    /**
     * Hands every person to {@code people} as {@link #forEachPerson} does, then every tie to {@code ties} as
     * {@link #forEachTie} does, its ends named by their number in the order people were visited, so that the
     * reader needs no index by id: a store that reads in-process can number the people by its own internal ids.
     * The default is the two passes above joined by an index of the ids. A tie whose end is not a person visited is
     * an error of the stored graph ({@link StoreException}).
     *
     * @param people receives each person first
     * @param ties   receives each tie after every person
     */
    default void forEachPersonAndTie(PersonVisitor people, NumberedTieVisitor ties) {
        Map<String, Integer> number = new HashMap<>();
        forEachPerson((id, employee, eligible) -> {
            number.put(id, number.size());
            people.person(id, employee, eligible);
        });
        forEachTie((fromId, toId, kind, strength) -> {
            Integer from = number.get(fromId);
            Integer to = number.get(toId);
            if (from == null || to == null) {
                throw new StoreException("a tie names " + (from == null ? fromId : toId)
                        + ", who is neither an employee nor a customer", false, null);
            }
            ties.tie(from, to, kind, strength);
        });
    }

    /**
     * Erases a person for a privacy request: removes the employee or customer with this id with every
     * relationship they have (ties, expertise, interests, participations, ownerships, memberships, assignments,
     * and the derived REPORTS_TO, BELONGS_TO and AUTHORED), and clears every property that holds their id as a
     * reference (an employee's {@code managerId}, a conversation's {@code authorId}), so that no trace of the id
     * remains. References are cleared even when the person itself was never written. Everything else stays: the
     * conversations they wrote, the accounts they belonged to, the people they reported to or managed. One
     * transaction where the store supports them.
     *
     * <p>Cost: the person's degree, plus finding the references: an index lookup on Neo4j, a scan of employees
     * and conversations on TinkerPop (privacy requests are rare).
     *
     * @param id a person id
     * @return true when the store held the person or a reference to them (and now holds neither); false when
     *         nothing in the store named that id as a person
     * @throws StoreException when the store fails; nothing is then removed on a transactional store
     */
    boolean deletePerson(String id);

    /** @return node counts per kind and relationship counts per type, keyed by their graph labels */
    Map<String, Long> counts();

    /** Releases connections; does not stop an embedded database (its owner does). */
    /**
     * Settings kept in the graph, so that every service instance sees the same (routing policies, for example):
     * small JSON documents by kind and id.
     *
     * @param kind what the documents are, for example {@code program-policy}
     * @return every document of that kind, by id
     */
    Map<String, String> documents(String kind);

    /**
     * Creates or replaces a document.
     *
     * @param kind what it is
     * @param id   whose it is
     * @param json the document
     */
    void putDocument(String kind, String id, String json);

    /** @return true when the document existed and was deleted */
    boolean deleteDocument(String kind, String id);

    /**
     * A cheap check for writes: a value that every write through any store object over the same graph changes, read
     * in one lookup. Stores whose {@link #counts()} are cheap (Neo4j keeps them) need none. Writes that bypass this
     * interface (a script of one's own against the graph) do not change it.
     *
     * @return the current value, or empty when the store keeps none
     */
    default Optional<String> changeToken() {
        return Optional.empty();
    }

    /**
     * @return how current the reads are when they come from a copy of the graph; empty when every read goes to
     *         the store of record
     */
    default Optional<Freshness> freshness() {
        return Optional.empty();
    }

    /**
     * Checks the arguments of {@link #assignmentsProposedBetween} and {@link #conversationsCreatedBetween}, so that
     * every adapter refuses the same ones.
     *
     * @param from  start of the period
     * @param to    end of the period
     * @param limit the bound
     * @throws IllegalArgumentException when a time is missing, {@code to} is before {@code from}, or the limit is
     *                                  below 1
     */
    static void checkPeriod(Instant from, Instant to, int limit) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("need from <= to, was " + from + " .. " + to);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    @Override
    void close();
}
