package org.advocategraph.store.tinkerpop;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.Account;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Assignment;
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
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.EngagementStats;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.ProposeOutcome;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.WeightedId;
import org.apache.tinkerpop.gremlin.process.remote.traversal.strategy.decoration.RemoteStrategy;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Transaction;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.tinkergraph.structure.TinkerGraph;

/**
 * The {@link GraphStore} port over Apache TinkerPop, through bytecode traversals only, so that the same class
 * serves an in-memory TinkerGraph ({@link #inMemory()}), an embedded JanusGraph ({@link #janusGraph}) or any
 * Gremlin Server, JanusGraph Server included ({@link #remote}).
 *
 * <p>Storage: vertex labels {@code Employee}, {@code Customer}, {@code Account}, {@code Topic},
 * {@code Conversation}, {@code Program}, with the external id in property {@code uid}; edge labels as in the
 * port, plus {@code BELONGS_TO}, {@code AUTHORED} and {@code REPORTS_TO} mirroring the reference properties
 * {@code Customer.accountId}, {@code Conversation.authorId} and {@code Employee.managerId}. Lists and sets are
 * one string joined with U+001F, instants epoch milliseconds, enums their lower-case key; a null is an absent
 * property. Vertex properties are written with single cardinality.
 *
 * <p>Transactions: when the graph supports them, one {@link #upsert} call is one transaction: a thread-bound one in
 * process (JanusGraph), a remote one ({@code g.tx()} over a session) on a server whose graph has them (JanusGraph,
 * {@code TinkerTransactionGraph}). Otherwise (TinkerGraph, in memory or on a server) every relationship endpoint is
 * checked before anything is written, so a call only writes part of its elements when the graph itself fails
 * mid-way; the {@link StoreException} then says so.
 *
 * <p>Cost: a lookup by external id is one {@code has("uid", x)} traversal, which needs an index on {@code uid}
 * (vertices, and edges for assignments) to be cheap: {@link #inMemory()} creates TinkerGraph's, JanusGraph gets its
 * composite indexes from {@link JanusGraphSchema}; a TinkerGraph on a server must have them from the server's
 * start-up script. Writes go in batches of 10,000 rows per traversal; against a server, also of at most the request
 * size it accepts ({@link GremlinSettings#maxContentLength()}), so never one round trip per element.
 *
 * <p>Thread-safe: reads share a lock, every write (an upsert, a proposal, an assignment update) takes it
 * exclusively (TinkerGraph's adjacency lists are not safe to read while they change). The assignment operations
 * check and write under that one exclusive lock, which makes them atomic within this process.
 */
public final class TinkerPopGraphStore implements GraphStore {

    /** Most anchors read by one scan traversal, as many as rows in one write traversal. */
    private static final int SCAN_FETCH = UpsertWriter.BATCH;
    /** Start vertices in the first read of a relationship scan, before their degree is known. */
    private static final int SCAN_PROBE = 256;

    private static final Object[] OPEN_STATUSES = {AssignmentStatus.PROPOSED.key(), AssignmentStatus.ACCEPTED.key(),
            AssignmentStatus.RESPONDED.key()};

    /** How the graph behind the traversal source takes transactions. */
    enum Transactions {
        /** None: writes apply as they go (TinkerGraph). */
        NONE,
        /** Thread-bound, in process: reads open one too, which is rolled back after each read (JanusGraph). */
        THREAD,
        /** Remote, over a session per write ({@code g.tx()} on a remote source); reads go without a session. */
        REMOTE
    }

    /** Kind and id of the document that holds the change token. */
    private static final String CHANGE_KIND = "advocates.store";
    private static final String CHANGE_ID = "changed";

