package org.advocategraph.store.neo4j;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.types.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.EngagementStats;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.ProposeOutcome;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.WeightedId;

/**
 * The {@link GraphStore} port over the Neo4j Java driver: one code path for the embedded default, a single
 * server (bolt://) and a cluster (neo4j:// routing; reads go to read replicas).
 *
 * <p>Every statement is a constant string with {@code $parameters}; batches are written with {@code UNWIND} in
 * one managed transaction (retried by the driver on transient failures). People are {@code :Person} nodes with
 * an {@code :Employee} or {@code :Customer} label, keyed by a unique {@code Person.id}.
 */
public final class Neo4jGraphStore implements GraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(Neo4jGraphStore.class);
    /** Ids per statement for bulk reads: keeps parameter maps and plans bounded. */
    private static final int READ_CHUNK = 10_000;
    private static final List<String> OPEN_STATUSES = List.of(
            AssignmentStatus.PROPOSED.key(), AssignmentStatus.ACCEPTED.key(), AssignmentStatus.RESPONDED.key());

    private final Driver driver;
    private final Neo4jSettings settings;
    private final SessionConfig sessionConfig;
    /** Scans read in auto-commit queries on read sessions: a cluster routes them to its followers and replicas. */
    private final SessionConfig scanConfig;
    /** Writes through the in-process transaction API instead of Cypher over Bolt, when the database is local. */
    private final InProcessWriter inProcess;
    /** Scans through the in-process transaction API instead of Cypher over Bolt, when the database is local. */
    private final InProcessReader reader;

    private Neo4jGraphStore(Driver driver, Neo4jSettings settings, InProcessWriter inProcess, InProcessReader reader) {
        this.driver = driver;
        this.settings = settings;
        this.inProcess = inProcess;
        this.reader = reader;
        this.sessionConfig = settings.database() == null
                ? SessionConfig.defaultConfig()
                : SessionConfig.forDatabase(settings.database());
        SessionConfig.Builder reading = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ);
        this.scanConfig = (settings.database() == null ? reading : reading.withDatabase(settings.database())).build();
    }

    /**
     * Connects to a Neo4j server, verifies that it answers, and returns the store.
     *
     * @param settings where and how to connect
     * @return a connected store
     * @throws StoreException naming the URI (without credentials) when the server cannot be reached or refuses
     */
    public static Neo4jGraphStore connect(Neo4jSettings settings) {
        return new Neo4jGraphStore(driver(settings), settings, null, null);
    }

    /**
     * Connects to a database running in this JVM for an import: scans ({@link #scan}, {@link #scanUnordered})
     * and writes ({@link #upsert}, {@link #insertNew}) go through Neo4j's in-process transaction API, every other
     * read and write through the driver. The same graph, written several times faster.
     *
     * @param database the embedded database
     * @return a connected store
     * @throws StoreException when the database's Bolt port does not answer
     */
    public static Neo4jGraphStore connectWritingInProcess(EmbeddedNeo4j database) {
        return new Neo4jGraphStore(driver(database.settings()), database.settings(),
                new InProcessWriter(database.database()), new InProcessReader(database.database()));
    }

    /**
     * Connects to a database running in this JVM for the service: scans ({@link #scan}, {@link #scanUnordered}:
     * the start-up load of the whole graph and the analytics projection) go through Neo4j's in-process transaction
     * API, several times faster than Cypher over Bolt; every other read and write goes through the driver.
     *
     * @param database the embedded database
     * @return a connected store
     * @throws StoreException when the database's Bolt port does not answer
     */
    public static Neo4jGraphStore connectReadingInProcess(EmbeddedNeo4j database) {
        return new Neo4jGraphStore(driver(database.settings()), database.settings(), null,
                new InProcessReader(database.database()));
    }

    private static Driver driver(Neo4jSettings settings) {
        AuthToken auth = settings.user() == null ? AuthTokens.none() : AuthTokens.basic(settings.user(), settings.password());
        Config config = Config.builder()
                .withLogging(Logging.none())
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withConnectionAcquisitionTimeout(30, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(64)
                .build();
        Driver driver;
        try {
            driver = GraphDatabase.driver(settings.uri(), auth, config);
        } catch (RuntimeException e) {
            throw StoreException.unreachable(settings.safeUri(), e);
        }
        try {
            driver.verifyConnectivity();
        } catch (RuntimeException e) {
            driver.close();
            throw StoreException.unreachable(settings.safeUri(), e);
        }
        LOG.info("Connected to Neo4j at {}", settings.safeUri());
        return driver;
    }

    @Override
    public String describe() {
        return "neo4j " + settings.safeUri() + (settings.database() == null ? "" : " database " + settings.database())
                + (inProcess == null ? "" : " (writing in-process)") + (reader == null ? "" : " (scanning in-process)");
    }

    @Override
    public void ensureSchema() {
        List<String> statements = List.of(
                "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT conversation_id IF NOT EXISTS FOR (n:Conversation) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE",
                "CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE",
                "CREATE INDEX employee_manager IF NOT EXISTS FOR (n:Employee) ON (n.managerId)",
                "CREATE INDEX customer_account IF NOT EXISTS FOR (n:Customer) ON (n.accountId)",
                "CREATE INDEX conversation_author IF NOT EXISTS FOR (n:Conversation) ON (n.authorId)",
                "CREATE INDEX conversation_status IF NOT EXISTS FOR (n:Conversation) ON (n.status)",
                "CREATE INDEX assignment_id IF NOT EXISTS FOR ()-[r:ASSIGNED_TO]-() ON (r.id)",
                "CREATE INDEX assignment_status IF NOT EXISTS FOR ()-[r:ASSIGNED_TO]-() ON (r.status)",
                "CREATE INDEX conversation_created IF NOT EXISTS FOR (n:Conversation) ON (n.createdAt)",
                "CREATE INDEX assignment_assigned IF NOT EXISTS FOR ()-[r:ASSIGNED_TO]-() ON (r.assignedAt)");
        try (Session session = session()) {
            for (String statement : statements) {
                session.run(statement).consume();
            }
            session.run("CALL db.awaitIndexes(300)").consume();
        } catch (Neo4jException e) {
            throw failure("create the schema", e);
        }
    }

    // ------------------------------------------------------------------ writes

    @Override
    public UpsertResult upsert(List<? extends GraphElement> elements) {
        return write(elements, false);
    }

    /** Creates instead of merging: no existence checks, which makes a first import into an empty store faster. */
    @Override
    public UpsertResult insertNew(List<? extends GraphElement> elements) {
        return write(elements, true);
    }

    private UpsertResult write(List<? extends GraphElement> elements, boolean fresh) {
        if (elements.isEmpty()) {
            return UpsertResult.empty();
        }
        if (inProcess != null) {
            return inProcess.write(elements, fresh);
        }
        Map<Class<?>, List<GraphElement>> byType = byType(elements);
        try (Session session = session()) {
            return session.executeWrite(tx -> {
                UpsertResult result = UpsertResult.empty();
                // Nodes first, so that relationships in the same call find their endpoints.
                for (var entry : byType.entrySet()) {
                    if (GraphNode.class.isAssignableFrom(entry.getKey())) {
                        result = result.plus(writeNodes(tx, entry.getKey(), entry.getValue(), fresh));
                    }
                }
                for (var entry : byType.entrySet()) {
                    if (!GraphNode.class.isAssignableFrom(entry.getKey())) {
                        result = result.plus(writeRelationships(tx, RelationshipSpec.of(entry.getKey()), entry.getValue(), fresh));
                    }
                }
                return result;
            });
        } catch (Neo4jException e) {
            throw failure("write " + elements.size() + " elements", e);
        }
    }

    /** @return the elements grouped by record type, in order of first appearance */
    static Map<Class<?>, List<GraphElement>> byType(List<? extends GraphElement> elements) {
        Map<Class<?>, List<GraphElement>> byType = new LinkedHashMap<>();
        for (GraphElement e : elements) {
            byType.computeIfAbsent(e.getClass(), k -> new ArrayList<>()).add(e);
        }
        return byType;
    }

    /**
     * Writes nodes and keeps the derived relationships (REPORTS_TO, BELONGS_TO, AUTHORED) in line with their
     * reference properties from both ends: a node links to what it references, and nodes that reference it and
     * were written earlier link to it. {@code fresh} creates instead of merging.
     */
    private UpsertResult writeNodes(TransactionContext tx, Class<?> type, List<GraphElement> nodes, boolean fresh) {
        List<Map<String, Object>> rows = new ArrayList<>(nodes.size());
        for (GraphElement e : nodes) {
            rows.add(Map.of("id", ((GraphNode) e).id(), "props", NodeMapping.properties((GraphNode) e)));
        }
        Map<String, Object> params = Map.of("rows", rows);
        NodeSpec spec = NodeSpec.of(type);
        long created = 0;
        for (String statement : fresh ? spec.insert() : spec.upsert()) {
            created += tx.run(statement, params).consume().counters().nodesCreated();
        }
        return new UpsertResult(nodes.size(), created, 0, 0, List.of(), 0);
    }

    private UpsertResult writeRelationships(TransactionContext tx, RelationshipSpec spec, List<GraphElement> rels,
                                            boolean fresh) {
        List<Map<String, Object>> rows = new ArrayList<>(rels.size());
        for (GraphElement e : rels) {
            rows.add(spec.row(e));
        }
        Map<String, Object> params = Map.of("rows", rows);
        var result = tx.run(fresh ? spec.insert() : spec.upsert(), params);
        long written = result.single().get("n").asLong();
        long created = result.consume().counters().relationshipsCreated();
        if (written == rels.size()) {
            return new UpsertResult(0, 0, written, created, List.of(), 0);
        }
        List<String> skipped = new ArrayList<>();
        long[] skippedCount = {0};
        tx.run(spec.missing(), params).forEachRemaining(r -> {
            skippedCount[0]++;
            if (skipped.size() < UpsertResult.MAX_SKIPPED_LISTED) {
                skipped.add(spec.type() + " " + r.get("f").asString() + "->" + r.get("t").asString());
            }
        });
        return new UpsertResult(0, 0, rels.size() - skippedCount[0], created, skipped, skippedCount[0]);
    }

    // ------------------------------------------------------------------ reads

    @Override
    public Optional<Employee> employee(String id) {
        return employees(List.of(id)).stream().findFirst();
    }

    @Override
    public List<Employee> employees(Collection<String> ids) {
        return readChunked(ids, "MATCH (n:Person) WHERE n.id IN $ids AND n:Employee RETURN n",
                r -> NodeMapping.employee(r.get("n").asNode()));
    }

    @Override
    public Optional<Customer> customer(String id) {
        return read("MATCH (n:Person {id: $id}) WHERE n:Customer RETURN n", Map.of("id", id),
                r -> NodeMapping.customer(r.get("n").asNode())).stream().findFirst();
    }

    @Override
    public Optional<Account> account(String id) {
        return read("MATCH (n:Account {id: $id}) RETURN n", Map.of("id", id),
                r -> NodeMapping.account(r.get("n").asNode())).stream().findFirst();
    }

    @Override
    public List<Topic> topics(Collection<String> ids) {
        return readChunked(ids, "MATCH (n:Topic) WHERE n.id IN $ids RETURN n",
                r -> NodeMapping.topic(r.get("n").asNode()));
    }

    @Override
    public Optional<Conversation> conversation(String id) {
        return read("MATCH (n:Conversation {id: $id}) RETURN n", Map.of("id", id),
                r -> NodeMapping.conversation(r.get("n").asNode())).stream().findFirst();
    }

    @Override
    public List<Conversation> conversationsWithStatus(Collection<ConversationStatus> statuses) {
        List<String> keys = statuses.stream().map(ConversationStatus::key).distinct().toList();
        return read("MATCH (n:Conversation) WHERE n.status IN $statuses RETURN n ORDER BY n.id", Map.of("statuses", keys),
                r -> NodeMapping.conversation(r.get("n").asNode()));
    }

    @Override
    public Optional<Program> program(String id) {
        return read("MATCH (n:Program {id: $id}) RETURN n", Map.of("id", id),
                r -> NodeMapping.program(r.get("n").asNode())).stream().findFirst();
    }

    @Override
    public List<WeightedId> interestsOf(String customerId) {
        return read("MATCH (:Person {id: $id})-[x:INTERESTED_IN]->(t:Topic) RETURN t.id AS id, x.weight AS w ORDER BY id",
                Map.of("id", customerId), r -> new WeightedId(r.get("id").asString(), r.get("w").asDouble()));
    }

    @Override
    public List<WeightedId> topicsOf(String conversationId) {
        return read("MATCH (:Conversation {id: $id})-[x:ABOUT]->(t:Topic) RETURN t.id AS id, x.weight AS w ORDER BY id",
                Map.of("id", conversationId), r -> new WeightedId(r.get("id").asString(), r.get("w").asDouble()));
    }

    @Override
    public List<String> participantsOf(String conversationId) {
        return read("MATCH (p:Person)-[:PARTICIPATED_IN]->(:Conversation {id: $id}) RETURN p.id AS id ORDER BY id",
                Map.of("id", conversationId), r -> r.get("id").asString());
    }

    @Override
    public List<SubtopicOf> topicLinks(Collection<String> topicIds) {
        Set<SubtopicOf> links = new LinkedHashSet<>(readChunked(topicIds, """
                MATCH (c:Topic)-[:SUBTOPIC_OF]->(p:Topic) WHERE c.id IN $ids RETURN c.id AS c, p.id AS p
                UNION
                MATCH (c:Topic)-[:SUBTOPIC_OF]->(p:Topic) WHERE p.id IN $ids RETURN c.id AS c, p.id AS p""",
                r -> new SubtopicOf(r.get("c").asString(), r.get("p").asString())));
        return List.copyOf(links);
    }

    @Override
    public List<Expertise> expertiseIn(Collection<String> topicIds) {
        return readChunked(topicIds, """
                MATCH (t:Topic)<-[x:EXPERT_IN]-(e:Employee) WHERE t.id IN $ids
                RETURN e.id AS e, t.id AS t, x.level AS level, x.source AS source""",
                r -> new Expertise(r.get("e").asString(), r.get("t").asString(), r.get("level").asDouble(),
                        r.get("source").asString("")));
    }

    @Override
    public Map<String, Integer> openAssignments(Collection<String> employeeIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> chunk : chunks(employeeIds)) {
            read("""
                    MATCH (e:Person)-[a:ASSIGNED_TO]->() WHERE e.id IN $ids AND a.status IN $open
                    RETURN e.id AS id, count(a) AS n""", Map.of("ids", chunk, "open", OPEN_STATUSES),
                    r -> counts.put(r.get("id").asString(), r.get("n").asInt()));
        }
        return counts;
    }

    // ------------------------------------------------------------------ assignments

    private static final RelationshipSpec ASSIGNMENT = RelationshipSpec.of(Assignment.class);
    private static final String ASSIGNMENT_BY_ID = "MATCH (a:Employee)-[x:ASSIGNED_TO {id: $id}]->(b:Conversation)\n"
            + "RETURN " + Scans.ASSIGNMENT_COLUMNS;
    /** One statement per kind of filter that can start the search from an index; the others are predicates. */
    private static final String LIST_TAIL = "\nRETURN " + Scans.ASSIGNMENT_COLUMNS
            + "\nORDER BY assignedAt DESC, id LIMIT $limit";
    private static final String LIST_BY_CONVERSATION = """
            MATCH (a:Employee)-[x:ASSIGNED_TO]->(b:Conversation {id: $c})
            WHERE ($e IS NULL OR a.id = $e) AND ($s IS NULL OR x.status = $s)""" + LIST_TAIL;
    private static final String LIST_BY_EMPLOYEE = """
            MATCH (a:Person {id: $e})-[x:ASSIGNED_TO]->(b:Conversation)
            WHERE a:Employee AND ($s IS NULL OR x.status = $s)""" + LIST_TAIL;
    private static final String LIST_BY_STATUS = """
            MATCH (a:Employee)-[x:ASSIGNED_TO {status: $s}]->(b:Conversation)""" + LIST_TAIL;
    private static final String LIST_ALL = """
            MATCH (a:Employee)-[x:ASSIGNED_TO]->(b:Conversation)""" + LIST_TAIL;
    /**
     * Setting a property takes the element's write lock until the transaction ends; removing it again in the same
     * statement leaves nothing behind. Whoever holds the lock then reads the latest committed state.
     */
    private static final String LOCK_CONVERSATION =
            "MATCH (c:Conversation {id: $c}) SET c._lock = true REMOVE c._lock RETURN count(c) AS n";
    private static final String LOCK_ASSIGNMENT = """
            MATCH (:Person {id: $f})-[x:ASSIGNED_TO {id: $id}]->(:Conversation {id: $t})
            SET x._lock = true REMOVE x._lock RETURN count(x) AS n""";
    private static final String COMPARE_AND_SET = "WITH $row AS r\n"
            + "MATCH (:Person {id: r.f})-[x:ASSIGNED_TO {id: r.id}]->(:Conversation {id: r.t}) WHERE x.status = $expected\n"
            + "SET " + ASSIGNMENT.properties().stream().map(p -> "x." + p + " = r." + p).collect(Collectors.joining(", "))
            + "\nRETURN count(x) AS n";

    @Override
    public Optional<Assignment> assignment(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return read(ASSIGNMENT_BY_ID, Map.of("id", id), Scans::assignment).stream().findFirst();
    }

    @Override
    public List<Assignment> assignments(AssignmentQuery query) {
        String statement = query.conversationId() != null ? LIST_BY_CONVERSATION
                : query.employeeId() != null ? LIST_BY_EMPLOYEE
                : query.status() != null ? LIST_BY_STATUS
                : LIST_ALL;
        Map<String, Object> params = new HashMap<>();
        params.put("c", query.conversationId());
        params.put("e", query.employeeId());
        params.put("s", query.status() == null ? null : query.status().key());
        params.put("limit", query.limit());
        return read(statement, params, Scans::assignment);
    }

    @Override
    public List<Assignment> assignmentsProposedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read("""
                MATCH (a:Employee)-[x:ASSIGNED_TO]->(b:Conversation) WHERE x.assignedAt >= $from AND x.assignedAt < $to"""
                + LIST_TAIL, Map.of("from", time(from), "to", time(to), "limit", limit), Scans::assignment);
    }

    @Override
    public List<Conversation> conversationsCreatedBetween(Instant from, Instant to, int limit) {
        GraphStore.checkPeriod(from, to, limit);
        return read("""
                MATCH (n:Conversation) WHERE n.createdAt >= $from AND n.createdAt < $to
                RETURN n ORDER BY n.createdAt DESC, n.id LIMIT $limit""",
                Map.of("from", time(from), "to", time(to), "limit", limit),
                r -> NodeMapping.conversation(r.get("n").asNode()));
    }

    @Override
    public ProposeOutcome proposeAssignment(Assignment proposal) {
        if (proposal.status() != AssignmentStatus.PROPOSED) {
            throw new IllegalArgumentException("a proposal must be in status proposed, was " + proposal.status().key());
        }
        Map<String, Object> params = Map.of("c", proposal.conversationId(), "e", proposal.employeeId(),
                "id", proposal.id(), "open", OPEN_STATUSES, "rows", List.of(ASSIGNMENT.row(proposal)));
        try (Session session = session()) {
            return session.executeWrite(tx -> {
                // The conversation's lock first: concurrent proposals for it queue here, one at a time.
                if (count(tx, LOCK_CONVERSATION, params) == 0) {
                    return ProposeOutcome.UNKNOWN_CONVERSATION;
                }
                if (count(tx, "MATCH (e:Person {id: $e}) WHERE e:Employee RETURN count(e) AS n", params) == 0) {
                    return ProposeOutcome.UNKNOWN_EMPLOYEE;
                }
                if (count(tx, "MATCH ()-[x:ASSIGNED_TO {id: $id}]->() RETURN count(x) AS n", params) > 0) {
                    return ProposeOutcome.ID_TAKEN;
                }
                if (count(tx, """
                        MATCH ()-[o:ASSIGNED_TO]->(:Conversation {id: $c}) WHERE o.status IN $open
                        RETURN count(o) AS n""", params) > 0) {
                    return ProposeOutcome.CONVERSATION_BUSY;
                }
                tx.run(ASSIGNMENT.insert(), params).consume();
                return ProposeOutcome.CREATED;
            });
        } catch (Neo4jException e) {
            throw failure("propose assignment " + proposal.id(), e);
        }
    }

    @Override
    public boolean updateAssignment(Assignment updated, AssignmentStatus expected) {
        Objects.requireNonNull(expected, "expected");
        Map<String, Object> params = Map.of("row", ASSIGNMENT.row(updated), "f", updated.employeeId(), "t", updated.conversationId(),
                "id", updated.id(), "expected", expected.key());
        try (Session session = session()) {
            // Lock, then compare: a status read before the lock could be stale by the time it is written.
            return session.executeWrite(tx -> count(tx, LOCK_ASSIGNMENT, params) > 0
                    && count(tx, COMPARE_AND_SET, params) > 0);
        } catch (Neo4jException e) {
            throw failure("update assignment " + updated.id(), e);
        }
    }

    @Override
    public Map<String, EngagementStats> engagementOf(Collection<String> employeeIds) {
        Map<String, EngagementStats.Tally> tallies = new LinkedHashMap<>();
        for (List<String> chunk : chunks(employeeIds)) {
            read("""
                    MATCH (e:Person)-[x:ASSIGNED_TO]->() WHERE e.id IN $ids AND e:Employee
                    RETURN e.id AS id, x.status AS status, x.assignedAt AS assignedAt, x.respondedAt AS respondedAt,
                           x.sentimentAfter AS sentimentAfter""", Map.of("ids", chunk),
                    r -> tallies.computeIfAbsent(r.get("id").asString(), EngagementStats.Tally::new)
                            .add(AssignmentStatus.parse("status", r.get("status").asString()),
                                    NodeMapping.instant(r.get("assignedAt")), NodeMapping.instant(r.get("respondedAt")),
                                    r.get("sentimentAfter").isNull() ? null : r.get("sentimentAfter").asDouble()));
        }
        Map<String, EngagementStats> out = new LinkedHashMap<>();
        tallies.forEach((id, tally) -> out.put(id, tally.build()));
        return out;
    }

    private static long count(TransactionContext tx, String statement, Map<String, Object> params) {
        return tx.run(statement, params).single().get("n").asLong();
    }

    @Override
    public List<Tie> tiesOf(Collection<String> personIds) {
        Map<String, Tie> ties = new LinkedHashMap<>();
        for (Tie t : readChunked(personIds, """
                MATCH (p:Person)-[x:CONNECTED_TO]-(q:Person) WHERE p.id IN $ids
                RETURN startNode(x).id AS f, endNode(x).id AS t, x.kind AS kind, x.strength AS s, x.since AS since""",
                r -> new Tie(r.get("f").asString(), r.get("t").asString(), TieKind.parse("kind", r.get("kind").asString()),
                        r.get("s").asDouble(), NodeMapping.instant(r.get("since"))))) {
            ties.putIfAbsent(t.fromId() + '\u0000' + t.toId() + '\u0000' + t.kind(), t);
        }
        return List.copyOf(ties.values());
    }

    @Override
    public Set<String> audienceOf(Collection<String> personIds) {
        return new HashSet<>(readChunked(personIds, """
                MATCH (p:Person)<-[:CONNECTED_TO]-(q:Person) WHERE p.id IN $ids RETURN DISTINCT q.id AS id
                UNION
                MATCH (p:Person)-[x:CONNECTED_TO]->(q:Person) WHERE p.id IN $ids AND x.kind <> 'follows'
                RETURN DISTINCT q.id AS id""", r -> r.get("id").asString()));
    }

    @Override
    public List<String> membersOf(String programId) {
        return read("MATCH (e:Employee)-[:MEMBER_OF]->(:Program {id: $id}) RETURN e.id AS id ORDER BY id",
                Map.of("id", programId), r -> r.get("id").asString());
    }

    @Override
    public List<String> ownersOf(String accountId) {
        return read("MATCH (e:Employee)-[:OWNS_ACCOUNT]->(:Account {id: $id}) RETURN e.id AS id ORDER BY id",
                Map.of("id", accountId), r -> r.get("id").asString());
    }

    @Override
    public Set<String> existingIds(NodeKind kind, Collection<String> ids) {
        // Labels cannot be parameters; the statement is chosen from a closed set, never built from input.
        String statement = switch (kind) {
            case EMPLOYEE -> "MATCH (n:Person) WHERE n.id IN $ids AND n:Employee RETURN n.id AS id";
            case CUSTOMER -> "MATCH (n:Person) WHERE n.id IN $ids AND n:Customer RETURN n.id AS id";
            case PERSON -> "MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id";
            case ACCOUNT -> "MATCH (n:Account) WHERE n.id IN $ids RETURN n.id AS id";
            case TOPIC -> "MATCH (n:Topic) WHERE n.id IN $ids RETURN n.id AS id";
            case CONVERSATION -> "MATCH (n:Conversation) WHERE n.id IN $ids RETURN n.id AS id";
            case PROGRAM -> "MATCH (n:Program) WHERE n.id IN $ids RETURN n.id AS id";
        };
        return new HashSet<>(readChunked(ids, statement, r -> r.get("id").asString()));
    }

    @Override
    public Map<String, Long> counts() {
        Record r = read(COUNTS, Map.of(), record -> record).get(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : COUNTED) {
            counts.put(key, r.get(key).asLong());
        }
        return counts;
    }

    private static final List<String> NODE_LABELS = List.of("Employee", "Customer", "Account", "Topic", "Conversation",
            "Program");
    private static final List<String> COUNTED = java.util.stream.Stream.concat(NODE_LABELS.stream(),
            RelationshipSpec.ALL_TYPES.stream()).toList();
    /**
     * Every count in one round trip (health checks poll this). Each subquery counts one label or type, which
     * Neo4j answers from its count store in constant time. Built from the constant lists above, never from input.
     */
    private static final String COUNTS = NODE_LABELS.stream()
            .map(l -> "CALL { MATCH (n:" + l + ") RETURN count(n) AS " + l + " }\n")
            .collect(Collectors.joining())
            + RelationshipSpec.ALL_TYPES.stream()
            .map(t -> "CALL { MATCH ()-[r:" + t + "]->() RETURN count(r) AS " + t + " }\n")
            .collect(Collectors.joining())
            + "RETURN " + String.join(", ", COUNTED);

    /** {@inheritDoc} Through the in-process reader when the database runs in this JVM, else Cypher over Bolt. */
    @Override
    public <T extends GraphElement> void scan(Class<T> type, int batchSize, java.util.function.Consumer<List<T>> sink) {
        scan(type, batchSize, sink, true);
    }

    /**
     * {@inheritDoc} In-process, the elements come in the database's own order, handed over as they are read
     * without sorting them first; through the driver, as {@link #scan}.
     */
    @Override
    public <T extends GraphElement> void scanUnordered(Class<T> type, int batchSize,
                                                       java.util.function.Consumer<List<T>> sink) {
        scan(type, batchSize, sink, false);
    }

    /** {@inheritDoc} In-process, straight from the relationships: no records, no dates. */
    @Override
    public void forEachTie(TieVisitor visitor) {
        if (reader != null) {
            reader.forEachTie(visitor);
        } else {
            GraphStore.super.forEachTie(visitor);
        }
    }

    @Override
    public void forEachPerson(PersonVisitor visitor) {
        if (reader != null) {
            reader.forEachPerson(visitor);
        } else {
            GraphStore.super.forEachPerson(visitor);
        }
    }

    @Override
    public void forEachPersonAndTie(PersonVisitor people, NumberedTieVisitor ties) {
        if (reader != null) {
            reader.forEachPersonAndTie(people, ties);
        } else {
            GraphStore.super.forEachPersonAndTie(people, ties);
        }
    }

    private <T extends GraphElement> void scan(Class<T> type, int batchSize, java.util.function.Consumer<List<T>> sink,
                                               boolean ordered) {
        if (reader != null) {
            reader.scan(type, batchSize, sink, ordered);
            return;
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        Scans scan = Scans.of(type);
        // An auto-commit query streams its records; a managed transaction could be retried and repeat batches.
        try (Session session = driver.session(scanConfig)) {
            var result = session.run(scan.statement());
            InProcessReader.Batches<T> batches = new InProcessReader.Batches<>(type, batchSize, sink);
            while (result.hasNext()) {
                batches.add(scan.map(result.next()));
            }
            batches.flush();
        } catch (Neo4jException e) {
            throw failure("read every " + type.getSimpleName(), e);
        }
    }

    @Override
    public Map<String, String> documents(String kind) {
        Map<String, String> out = new java.util.TreeMap<>();
        read("MATCH (d:Document) WHERE d.kind = $kind RETURN d.id AS id, d.json AS json", Map.of("kind", kind),
                r -> out.put(r.get("id").asString(), r.get("json").asString()));
        return out;
    }

    @Override
    public void putDocument(String kind, String id, String json) {
        try (Session session = session()) {
            session.executeWriteWithoutResult(tx -> tx.run(
                    "MERGE (d:Document {key: $key}) SET d.kind = $kind, d.id = $id, d.json = $json",
                    Map.of("key", kind + "/" + id, "kind", kind, "id", id, "json", json)).consume());
        } catch (Neo4jException e) {
            throw failure("store the " + kind + " of " + id, e);
        }
    }

    @Override
    public boolean deleteDocument(String kind, String id) {
        try (Session session = session()) {
            return session.executeWrite(tx -> tx.run("MATCH (d:Document {key: $key}) DELETE d",
                    Map.of("key", kind + "/" + id)).consume().counters().nodesDeleted() > 0);
        } catch (Neo4jException e) {
            throw failure("delete the " + kind + " of " + id, e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Cypher through the driver in one managed transaction, also when writes otherwise go in-process; the
     * in-process writer then forgets the node, whose internal id Neo4j may reuse.
     */
    @Override
    public boolean deletePerson(String id) {
        Map<String, Object> params = Map.of("id", id);
        try (Session session = session()) {
            boolean found = session.executeWrite(tx -> {
                long changed = 0;
                for (String statement : NodeSpec.clearReferencesToPerson()) {
                    changed += tx.run(statement, params).consume().counters().propertiesSet();
                }
                changed += tx.run("MATCH (p:Person {id: $id}) DETACH DELETE p", params).consume().counters().nodesDeleted();
                return changed > 0;
            });
            if (inProcess != null) {
                inProcess.forget("Person", id);
            }
            return found;
        } catch (Neo4jException e) {
            throw failure("delete a person", e);
        }
    }

    /** Deletes everything: for tests and for {@code import --replace}. */
    public void deleteAll() {
        if (inProcess != null) {
            inProcess.forget();
        }
        try (Session session = session()) {
            session.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume();
        } catch (Neo4jException e) {
            throw failure("delete all data", e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }

    // ------------------------------------------------------------------ helpers

    private Session session() {
        return driver.session(sessionConfig);
    }

    private <T> List<T> read(String statement, Map<String, Object> params, Function<Record, T> mapper) {
        try (Session session = session()) {
            return session.executeRead(tx -> tx.run(statement, params).list(mapper::apply));
        } catch (Neo4jException e) {
            throw failure("read", e);
        }
    }

    private <T> List<T> readChunked(Collection<String> ids, String statement, Function<Record, T> mapper) {
        List<T> out = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            out.addAll(read(statement, Map.of("ids", chunk), mapper));
        }
        return out;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += READ_CHUNK) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + READ_CHUNK)));
        }
        return chunks;
    }

    private StoreException failure(String what, Neo4jException e) {
        return new StoreException("Neo4j at " + settings.safeUri() + " could not " + what + ": " + e.getMessage(),
                e instanceof RetryableException, e);
    }

    static Object time(Instant instant) {
        return instant == null ? null : ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Maps node records to and from stored properties. */
    static final class NodeMapping {
        private NodeMapping() {
        }

        static Map<String, Object> properties(GraphNode node) {
            Map<String, Object> p = new HashMap<>();
            if (node instanceof Employee e) {
                p.put("name", e.name());
                p.put("title", e.title());
                p.put("department", e.department());
                p.put("region", e.region());
                p.put("languages", list(e.languages()));
                p.put("certifications", list(List.copyOf(e.certifications())));
                p.put("purposes", list(e.purposes().stream().map(Purpose::key).toList()));
                p.put("capacity", e.capacity());
                p.put("active", e.active());
                p.put("optedIn", e.optedIn());
                p.put("managerId", e.managerId());
            } else if (node instanceof Customer c) {
                p.put("name", c.name());
                p.put("accountId", c.accountId());
                p.put("segment", c.segment());
                p.put("region", c.region());
                p.put("languages", list(c.languages()));
                p.put("handles", list(c.handles()));
                p.put("followers", c.followers());
            } else if (node instanceof Account a) {
                p.put("name", a.name());
                p.put("industry", a.industry());
            } else if (node instanceof Topic t) {
                p.put("name", t.name());
            } else if (node instanceof Program g) {
                p.put("name", g.name());
                p.put("purpose", g.purpose().key());
            } else if (node instanceof Conversation c) {
                p.put("channel", c.channel());
                p.put("url", c.url());
                p.put("text", c.text());
                p.put("language", c.language());
                p.put("sentiment", c.sentiment());
                p.put("createdAt", time(c.createdAt()));
                p.put("status", c.status().key());
                p.put("purpose", c.purpose() == null ? null : c.purpose().key());
                p.put("authorReach", c.authorReach());
                p.put("authorId", c.authorId());
            }
            return p;
        }

        /**
         * An empty list is stored as no property (reads give it back as empty): Neo4j's bulk importer stores an
         * empty array field that way, so both import paths build the same graph, and an update to empty removes it.
         */
        private static List<String> list(List<String> values) {
            return values.isEmpty() ? null : values;
        }

        static Employee employee(Node n) {
            return employee(Row.of(n));
        }

        static Employee employee(Row n) {
            return new Employee(n.string("id"), n.string("name"), n.string("title", ""), n.string("department", ""),
                    n.string("region", ""), n.strings("languages"), new LinkedHashSet<>(n.strings("certifications")),
                    n.strings("purposes").stream().map(s -> Purpose.parse("purposes", s)).collect(Collectors.toSet()),
                    (int) n.integer("capacity", 0), n.bool("active", true), n.bool("optedIn", true),
                    n.string("managerId", null));
        }

        static Customer customer(Node n) {
            return customer(Row.of(n));
        }

        static Customer customer(Row n) {
            return new Customer(n.string("id"), n.string("name"), n.string("accountId", null), n.string("segment", ""),
                    n.string("region", ""), n.strings("languages"), n.strings("handles"), n.integer("followers", 0));
        }

        static Account account(Node n) {
            return account(Row.of(n));
        }

        static Account account(Row n) {
            return new Account(n.string("id"), n.string("name"), n.string("industry", ""));
        }

        static Topic topic(Node n) {
            return topic(Row.of(n));
        }

        static Topic topic(Row n) {
            return new Topic(n.string("id"), n.string("name"));
        }

        static Program program(Node n) {
            return program(Row.of(n));
        }

        static Program program(Row n) {
            return new Program(n.string("id"), n.string("name"), Purpose.parse("purpose", n.string("purpose")));
        }

        static Conversation conversation(Node n) {
            return conversation(Row.of(n));
        }

        static Conversation conversation(Row n) {
            String purpose = n.string("purpose", null);
            return new Conversation(n.string("id"), n.string("channel"), n.string("url", ""), n.string("text", ""),
                    n.string("language", ""), n.number("sentiment", 0), n.instant("createdAt"),
                    ConversationStatus.parse("status", n.string("status", "open")),
                    purpose == null ? null : Purpose.parse("purpose", purpose), n.integer("authorReach", 0),
                    n.string("authorId", null));
        }

        static Instant instant(Value v) {
            return v == null || v.isNull() ? null : v.asZonedDateTime().toInstant();
        }
    }
}
