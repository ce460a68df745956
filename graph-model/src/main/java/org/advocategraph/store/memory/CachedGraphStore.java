package org.advocategraph.store.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.Topic;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.EngagementStats;
import org.advocategraph.store.Freshness;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.ProposeOutcome;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.WeightedId;

/**
 * A {@link GraphStore} that answers the service's reads from an in-memory copy of the whole graph and writes
 * through to the store it wraps: a match needs a dozen reads, which from memory take microseconds instead of a
 * network round trip each.
 *
 * <p>Fresh, never silently stale: every write through this store goes to the underlying store first, then, under
 * the same lock, into memory, so readers never see memory ahead of the store. Writes by other processes (an
 * import into a shared Neo4j server) are found by {@link #refreshIfChanged()}, which compares the store's counts
 * with memory's and reloads when they differ; {@link #reload()} reloads unconditionally; {@link #freshness()}
 * tells every answer how old its copy is. Scans, counts and schema go to the underlying store.
 *
 * <p>Memory: about 150 bytes per node and 300 per relationship (the 100,000-person generated graph, 1.1 million
 * elements, in about 250 MB).
 */
public final class CachedGraphStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(CachedGraphStore.class);
    /** Every record type, nodes first: the order a reload reads them in. */
    private static final List<Class<? extends GraphElement>> TYPES = List.of(Employee.class, Customer.class,
            Account.class, Topic.class, Program.class, Conversation.class, Expertise.class, Interest.class,
            SubtopicOf.class, Tie.class, Participation.class, About.class, AccountOwnership.class, Membership.class,
            Assignment.class);
    private static final int LOAD_BATCH = 10_000;

    /** Checks for outside writes between two that compare the counts even though the change token stayed. */
    static final int FULL_CHECK_EVERY = 10;

    private final GraphStore store;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastToken;
    private MemoryGraph graph;
    private volatile Freshness freshness;

    /**
     * Wraps a store and reads the whole graph from it.
     *
     * @param store the store of record
     */
    public CachedGraphStore(GraphStore store) {
        this.store = Objects.requireNonNull(store, "store");
        reload();
    }

    /** Reads the whole graph from the store again, replacing the in-memory copy in one step. */
    public void reload() {
        long started = System.nanoTime();
        // Writes wait while the store is read, so that none falls between the read and the swap.
        lock.writeLock().lock();
        try {
            MemoryGraph fresh = new MemoryGraph();
            long[] elements = {0};
            for (Class<? extends GraphElement> type : TYPES) {
                store.scanUnordered(type, LOAD_BATCH, batch -> {
                    fresh.apply(batch);
                    elements[0] += batch.size();
                });
            }
            graph = fresh;
            double seconds = (System.nanoTime() - started) / 1e9;
            freshness = new Freshness(Instant.now(), seconds, null, elements[0], 0);
            LOG.info("Loaded {} nodes and relationships into memory in {} s", elements[0],
                    String.format(java.util.Locale.ROOT, "%.1f", seconds));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Reloads when the store's counts differ from memory's: another process wrote to the store. Where the store keeps
     * a {@link GraphStore#changeToken() change token} (a graph whose counts cost a scan), the counts are compared only
     * when the token moved since the last check, or at every {@value #FULL_CHECK_EVERY}th check (for writes that
     * bypass the store's interface).
     *
     * @return true when it reloaded
     */
    public boolean refreshIfChanged() {
        // Read before the counts: a write between the two is seen now or at the next check, never missed.
        Optional<String> token = store.changeToken();
        int check = checks.incrementAndGet();
        if (token.isPresent() && token.get().equals(lastToken) && check % FULL_CHECK_EVERY != 0) {
            return false;
        }
        lastToken = token.orElse(null);
        Map<String, Long> stored = store.counts();
        Map<String, Long> held = read(graph::counts);
        for (var entry : held.entrySet()) {
            if (!entry.getValue().equals(stored.getOrDefault(entry.getKey(), 0L))) {
                LOG.info("The store changed outside this service ({}: {} stored, {} in memory); reloading",
                        entry.getKey(), stored.get(entry.getKey()), entry.getValue());
                reload();
                return true;
            }
        }
        return false;
    }

    /** {@inheritDoc} The store of record's: writes go through to it. */
    @Override
    public Optional<String> changeToken() {
        return store.changeToken();
    }

    @Override
    public Optional<Freshness> freshness() {
        return Optional.of(freshness);
    }

    @Override
    public String describe() {
        return store.describe() + ", read from memory";
    }

    @Override
    public void ensureSchema() {
        store.ensureSchema();
    }

    @Override
    public UpsertResult upsert(List<? extends GraphElement> elements) {
        return write(() -> store.upsert(elements), elements);
    }

    @Override
    public UpsertResult insertNew(List<? extends GraphElement> elements) {
        return write(() -> store.insertNew(elements), elements);
    }

    private UpsertResult write(Supplier<UpsertResult> toStore, List<? extends GraphElement> elements) {
        lock.writeLock().lock();
        try {
            UpsertResult result = toStore.get();
            graph.apply(elements);
            wrote();
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void wrote() {
        Freshness f = freshness;
        freshness = new Freshness(f.loadedAt(), f.loadSeconds(), Instant.now(), f.elements(), f.writes() + 1);
    }

    // ------------------------------------------------------------------ reads from memory

    private <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<Employee> employee(String id) {
        return read(() -> graph.employee(id));
    }

    @Override
    public List<Employee> employees(Collection<String> ids) {
        return read(() -> graph.employees(ids));
    }

    @Override
    public Optional<Customer> customer(String id) {
        return read(() -> graph.customer(id));
    }

    @Override
    public List<Topic> topics(Collection<String> ids) {
        return read(() -> graph.topics(ids));
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        return read(() -> graph.conversation(id));
    }

    @Override
    public List<Conversation> conversationsWithStatus(Collection<org.advocategraph.model.ConversationStatus> statuses) {
        return read(() -> graph.conversationsWithStatus(statuses));
    }

    @Override
    public Optional<Program> program(String id) {
        return read(() -> graph.program(id));
    }

    @Override
    public List<WeightedId> interestsOf(String customerId) {
        return read(() -> graph.interestsOf(customerId));
    }

    @Override
    public List<WeightedId> topicsOf(String conversationId) {
        return read(() -> graph.topicsOf(conversationId));
    }

    @Override
    public List<String> participantsOf(String conversationId) {
        return read(() -> graph.participantsOf(conversationId));
    }

    @Override
    public List<SubtopicOf> topicLinks(Collection<String> topicIds) {
        return read(() -> graph.topicLinks(topicIds));
    }

    @Override
    public List<Expertise> expertiseIn(Collection<String> topicIds) {
        return read(() -> graph.expertiseIn(topicIds));
    }

    @Override
    public Map<String, Integer> openAssignments(Collection<String> employeeIds) {
        return read(() -> graph.openAssignments(employeeIds));
    }

    @Override
    public boolean deletePerson(String id) {
        lock.writeLock().lock();
        try {
            boolean found = store.deletePerson(id);
            graph.deletePerson(id);
            wrote();
            return found;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Account> account(String id) {
        return read(() -> graph.account(id));
    }

    @Override
    public Optional<Assignment> assignment(String id) {
        return read(() -> graph.assignment(id));
    }

    @Override
    public List<Assignment> assignments(AssignmentQuery query) {
        return read(() -> graph.assignments(query));
    }

    @Override
    public List<Assignment> assignmentsProposedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read(() -> graph.assignmentsProposedBetween(from, to, limit));
    }

    @Override
    public List<Conversation> conversationsCreatedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read(() -> graph.conversationsCreatedBetween(from, to, limit));
    }

    @Override
    public ProposeOutcome proposeAssignment(Assignment proposal) {
        lock.writeLock().lock();
        try {
            ProposeOutcome outcome = store.proposeAssignment(proposal);
            if (outcome == ProposeOutcome.CREATED) {
                graph.apply(List.of(proposal));
                wrote();
            }
            return outcome;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean updateAssignment(Assignment updated, AssignmentStatus expected) {
        lock.writeLock().lock();
        try {
            boolean written = store.updateAssignment(updated, expected);
            if (written) {
                graph.apply(List.of(updated));
                wrote();
            }
            return written;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Map<String, EngagementStats> engagementOf(Collection<String> employeeIds) {
        return read(() -> graph.engagementOf(employeeIds));
    }

    @Override
    public List<Tie> tiesOf(Collection<String> personIds) {
        return read(() -> graph.tiesOf(personIds));
    }

    @Override
    public List<Tie> tiesBetween(Collection<String> personIds, Set<String> otherIds) {
        return read(() -> graph.tiesBetween(personIds, otherIds));
    }

    @Override
    public Set<String> audienceOf(Collection<String> personIds) {
        return read(() -> graph.audienceOf(personIds));
    }

    @Override
    public List<String> membersOf(String programId) {
        return read(() -> graph.membersOf(programId));
    }

    @Override
    public List<String> ownersOf(String accountId) {
        return read(() -> graph.ownersOf(accountId));
    }

    @Override
    public Set<String> existingIds(NodeKind kind, Collection<String> ids) {
        return read(() -> graph.existingIds(kind, ids));
    }

    // ------------------------------------------------------------------ from the store

    @Override
    public <T extends GraphElement> void scan(Class<T> type, int batchSize, Consumer<List<T>> sink) {
        store.scan(type, batchSize, sink);
    }

    @Override
    public void forEachTie(TieVisitor visitor) {
        store.forEachTie(visitor);
    }

    @Override
    public void forEachPerson(PersonVisitor visitor) {
        store.forEachPerson(visitor);
    }

    @Override
    public void forEachPersonAndTie(PersonVisitor people, NumberedTieVisitor ties) {
        store.forEachPersonAndTie(people, ties);
    }

    @Override
    public <T extends GraphElement> void scanUnordered(Class<T> type, int batchSize, Consumer<List<T>> sink) {
        store.scanUnordered(type, batchSize, sink);
    }

    @Override
    public Map<String, String> documents(String kind) {
        return store.documents(kind);
    }

    @Override
    public void putDocument(String kind, String id, String json) {
        store.putDocument(kind, id, json);
    }

    @Override
    public boolean deleteDocument(String kind, String id) {
        return store.deleteDocument(kind, id);
    }

    @Override
    public Map<String, Long> counts() {
        return store.counts();
    }

    @Override
    public void close() {
        store.close();
    }
}