    private final GraphTraversalSource g;
    private final String description;
    private final Transactions transactions;
    private final Batching batching;
    private final Runnable schema;
    private final AutoCloseable owned;
    /** Whether the graph answers {@code has(uid, within(...))} from an index (JanusGraph's composite indexes). */
    private final boolean indexedWithin;
    private final VertexHints hints = new VertexHints();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Uses a graph owned by the caller; {@link #close()} leaves it open. The traversal source must be over a graph
     * in this process: a remote one is opened with {@link #remote}.
     *
     * @param g           the traversal source to read and write through
     * @param description a short description for logs, without secrets, for example {@code janusgraph (cql)}
     */
    public TinkerPopGraphStore(GraphTraversalSource g, String description) {
        this(g, description, localTransactions(g), Batching.LOCAL, () -> {
        }, null, g.getGraph().getClass().getName().startsWith("org.janusgraph."));
    }

    TinkerPopGraphStore(GraphTraversalSource g, String description, Transactions transactions, Batching batching,
                        Runnable schema, AutoCloseable owned, boolean indexedWithin) {
        this.g = Objects.requireNonNull(g, "g");
        this.description = Objects.requireNonNull(description, "description");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.batching = Objects.requireNonNull(batching, "batching");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.owned = owned;
        this.indexedWithin = indexedWithin;
    }

    /** @return how a traversal source over a graph in this process takes transactions */
    static Transactions localTransactions(GraphTraversalSource g) {
        if (g.getStrategies().getStrategy(RemoteStrategy.class).isPresent()) {
            throw new IllegalArgumentException("a remote traversal source is opened with TinkerPopGraphStore.remote");
        }
        return g.getGraph().features().graph().supportsTransactions() ? Transactions.THREAD : Transactions.NONE;
    }

    /**
     * Opens a store over a fresh, empty in-memory TinkerGraph, with its indexes created; closing the store
     * discards the graph.
     *
     * @return the store
     */
    public static TinkerPopGraphStore inMemory() {
        TinkerGraph graph = TinkerGraph.open();
        Runnable indexes = () -> {
            if (!graph.getIndexedKeys(Vertex.class).contains(Schema.UID)) {
                graph.createIndex(Schema.UID, Vertex.class);
            }
            // Assignments are looked up by their own id.
            if (!graph.getIndexedKeys(Edge.class).contains(Schema.UID)) {
                graph.createIndex(Schema.UID, Edge.class);
            }
        };
        TinkerPopGraphStore store = new TinkerPopGraphStore(graph.traversal(), "tinkergraph (in memory)",
                Transactions.NONE, Batching.LOCAL, indexes, graph, false);
        store.ensureSchema();
        return store;
    }

    /**
     * Connects to a Gremlin Server (JanusGraph Server included) and checks that it answers, with one round trip, and
     * whether its graph takes transactions, with another. Closing the store closes the connection. The schema is
     * created by {@link #ensureSchema()}: on JanusGraph ({@link GremlinSettings#janusGraph()}) through its management
     * API on the server; on any other server nothing is created (see the class comment on indexes).
     *
     * @param settings where the server is
     * @return the store
     * @throws StoreException naming the server (never the password) when it cannot be reached, refuses the
     *                        credentials or does not bind the traversal source; nothing is left open
     */
    public static TinkerPopGraphStore remote(GremlinSettings settings) {
        return RemoteGremlin.open(settings);
    }

    /**
     * Opens an embedded JanusGraph from its properties file ({@code storage.backend=cql}, {@code hbase},
     * {@code berkeleyje}, {@code inmemory}, ...; the backend's jar must be on the class path). Closing the store
     * closes the graph. {@link #ensureSchema()} creates the schema this store needs, or fails listing every
     * conflict with the one there.
     *
     * @param properties the graph's configuration file
     * @return the store
     * @throws StoreException naming the file when the graph cannot be opened
     */
    public static TinkerPopGraphStore janusGraph(Path properties) {
        return EmbeddedJanusGraph.open(Objects.requireNonNull(properties, "properties"));
    }

    /**
     * Opens a fresh, empty JanusGraph in memory (its {@code inmemory} backend); closing the store discards it.
     *
     * @return the store, its schema not yet created ({@link #ensureSchema()})
     */
    public static TinkerPopGraphStore janusGraphInMemory() {
        return EmbeddedJanusGraph.open(null);
    }

    @Override
    public String describe() {
        return description;
    }

    /**
     * Creates the indexes of an in-memory TinkerGraph, or the schema of a JanusGraph (see {@link JanusGraphSchema});
     * does nothing for another graph.
     *
     * @throws StoreException listing every conflict when a JanusGraph holds a schema that does not fit this store's
     */
    @Override
    public void ensureSchema() {
        lock.writeLock().lock();
        try {
            schema.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public UpsertResult upsert(List<? extends GraphElement> elements) {
        Objects.requireNonNull(elements, "elements");
        for (GraphElement e : elements) {
            if (e == null) {
                throw new IllegalArgumentException("elements must not contain null");
            }
        }
        if (elements.isEmpty()) {
            return UpsertResult.empty();
        }
        List<UpsertWriter> writer = new ArrayList<>(1);
        UpsertResult result = write("upsert into", source -> {
            writer.add(writer(source));
            return writer.get(0).write(elements);
        });
        // Committed: what the call found or wrote spares later calls a lookup by external id.
        hints.learn(writer.get(0).learnt());
        return result;
    }

    private UpsertWriter writer(GraphTraversalSource source) {
        return new UpsertWriter(source, batching, hints, indexedWithin,
                batching.bySize() && transactions == Transactions.NONE && !indexedWithin);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On a graph without transactions the references are cleared before the person is dropped, so a failure
     * part-way leaves the person findable and the request can be repeated.
     */
    @Override
    public boolean deletePerson(String id) {
        if (id == null || id.isBlank()) {
            return false;
        }
        hints.clear();
        return write("delete a person from", source -> {
            boolean found = false;
            for (DerivedEdge d : DerivedEdge.values()) {
                if (d.target == NodeKind.PERSON || d.target == NodeKind.EMPLOYEE || d.target == NodeKind.CUSTOMER) {
                    List<Object> owners = source.V().hasLabel(d.ownerLabel).has(d.key, id).id().toList();
                    for (List<Object> chunk : batching.split(owners)) {
                        source.V(chunk.toArray()).properties(d.key).drop().iterate();
                        found = true;
                    }
                }
            }
            // Dropping a vertex drops its edges, the derived ones included.
            List<Object> people = source.V().has(Schema.UID, id).hasLabel(Schema.EMPLOYEE, Schema.CUSTOMER).id().toList();
            if (!people.isEmpty()) {
                source.V(people.toArray()).drop().iterate();
                found = true;
            }
            return found;
        });
    }

    /**
     * Runs one write under the exclusive lock, in one transaction when the graph has them. {@code what} starts
     * the message of a failure, for example {@code upsert into}.
     */
    private <R> R write(String what, Function<GraphTraversalSource, R> work) {
        lock.writeLock().lock();
        try {
            return transactions == Transactions.NONE ? directly(what, work) : inTransaction(what, work);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <R> R inTransaction(String what, Function<GraphTraversalSource, R> work) {
        Transaction tx = g.tx();
        try {
            GraphTraversalSource gtx = tx.begin();
            stamp(gtx);
            R result = work.apply(gtx);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            try {
                if (tx.isOpen()) {
                    tx.rollback();
                }
            } catch (RuntimeException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException(what + " " + description + " failed and was rolled back: " + message(e), false, e);
        }
    }

    private <R> R directly(String what, Function<GraphTraversalSource, R> work) {
        try {
            stamp(g);
            return work.apply(g);
        } catch (RuntimeException e) {
            throw new StoreException(what + " " + description
                    + " failed part-way (this graph has no transactions: what was written stays): " + message(e),
                    false, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One traversal lists the ids of the elements that lead the key (the nodes, the start vertices of the
     * relationships, or the assignment edges) in key order; then each run of them is read by id and sorted by the
     * whole key. So the scan holds one id per anchor, never the records, and the lock is only held while a
     * traversal runs: the sink may take its time, and even write to this store. Elements added during a scan
     * whose anchor was not listed yet are not returned. Keys are ordered by code point, as Cypher orders them.
     *
     * <p>Cost: one pass over the anchors, reading their ids and keys, sorting them by code point (as Cypher orders),
     * O(n log n) once, then one traversal per run of at most 10,000 anchors.
     */
    @Override
    public <T extends GraphElement> void scan(Class<T> type, int batchSize, Consumer<List<T>> sink) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        Objects.requireNonNull(sink, "sink");
        RecordScan scan = RecordScan.of(type);
        List<Object> anchors = read(() -> scan.anchors(g));
        int target = Math.min(batchSize, SCAN_FETCH);
        // Relationships per start vertex vary widely: probe with a few anchors, then aim each read at one batch.
        int fetch = scan.oneRecordPerAnchor() ? target : Math.min(target, SCAN_PROBE);
        long recordsRead = 0;
        List<T> batch = new ArrayList<>(target);
        int from = 0;
        while (from < anchors.size()) {
            List<Object> run = anchors.subList(from, Math.min(anchors.size(), from + fetch));
            from += run.size();
            // A server takes a bounded request: a run is read in parts, each in key order, so the records stay in order.
            List<GraphElement> records = new ArrayList<>();
            for (List<Object> part : batching.split(run)) {
                records.addAll(read(() -> scan.fetch(g, part)));
            }
            for (GraphElement record : records) {
                batch.add(type.cast(record));
                if (batch.size() == batchSize) {
                    sink.accept(batch);
                    batch = new ArrayList<>(target);
                }
            }
            recordsRead += records.size();
            if (!scan.oneRecordPerAnchor()) {
                double perAnchor = Math.max(1.0, (double) recordsRead / from);
                fetch = (int) Math.max(1, Math.min(SCAN_FETCH, target / perAnchor));
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    @Override
    public Optional<Employee> employee(String id) {
        return one(Schema.EMPLOYEE, id).map(Codec::employee);
    }

    @Override
    public List<Employee> employees(Collection<String> ids) {
        return many(Schema.EMPLOYEE, ids, Codec::employee);
    }

    @Override
    public Optional<Customer> customer(String id) {
        return one(Schema.CUSTOMER, id).map(Codec::customer);
    }

    @Override
    public Optional<Account> account(String id) {
        return one(Schema.ACCOUNT, id).map(Codec::account);
    }

    @Override
    public List<Topic> topics(Collection<String> ids) {
        return many(Schema.TOPIC, ids, Codec::topic);
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        return one(Schema.CONVERSATION, id).map(Codec::conversation);
    }

    @Override
    public List<Conversation> conversationsWithStatus(Collection<ConversationStatus> statuses) {
        List<String> keys = statuses.stream().map(ConversationStatus::key).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return read(() -> {
            List<Conversation> out = new ArrayList<>();
            for (Map<Object, Object> m : g.V().hasLabel(Schema.CONVERSATION).has(Schema.STATUS, P.within(keys))
                    .elementMap().toList()) {
                out.add(Codec.conversation(m));
            }
            out.sort(java.util.Comparator.comparing(Conversation::id));
            return out;
        });
    }

    @Override
    public Optional<Program> program(String id) {
        return one(Schema.PROGRAM, id).map(Codec::program);
    }

    @Override
    public List<WeightedId> interestsOf(String customerId) {
        return weighted(Schema.CUSTOMER, customerId, Schema.INTERESTED_IN);
    }

    @Override
    public List<WeightedId> topicsOf(String conversationId) {
        return weighted(Schema.CONVERSATION, conversationId, Schema.ABOUT);
    }

    @Override
    public List<String> participantsOf(String conversationId) {
        return neighbours(Schema.CONVERSATION, conversationId, v -> v.in(Schema.PARTICIPATED_IN));
    }

    @Override
    public List<SubtopicOf> topicLinks(Collection<String> topicIds) {
        return read(() -> {
            Set<SubtopicOf> links = new LinkedHashSet<>();
            for (String id : distinct(topicIds)) {
                for (Map<String, Object> m : vertex(Schema.TOPIC, id).bothE(Schema.SUBTOPIC_OF)
                        .<Object>project("child", "parent").by(__.outV().values(Schema.UID))
                        .by(__.inV().values(Schema.UID)).toList()) {
                    links.add(new SubtopicOf((String) m.get("child"), (String) m.get("parent")));
                }
            }
            return new ArrayList<>(links);
        });
    }

    @Override
    public List<Expertise> expertiseIn(Collection<String> topicIds) {
        return read(() -> {
            List<Expertise> out = new ArrayList<>();
            for (String id : distinct(topicIds)) {
                for (Map<String, Object> m : vertex(Schema.TOPIC, id).inE(Schema.EXPERT_IN)
                        .<Object>project("e", "p").by(__.outV().values(Schema.UID)).by(__.valueMap()).toList()) {
                    out.add(Codec.expertise((String) m.get("e"), id, (Map<?, ?>) m.get("p")));
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Integer> openAssignments(Collection<String> employeeIds) {
        return read(() -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String id : distinct(employeeIds)) {
                long open = vertex(Schema.EMPLOYEE, id).outE(Schema.ASSIGNED_TO)
                        .has(Schema.STATUS, P.within(OPEN_STATUSES)).count().next();
                if (open > 0) {
                    out.put(id, Math.toIntExact(open));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Assignment> assignment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return read(() -> assignments(g.E().has(Schema.UID, id).hasLabel(Schema.ASSIGNED_TO)).stream().findFirst());
    }

    @Override
    public List<Assignment> assignments(AssignmentQuery query) {
        Objects.requireNonNull(query, "query");
        return read(() -> {
            GraphTraversal<?, Edge> edges;
            if (query.conversationId() != null) {
                edges = vertex(Schema.CONVERSATION, query.conversationId()).inE(Schema.ASSIGNED_TO);
            } else if (query.employeeId() != null) {
                edges = vertex(Schema.EMPLOYEE, query.employeeId()).outE(Schema.ASSIGNED_TO);
            } else {
                edges = g.E().hasLabel(Schema.ASSIGNED_TO);
            }
            if (query.status() != null) {
                edges = edges.has(Schema.STATUS, query.status().key());
            }
            return assignments(edges).stream().filter(query::matches).sorted(AssignmentQuery.ORDER)
                    .limit(query.limit()).toList();
        });
    }

    @Override
    public List<Assignment> assignmentsProposedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read(() -> assignments(g.E().hasLabel(Schema.ASSIGNED_TO)
                .has(Schema.ASSIGNED_AT, P.gte(from.toEpochMilli())).has(Schema.ASSIGNED_AT, P.lt(to.toEpochMilli())))
                .stream().sorted(AssignmentQuery.ORDER).limit(limit).toList());
    }

    @Override
    public List<Conversation> conversationsCreatedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read(() -> {
            List<Conversation> out = new ArrayList<>();
            for (Map<Object, Object> m : g.V().hasLabel(Schema.CONVERSATION)
                    .has(Schema.CREATED_AT, P.gte(from.toEpochMilli())).has(Schema.CREATED_AT, P.lt(to.toEpochMilli()))
                    .elementMap().toList()) {
                out.add(Codec.conversation(m));
            }
            out.sort(java.util.Comparator.comparing(Conversation::createdAt).reversed().thenComparing(Conversation::id));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>The check and the write happen under this store's exclusive lock (and in one transaction where the graph
     * has them), which makes them atomic among the users of this store object. Several processes writing to one
     * shared graph (a Gremlin Server, JanusGraph) are not serialized by it.
     */
    @Override
    public ProposeOutcome proposeAssignment(Assignment proposal) {
        if (proposal.status() != AssignmentStatus.PROPOSED) {
            throw new IllegalArgumentException("a proposal must be in status proposed, was " + proposal.status().key());
        }
        return write("propose assignment in", source -> {
            if (!source.V().has(Schema.UID, proposal.conversationId()).hasLabel(Schema.CONVERSATION).hasNext()) {
                return ProposeOutcome.UNKNOWN_CONVERSATION;
            }
            if (!source.V().has(Schema.UID, proposal.employeeId()).hasLabel(Schema.EMPLOYEE).hasNext()) {
                return ProposeOutcome.UNKNOWN_EMPLOYEE;
            }
            if (source.E().has(Schema.UID, proposal.id()).hasLabel(Schema.ASSIGNED_TO).hasNext()) {
                return ProposeOutcome.ID_TAKEN;
            }
            if (source.V().has(Schema.UID, proposal.conversationId()).hasLabel(Schema.CONVERSATION)
                    .inE(Schema.ASSIGNED_TO).has(Schema.STATUS, P.within(OPEN_STATUSES)).hasNext()) {
                return ProposeOutcome.CONVERSATION_BUSY;
            }
            writer(source).write(List.of(proposal));
            return ProposeOutcome.CREATED;
        });
    }

    /** {@inheritDoc} Atomic among the users of this store object, as {@link #proposeAssignment} is. */
    @Override
    public boolean updateAssignment(Assignment updated, AssignmentStatus expected) {
        Objects.requireNonNull(expected, "expected");
        return write("update assignment in", source -> {
            Optional<Assignment> current = assignments(source.E().has(Schema.UID, updated.id())
                    .hasLabel(Schema.ASSIGNED_TO)).stream().findFirst();
            if (current.isEmpty() || current.get().status() != expected
                    || !current.get().employeeId().equals(updated.employeeId())
                    || !current.get().conversationId().equals(updated.conversationId())) {
                return false;
            }
            writer(source).write(List.of(updated));
            return true;
        });
    }

    @Override
    public Map<String, EngagementStats> engagementOf(Collection<String> employeeIds) {
        return read(() -> {
            Map<String, EngagementStats> out = new LinkedHashMap<>();
            for (String id : distinct(employeeIds)) {
                EngagementStats.Tally tally = null;
                for (Map<Object, Object> p : vertex(Schema.EMPLOYEE, id).outE(Schema.ASSIGNED_TO).valueMap().toList()) {
                    Object sentiment = p.get(Schema.SENTIMENT_AFTER);
                    tally = tally == null ? new EngagementStats.Tally(id) : tally;
                    tally.add(AssignmentStatus.parse(Schema.STATUS, Codec.str(p, Schema.STATUS)),
                            Codec.instant(p, Schema.ASSIGNED_AT), Codec.instant(p, Schema.RESPONDED_AT),
                            sentiment == null ? null : Codec.num(p, Schema.SENTIMENT_AFTER).doubleValue());
                }
                if (tally != null) {
                    out.put(id, tally.build());
                }
            }
            return out;
        });
    }

    private static List<Assignment> assignments(GraphTraversal<?, Edge> edges) {
        List<Assignment> out = new ArrayList<>();
        for (Map<String, Object> m : edges.<Object>project("f", "t", "p").by(__.outV().values(Schema.UID))
                .by(__.inV().values(Schema.UID)).by(__.valueMap()).toList()) {
            out.add(Codec.assignment((String) m.get("f"), (String) m.get("t"), (Map<?, ?>) m.get("p")));
        }
        return out;
    }

    @Override
    public List<Tie> tiesOf(Collection<String> personIds) {
        return read(() -> {
            Set<Tie> ties = new LinkedHashSet<>();
            for (String id : distinct(personIds)) {
                for (Map<String, Object> m : person(id).bothE(Schema.CONNECTED_TO)
                        .<Object>project("f", "t", "p").by(__.outV().values(Schema.UID))
                        .by(__.inV().values(Schema.UID)).by(__.valueMap()).toList()) {
                    ties.add(Codec.tie((String) m.get("f"), (String) m.get("t"), (Map<?, ?>) m.get("p")));
                }
            }
            return new ArrayList<>(ties);
        });
    }

    @Override
    public Set<String> audienceOf(Collection<String> personIds) {
        return read(() -> {
            Set<String> audience = new LinkedHashSet<>();
            for (String id : distinct(personIds)) {
                // Whoever has a tie towards the person sees them; someone the person only follows does not.
                person(id).in(Schema.CONNECTED_TO).values(Schema.UID)
                        .forEachRemaining(uid -> audience.add((String) uid));
                person(id).outE(Schema.CONNECTED_TO).has(Schema.KIND, P.neq(TieKind.FOLLOWS.key())).inV()
                        .values(Schema.UID).forEachRemaining(uid -> audience.add((String) uid));
            }
            return audience;
        });
    }

    @Override
    public List<String> membersOf(String programId) {
        return neighbours(Schema.PROGRAM, programId, v -> v.in(Schema.MEMBER_OF).hasLabel(Schema.EMPLOYEE));
    }

    @Override
    public List<String> ownersOf(String accountId) {
        return neighbours(Schema.ACCOUNT, accountId, v -> v.in(Schema.OWNS_ACCOUNT).hasLabel(Schema.EMPLOYEE));
    }

    @Override
    public Set<String> existingIds(NodeKind kind, Collection<String> ids) {
        Objects.requireNonNull(kind, "kind");
        return read(() -> {
            Set<String> out = new LinkedHashSet<>();
            String[] labels = Schema.labels(kind);
            for (String id : distinct(ids)) {
                if (g.V().has(Schema.UID, id).hasLabel(labels[0], rest(labels)).hasNext()) {
                    out.add(id);
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, Long> counts() {
        return read(() -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String label : Schema.NODE_LABELS) {
                out.put(label, 0L);
            }
            for (String label : Schema.EDGE_LABELS) {
                out.put(label, 0L);
            }
            g.V().groupCount().by(T.label).next().forEach((label, n) -> out.computeIfPresent(label.toString(), (k, v) -> n));
            g.E().groupCount().by(T.label).next().forEach((label, n) -> out.put(label.toString(), n));
            return out;
        });
    }

    @Override
    public Map<String, String> documents(String kind) {
        return read(() -> {
            Map<String, String> out = new java.util.TreeMap<>();
            for (Map<String, Object> m : g.V().hasLabel(Schema.DOCUMENT).has(Schema.KIND, kind)
                    .<Object>project("id", "json").by(Schema.DOC_ID).by(Schema.JSON).toList()) {
                out.put((String) m.get("id"), (String) m.get("json"));
            }
            return out;
        });
    }

    @Override
    public void putDocument(String kind, String id, String json) {
        writeDocument(gt -> document(gt, kind, id, json));
    }

    private static void document(GraphTraversalSource gt, String kind, String id, String json) {
        String key = kind + "/" + id;
        gt.V().hasLabel(Schema.DOCUMENT).has(Schema.UID, key).fold()
                .coalesce(__.unfold(), __.addV(Schema.DOCUMENT).property(Schema.UID, key))
                .property(VertexProperty.Cardinality.single, Schema.KIND, kind)
                .property(VertexProperty.Cardinality.single, Schema.DOC_ID, id)
                .property(VertexProperty.Cardinality.single, Schema.JSON, json).iterate();
    }

    /**
     * Moves the change token, first thing in a write (in its transaction, if any): a lookup by property after a
     * JanusGraph transaction's writes would scan them.
     */
    private static void stamp(GraphTraversalSource gt) {
        document(gt, CHANGE_KIND, CHANGE_ID, java.util.UUID.randomUUID().toString());
    }

    /** {@inheritDoc} Here a document every write through a store object of this class rewrites, first. */
    @Override
    public Optional<String> changeToken() {
        return read(() -> g.V().hasLabel(Schema.DOCUMENT).has(Schema.UID, CHANGE_KIND + "/" + CHANGE_ID)
                .<String>values(Schema.JSON).tryNext());
    }

    @Override
    public boolean deleteDocument(String kind, String id) {
        boolean[] found = {false};
        writeDocument(gt -> {
            found[0] = gt.V().hasLabel(Schema.DOCUMENT).has(Schema.UID, kind + "/" + id).hasNext();
            gt.V().hasLabel(Schema.DOCUMENT).has(Schema.UID, kind + "/" + id).drop().iterate();
        });
        return found[0];
    }

    private void writeDocument(java.util.function.Consumer<GraphTraversalSource> work) {
        lock.writeLock().lock();
        try {
            if (transactions == Transactions.NONE) {
                stamp(g);
                work.accept(g);
                return;
            }
            Transaction tx = g.tx();
            try {
                GraphTraversalSource gtx = tx.begin();
                stamp(gtx);
                work.accept(gtx);
                tx.commit();
            } catch (RuntimeException e) {
                if (tx.isOpen()) {
                    tx.rollback();
                }
                throw new StoreException("writing a document to " + description + " failed: " + message(e), false, e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Releases the graph or connection this store opened; a graph passed in by the caller stays open. */
    @Override
    public void close() {
        if (owned == null) {
            return;
        }
        lock.writeLock().lock();
        try {
            owned.close();
        } catch (Exception e) {
            throw new StoreException("closing " + description + " failed: " + message(e), false, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- helpers ----

    private Optional<Map<Object, Object>> one(String label, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return read(() -> vertex(label, id).elementMap().tryNext());
    }

    private <R> List<R> many(String label, Collection<String> ids, Function<Map<Object, Object>, R> decode) {
        return read(() -> {
            List<R> out = new ArrayList<>();
            for (String id : distinct(ids)) {
                vertex(label, id).elementMap().tryNext().ifPresent(m -> out.add(decode.apply(m)));
            }
            return out;
        });
    }

    private List<WeightedId> weighted(String label, String id, String edgeLabel) {
        if (id == null || id.isBlank()) {
            return List.of();
        }
        return read(() -> {
            List<WeightedId> out = new ArrayList<>();
            for (Map<String, Object> m : vertex(label, id).outE(edgeLabel).<Object>project("id", "w")
                    .by(__.inV().values(Schema.UID)).by(Schema.WEIGHT).toList()) {
                out.add(new WeightedId((String) m.get("id"), Codec.num(m, "w").doubleValue()));
            }
            return out;
        });
    }

    private List<String> neighbours(String label, String id,
                                    Function<GraphTraversal<Vertex, Vertex>, GraphTraversal<Vertex, Vertex>> step) {
        if (id == null || id.isBlank()) {
            return List.of();
        }
        return read(() -> {
            Set<String> out = new LinkedHashSet<>();
            step.apply(vertex(label, id)).values(Schema.UID).forEachRemaining(uid -> out.add((String) uid));
            return new ArrayList<>(out);
        });
    }

    private GraphTraversal<Vertex, Vertex> vertex(String label, String id) {
        // has(uid) first: that is the key TinkerGraph (and a JanusGraph composite index) can answer from an index.
        return g.V().has(Schema.UID, id).hasLabel(label);
    }

    private GraphTraversal<Vertex, Vertex> person(String id) {
        return g.V().has(Schema.UID, id).hasLabel(Schema.EMPLOYEE, Schema.CUSTOMER);
    }

    private <R> R read(Supplier<R> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("reading from " + description + " failed: " + message(e), false, e);
        } finally {
            try {
                // A graph with thread-bound transactions opens one on first read; do not leave it open on this thread.
                if (transactions == Transactions.THREAD && g.tx().isOpen()) {
                    g.tx().rollback();
                }
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    private static List<String> distinct(Collection<String> ids) {
        List<String> out = new ArrayList<>();
        if (ids == null) {
            return out;
        }
        for (String id : new LinkedHashSet<>(ids)) {
            if (id != null && !id.isBlank()) {
                out.add(id);
            }
        }
        return out;
    }

    private static String[] rest(String[] labels) {
        String[] rest = new String[labels.length - 1];
        System.arraycopy(labels, 1, rest, 0, rest.length);
        return rest;
    }

    private static String message(Throwable t) {
        return RemoteGremlin.oneLine(t);
    }
}
