package org.advocategraph.store.neo4j;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.exceptions.KernelException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.Cursor;
import org.neo4j.internal.kernel.api.CursorFactory;
import org.neo4j.internal.kernel.api.InternalIndexState;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.NodeLabelIndexCursor;
import org.neo4j.internal.kernel.api.PartitionedScan;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipDataAccessor;
import org.neo4j.internal.kernel.api.RelationshipScanCursor;
import org.neo4j.internal.kernel.api.RelationshipTypeIndexCursor;
import org.neo4j.internal.kernel.api.SchemaRead;
import org.neo4j.internal.kernel.api.TokenPredicate;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.internal.schema.IndexDescriptor;
import org.neo4j.internal.schema.SchemaDescriptor;
import org.neo4j.internal.schema.SchemaDescriptors;
import org.neo4j.kernel.api.ExecutionContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.Statement;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.BooleanValue;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.StoreException;

/**
 * The people and ties of {@link GraphStore#forEachPersonAndTie}, read through Neo4j's kernel API (the cursors
 * Cypher's runtime and Graph Data Science read through, one level below the transaction API) on several threads,
 * in one read transaction.
 *
 * <p>Each of the three scans (employees, customers, ties) is one of Neo4j's partitioned scans: ranges of the token
 * lookup index, or of the whole store when that index is missing or not online. Worker threads reserve the
 * partitions in the scan's order, each through an execution context of the one transaction, and read each into
 * primitive arrays, with property cursors that decode only the properties the projection needs: a person's internal
 * id, id and eligibility; a tie's ends already numbered, its kind (compared as a stored value with each kind's key)
 * and strength. The visitors are called on the calling thread only, partition after partition in the scan's order
 * while the workers read the next ones, so the visits are exactly those of a read on one thread, in the same order.
 * At most a few partitions per worker wait to be visited.
 *
 * <p>Consistency: Neo4j's record storage gives a read transaction no snapshot, it reads each record as last committed,
 * on one thread as on several; the execution contexts read through the one transaction, so the read on several
 * threads sees what a read on one thread could. People are read first, and every tie after them, as before.
 *
 * <p>O(people + ties) work, spread over the threads; the memory of a few partitions besides the numbers of the
 * people by internal id (4 bytes per node id).
 */
final class ProjectionRead {
    private static final TieKind[] KINDS = TieKind.values();
    /**
     * Each kind's key as stored, in the order of {@link #KINDS}: as UTF-8 values, which the storage's string values
     * are compared with byte by byte, without decoding them.
     */
    private static final Value[] KIND_KEYS = Arrays.stream(KINDS)
            .map(k -> Values.utf8Value(k.key().getBytes(StandardCharsets.UTF_8))).toArray(Value[]::new);
    private static final RelationshipSpec TIES = Scans.of(Tie.class).spec();
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Partitions per worker that may be read ahead of the visits. */
    private static final int WINDOW = 4;

    private final int threads;
    private final int partitionSize;
    /** The partitions each scan read, in order: for tests. */
    private final List<Integer> partitionsRead = new ArrayList<>();

    /**
     * @param threads       the worker threads reading; 1 reads on the calling thread
     * @param partitionSize the elements a partition aims at (the index or the store may cut them otherwise)
     */
    ProjectionRead(int threads, int partitionSize) {
        check(threads, partitionSize);
        this.threads = threads;
        this.partitionSize = partitionSize;
    }

    /** @throws IllegalArgumentException unless both are positive */
    static void check(int threads, int partitionSize) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        if (partitionSize < 1) {
            throw new IllegalArgumentException("partitionSize must be positive, was " + partitionSize);
        }
    }

    /** Reads every employee, then every customer, then every tie, in the transaction, which stays open. */
    void read(Transaction tx, GraphStore.PersonVisitor people, GraphStore.NumberedTieVisitor ties) {
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        Tokens tokens = new Tokens(ktx.tokenRead());
        NodeNumbers numbers = new NodeNumbers();
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemons());
        // Execution contexts are made within a statement, as a query's are.
        try (Statement statement = ktx.acquireStatement()) {
            for (boolean employee : new boolean[] {true, false}) {
                int label = employee ? tokens.employee : tokens.customer;
                if (label == TokenConstants.NO_TOKEN) {
                    continue; // never written: no one to read
                }
                Scan<Nodes> scan = nodes(ktx, label);
                inOrder(ktx, pool, context -> new PeopleReader(scan, context, tokens, employee), chunk -> {
                    for (int i = 0; i < chunk.size; i++) {
                        numbers.add(chunk.nodes[i]);
                        people.person(chunk.ids[i], employee, chunk.eligible[i]);
                    }
                });
            }
            if (tokens.tie == TokenConstants.NO_TOKEN) {
                return;
            }
            Scan<Relationships> scan = relationships(ktx, tokens.tie);
            inOrder(ktx, pool, context -> new TieReader(scan, context, tokens, numbers), chunk -> {
                for (int i = 0; i < chunk.size; i++) {
                    ties.tie(chunk.from[i], chunk.to[i], KINDS[chunk.kind[i]], chunk.strength[i]);
                }
            });
        } finally {
            if (pool != null) {
                stop(pool);
            }
        }
    }

    /** Ends the pool's threads, whose work is done: none outlives the read. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return how many partitions each scan read had (employees, customers, ties), in the order read */
    List<Integer> partitionsRead() {
        return List.copyOf(partitionsRead);
    }

    private static ThreadFactory daemons() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "projection-read-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The token ids the read needs, resolved once; {@link TokenConstants#NO_TOKEN} for one never written. */
    private static final class Tokens {
        final int employee;
        final int customer;
        final int person;
        final int tie;
        final int id;
        final int active;
        final int optedIn;
        final int capacity;
        final int kind;
        final int strength;

        Tokens(TokenRead read) {
            employee = read.nodeLabel(Scans.of(Employee.class).label());
            customer = read.nodeLabel(Scans.of(Customer.class).label());
            person = read.nodeLabel(Scans.endLabel(TIES.from())); // the label of both ends
            tie = read.relationshipType(TIES.type());
            id = read.propertyKey("id");
            active = read.propertyKey("active");
            optedIn = read.propertyKey("optedIn");
            capacity = read.propertyKey("capacity");
            kind = read.propertyKey(TIES.key());
            strength = read.propertyKey("strength");
        }

        /** @return a selection of the keys that exist (a key never written is on no element) */
        static PropertySelection selection(int... keys) {
            int[] known = Arrays.stream(keys).filter(k -> k != TokenConstants.NO_TOKEN).toArray();
            return known.length == 0 ? PropertySelection.NO_PROPERTIES : PropertySelection.selection(known);
        }
    }

    // ---- The scans: partitions of the token lookup index, or of the store without one.

    /** One partitioned scan, read by several threads: each opens its own cursor on its own execution context. */
    private interface Scan<C extends AutoCloseable> {
        /** @return a cursor of this thread's context, positioned by {@link #reserve} and {@link #next} */
        C open(ExecutionContext context);

        /** Reserves the next partition for the cursor; false when every one is reserved. */
        boolean reserve(C cursor, ExecutionContext context);

        /** Moves to the next element of the partition, read from the store; false at its end. */
        boolean next(C cursor);
    }

    /** A node scan's cursor: the index cursor (null in a store scan) and the node it positions. */
    private record Nodes(NodeLabelIndexCursor index, NodeCursor node) implements AutoCloseable {
        @Override
        public void close() {
            if (index != null) {
                index.close();
            }
            node.close();
        }
    }

    /** A relationship scan's cursor, the index cursor or the store's scan cursor, and the relationship it reads. */
    private record Relationships(Cursor cursor, RelationshipDataAccessor relationship) implements AutoCloseable {
        static <C extends Cursor & RelationshipDataAccessor> Relationships of(C cursor) {
            return new Relationships(cursor, cursor);
        }

        @Override
        public void close() {
            cursor.close();
        }
    }

    private Scan<Nodes> nodes(KernelTransaction ktx, int label) {
        Read read = ktx.dataRead();
        int partitions = partitions(read.estimateCountsForNode(label));
        IndexDescriptor index = onlineIndex(ktx.schemaRead(), SchemaDescriptors.ANY_TOKEN_NODE_SCHEMA_DESCRIPTOR);
        if (index == null) {
            PartitionedScan<NodeCursor> scan = read.allNodesScan(partitions(read.nodesGetCount()), ktx.cursorContext());
            return new Scan<>() {
                @Override
                public Nodes open(ExecutionContext context) {
                    return new Nodes(null, context.cursors().allocateNodeCursor(context.cursorContext(), context.memoryTracker()));
                }

                @Override
                public boolean reserve(Nodes cursor, ExecutionContext context) {
                    return scan.reservePartition(cursor.node(), context);
                }

                @Override
                public boolean next(Nodes cursor) {
                    while (cursor.node().next()) {
                        if (cursor.node().hasLabel(label)) {
                            return true;
                        }
                    }
                    return false;
                }
            };
        }
        PartitionedScan<NodeLabelIndexCursor> scan;
        try {
            scan = read.nodeLabelScan(read.tokenReadSession(index), partitions, ktx.cursorContext(), new TokenPredicate(label));
        } catch (KernelException e) {
            throw new StoreException("the label lookup index cannot be read: " + e.getMessage(), false, e);
        }
        return new Scan<>() {
            @Override
            public Nodes open(ExecutionContext context) {
                CursorFactory cursors = context.cursors();
                NodeLabelIndexCursor index = cursors.allocateNodeLabelIndexCursor(context.cursorContext(), context.memoryTracker());
                try {
                    return new Nodes(index, cursors.allocateNodeCursor(context.cursorContext(), context.memoryTracker()));
                } catch (RuntimeException e) {
                    index.close();
                    throw e;
                }
            }

            @Override
            public boolean reserve(Nodes cursor, ExecutionContext context) {
                return scan.reservePartition(cursor.index(), context);
            }

            @Override
            public boolean next(Nodes cursor) {
                while (cursor.index().next()) {
                    cursor.index().node(cursor.node());
                    if (cursor.node().next()) {
                        return true; // else deleted since it was indexed
                    }
                }
                return false;
            }
        };
    }

    private Scan<Relationships> relationships(KernelTransaction ktx, int type) {
        Read read = ktx.dataRead();
        IndexDescriptor index = onlineIndex(ktx.schemaRead(), SchemaDescriptors.ANY_TOKEN_RELATIONSHIP_SCHEMA_DESCRIPTOR);
        if (index == null) {
            PartitionedScan<RelationshipScanCursor> scan = read.allRelationshipsScan(
                    partitions(read.relationshipsGetCount()), ktx.cursorContext());
            return new Scan<>() {
                @Override
                public Relationships open(ExecutionContext context) {
                    return Relationships.of(context.cursors().allocateRelationshipScanCursor(context.cursorContext(),
                            context.memoryTracker()));
                }

                @Override
                public boolean reserve(Relationships cursor, ExecutionContext context) {
                    return scan.reservePartition((RelationshipScanCursor) cursor.cursor(), context);
                }

                @Override
                public boolean next(Relationships cursor) {
                    RelationshipScanCursor c = (RelationshipScanCursor) cursor.cursor();
                    while (c.next()) {
                        if (c.type() == type) {
                            return true;
                        }
                    }
                    return false;
                }
            };
        }
        PartitionedScan<RelationshipTypeIndexCursor> scan;
        try {
            scan = read.relationshipTypeScan(read.tokenReadSession(index),
                    partitions(read.estimateCountsForRelationships(TokenConstants.ANY_LABEL, type, TokenConstants.ANY_LABEL)),
                    ktx.cursorContext(), new TokenPredicate(type));
        } catch (KernelException e) {
            throw new StoreException("the relationship type lookup index cannot be read: " + e.getMessage(), false, e);
        }
        return new Scan<>() {
            @Override
            public Relationships open(ExecutionContext context) {
                return Relationships.of(context.cursors().allocateRelationshipTypeIndexCursor(context.cursorContext(),
                        context.memoryTracker()));
            }

            @Override
            public boolean reserve(Relationships cursor, ExecutionContext context) {
                return scan.reservePartition((RelationshipTypeIndexCursor) cursor.cursor(), context);
            }

            @Override
            public boolean next(Relationships cursor) {
                RelationshipTypeIndexCursor c = (RelationshipTypeIndexCursor) cursor.cursor();
                while (c.next()) {
                    if (c.readFromStore()) {
                        return true; // else deleted since it was indexed
                    }
                }
                return false;
            }
        };
    }

    /** @return the partitions to ask for, for about this many elements: at least one */
    private int partitions(long elements) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, elements / partitionSize));
    }

    /** @return the token lookup index of the schema when it is online, else null (as the transaction API decides) */
    private static IndexDescriptor onlineIndex(SchemaRead schema, SchemaDescriptor descriptor) {
        var indexes = schema.index(descriptor);
        while (indexes.hasNext()) {
            IndexDescriptor index = indexes.next();
            try {
                if (schema.indexGetState(index) == InternalIndexState.ONLINE) {
                    return index;
                }
            } catch (KernelException e) {
                // dropped meanwhile: not usable
            }
        }
        return null;
    }

    // ---- Reading a partition into a chunk.

    /** Reads one reserved partition into a chunk; one per thread, closed by it. */
    private interface PartitionReader<T> extends AutoCloseable {
        /** Reserves the next partition; false when every one is reserved. */
        boolean reserve();

        /** @return the reserved partition's elements */
        T read();

        @Override
        void close();
    }

    /** People read from one partition, in the scan's order. */
    private static final class People {
        long[] nodes;
        String[] ids;
        boolean[] eligible;
        int size;

        People(int capacity) {
            nodes = new long[capacity];
            ids = new String[capacity];
            eligible = new boolean[capacity];
        }

        void add(long node, String id, boolean isEligible) {
            if (size == nodes.length) {
                int n = Math.max(16, 2 * size);
                nodes = Arrays.copyOf(nodes, n);
                ids = Arrays.copyOf(ids, n);
                eligible = Arrays.copyOf(eligible, n);
            }
            nodes[size] = node;
            ids[size] = id;
            eligible[size] = isEligible;
            size++;
        }
    }

    /** Ties read from one partition, their ends numbered, in the scan's order. */
    private static final class Ties {
        int[] from;
        int[] to;
        byte[] kind;
        double[] strength;
        int size;

        Ties(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
            kind = new byte[capacity];
            strength = new double[capacity];
        }

        void add(int f, int t, int k, double s) {
            if (size == from.length) {
                int n = Math.max(16, 2 * size);
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                kind = Arrays.copyOf(kind, n);
                strength = Arrays.copyOf(strength, n);
            }
            from[size] = f;
            to[size] = t;
            kind[size] = (byte) k;
            strength[size] = s;
            size++;
        }
    }

    /** Reads the people of a label: the properties the visit needs, absent ones read as the record mapping reads them. */
    private final class PeopleReader implements PartitionReader<People> {
        private final ExecutionContext context;
        private final Scan<Nodes> scan;
        private final Nodes cursor;
        private final PropertyCursor properties;
        private final Tokens tokens;
        private final boolean employee;
        private final PropertySelection selection;

        PeopleReader(Scan<Nodes> scan, ExecutionContext context, Tokens tokens, boolean employee) {
            this.context = context;
            this.scan = scan;
            this.tokens = tokens;
            this.employee = employee;
            this.selection = employee
                    ? Tokens.selection(tokens.id, tokens.active, tokens.optedIn, tokens.capacity)
                    : Tokens.selection(tokens.id);
            this.cursor = scan.open(context);
            this.properties = context.cursors().allocatePropertyCursor(context.cursorContext(), context.memoryTracker());
        }

        @Override
        public boolean reserve() {
            return scan.reserve(cursor, context);
        }

        @Override
        public People read() {
            People chunk = new People(Math.min(partitionSize, 1 << 16));
            NodeCursor node = cursor.node();
            while (scan.next(cursor)) {
                node.properties(properties, selection);
                String id = null;
                boolean active = true;
                boolean optedIn = true;
                long capacity = 0;
                while (properties.next()) {
                    int key = properties.propertyKey();
                    if (key == tokens.id) {
                        id = text(properties.propertyValue(), "id");
                    } else if (key == tokens.active) {
                        active = bool(properties.propertyValue(), "active");
                    } else if (key == tokens.optedIn) {
                        optedIn = bool(properties.propertyValue(), "optedIn");
                    } else if (key == tokens.capacity) {
                        capacity = number(properties.propertyValue(), "capacity").longValue();
                    }
                }
                if (id == null) {
                    throw new StoreException("a stored " + (employee ? "employee" : "customer") + " has no id", false, null);
                }
                chunk.add(node.nodeReference(), id, employee && Employee.eligible(active, optedIn,
                        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, capacity))));
            }
            return chunk;
        }

        @Override
        public void close() {
            try (cursor) {
                properties.close();
            }
        }
    }

    /**
     * Reads the ties: their ends numbered as people were visited. A tie's end that is not a person visited is
     * skipped when it lacks the endpoint label (not a tie, as in the scans) and an error otherwise.
     */
    private final class TieReader implements PartitionReader<Ties> {
        private final ExecutionContext context;
        private final Scan<Relationships> scan;
        private final Relationships cursor;
        private final PropertyCursor properties;
        private final NodeCursor ends;
        private final Tokens tokens;
        private final NodeNumbers numbers;
        private final PropertySelection selection;

        TieReader(Scan<Relationships> scan, ExecutionContext context, Tokens tokens, NodeNumbers numbers) {
            this.context = context;
            this.scan = scan;
            this.tokens = tokens;
            this.numbers = numbers;
            this.selection = Tokens.selection(tokens.kind, tokens.strength);
            CursorFactory cursors = context.cursors();
            this.cursor = scan.open(context);
            this.properties = cursors.allocatePropertyCursor(context.cursorContext(), context.memoryTracker());
            this.ends = cursors.allocateNodeCursor(context.cursorContext(), context.memoryTracker());
        }

        @Override
        public boolean reserve() {
            return scan.reserve(cursor, context);
        }

        @Override
        public Ties read() {
            Ties chunk = new Ties(Math.min(partitionSize, 1 << 16));
            RelationshipDataAccessor r = cursor.relationship();
            while (scan.next(cursor)) {
                long source = r.sourceNodeReference();
                long target = r.targetNodeReference();
                int f = numbers.of(source);
                int t = numbers.of(target);
                if (f < 0 || t < 0) {
                    if (known(source, f) && known(target, t)) {
                        throw new StoreException("a tie's end is a " + TIES.from().label()
                                + " that is neither an employee nor a customer", false, null);
                    }
                    continue;
                }
                r.properties(properties, selection);
                int kind = -1;
                double strength = Double.NaN;
                while (properties.next()) {
                    int key = properties.propertyKey();
                    if (key == tokens.kind) {
                        kind = kind(properties.propertyValue());
                    } else if (key == tokens.strength) {
                        strength = number(properties.propertyValue(), "strength").doubleValue();
                    }
                }
                if (kind < 0 || Double.isNaN(strength)) {
                    throw new StoreException("a stored " + TIES.type() + " relationship has no "
                            + (kind < 0 ? TIES.key() : "strength"), false, null);
                }
                chunk.add(f, t, kind, strength);
            }
            return chunk;
        }

        /** @return true when the node is numbered or has the endpoint label */
        private boolean known(long node, int number) {
            if (number >= 0) {
                return true;
            }
            if (tokens.person == TokenConstants.NO_TOKEN) {
                return false;
            }
            context.dataRead().singleNode(node, ends);
            return ends.next() && ends.hasLabel(tokens.person);
        }

        @Override
        public void close() {
            try (cursor; ends) {
                properties.close();
            }
        }
    }

    /** @return the kind's place in {@link #KINDS}: its key compared as a stored value, parsed only when it differs */
    private static int kind(Value value) {
        for (int k = 0; k < KIND_KEYS.length; k++) {
            if (KIND_KEYS[k].equals(value)) {
                return k;
            }
        }
        return TieKind.parse(TIES.key(), text(value, TIES.key())).ordinal();
    }

    private static String text(Value value, String name) {
        if (value instanceof TextValue text) {
            return text.stringValue();
        }
        throw wrongType(name, "a string", value);
    }

    private static boolean bool(Value value, String name) {
        if (value instanceof BooleanValue b) {
            return b.booleanValue();
        }
        throw wrongType(name, "a boolean", value);
    }

    private static NumberValue number(Value value, String name) {
        if (value instanceof NumberValue n) {
            return n;
        }
        throw wrongType(name, "a number", value);
    }

    private static StoreException wrongType(String name, String expected, Value value) {
        return new StoreException("a stored " + name + " is not " + expected + ": " + value.prettyPrint(), false, null);
    }

    // ---- Partitions read on worker threads, visited in order on the calling thread.

    /**
     * Reads every partition of a scan and hands each chunk to {@code visit} on this thread, in the scan's order: on
     * this thread alone without a pool, else on the pool's threads while this one visits. Every execution context
     * is completed and closed by the thread that read through it before this returns, also on failure.
     *
     * @param readers a reader of the scan, on a new execution context of the transaction
     */
    private <T> void inOrder(KernelTransaction ktx, ExecutorService pool,
                             Function<ExecutionContext, PartitionReader<T>> readers, Consumer<T> visit) {
        if (pool == null) {
            ExecutionContext context = ktx.createExecutionContext();
            int k = 0;
            try (PartitionReader<T> reader = readers.apply(context)) {
                for (; reader.reserve(); k++) {
                    visit.accept(reader.read());
                }
            } finally {
                finish(context);
            }
            partitionsRead.add(k);
            return;
        }
        Partitions<T> partitions = new Partitions<>(WINDOW * threads);
        // The contexts are created here: the transaction is not for other threads to use.
        List<ExecutionContext> contexts = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                contexts.add(ktx.createExecutionContext());
            }
            for (ExecutionContext context : contexts) {
                workers.add(pool.submit(() -> {
                    try {
                        partitions.fill(context, readers);
                    } finally {
                        try {
                            finish(context);
                        } catch (RuntimeException | Error e) {
                            partitions.fail(e);
                        }
                    }
                }));
            }
            int k = 0;
            for (T chunk = partitions.take(k); chunk != null; chunk = partitions.take(++k)) {
                visit.accept(chunk);
            }
            partitionsRead.add(k);
        } finally {
            partitions.stop();
            for (int i = workers.size(); i < contexts.size(); i++) {
                finish(contexts.get(i)); // never handed to a worker
            }
            awaitAll(workers);
        }
        partitions.rethrowFailure(); // a context that failed to close after its last partition
    }

    /** Marks the execution context complete and closes it: on the thread that read through it. */
    private static void finish(ExecutionContext context) {
        try {
            context.complete();
        } finally {
            context.close();
        }
    }

    /** Waits for every worker to end, whatever happens meanwhile; they report their failures to the partitions. */
    private static void awaitAll(List<Future<?>> workers) {
        boolean interrupted = false;
        for (Future<?> worker : workers) {
            while (true) {
                try {
                    worker.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The partitions of one scan as the workers read them: numbered in the order they are reserved (which is the
     * scan's order: reservations are made one at a time), kept until visited, and at most {@code window} reserved
     * ahead of the visits so that a slow visitor does not hold the whole graph in chunks. The first failure of any
     * thread stops every worker and is thrown to the visiting thread.
     */
    private static final class Partitions<T> {
        private final int window;
        private final Map<Integer, T> read = new HashMap<>();
        private int reserved;
        private int visited;
        private boolean exhausted;
        private boolean stopped;
        private Throwable failure;

        Partitions(int window) {
            this.window = window;
        }

        /** A worker: reserves and reads partitions until every one is reserved, or the read stops. */
        void fill(ExecutionContext context, Function<ExecutionContext, PartitionReader<T>> readers) {
            try (PartitionReader<T> reader = readers.apply(context)) {
                while (true) {
                    int k;
                    synchronized (this) {
                        while (!stopped && reserved - visited >= window) {
                            wait();
                        }
                        if (stopped) {
                            return;
                        }
                        if (!reader.reserve()) {
                            exhausted = true;
                            notifyAll();
                            return;
                        }
                        k = reserved++;
                    }
                    T chunk = reader.read();
                    synchronized (this) {
                        read.put(k, chunk);
                        notifyAll();
                    }
                }
            } catch (Throwable e) {
                fail(e);
            }
        }

        /** Records the first failure of any thread, and stops the workers. */
        synchronized void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            stopped = true;
            notifyAll();
        }

        synchronized void rethrowFailure() {
            if (failure != null) {
                throw rethrown(failure);
            }
        }

        /** @return partition {@code k} once read, or null when the scan has fewer partitions */
        synchronized T take(int k) {
            while (true) {
                if (failure != null) {
                    throw rethrown(failure);
                }
                T chunk = read.remove(k);
                if (chunk != null) {
                    visited++;
                    notifyAll();
                    return chunk;
                }
                if (exhausted && k >= reserved) {
                    return null;
                }
                if (stopped) {
                    throw new IllegalStateException("the partitioned read stopped before partition " + k);
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while reading the people and ties", false, e);
                }
            }
        }

        /** Stops the workers at their next partition. */
        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        private static RuntimeException rethrown(Throwable failure) {
            if (failure instanceof RuntimeException e) {
                return e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return new StoreException("a reading thread failed: " + failure, false, failure);
        }
    }

    /**
     * The numbers of people by internal node id, in the order they are added: a plain array while internal ids
     * are small (they are dense in Neo4j's record format), a map beyond. -1 for a node not added. Added to by one
     * thread, then read by any once every person is added.
     */
    private static final class NodeNumbers {
        private static final int DENSE = 1 << 26;
        /** Number plus one by internal id: 0 marks a node not added. */
        private int[] dense = new int[1024];
        private final Map<Long, Integer> sparse = new HashMap<>();
        private int added;

        void add(long id) {
            if (id < DENSE) {
                if (id >= dense.length) {
                    dense = Arrays.copyOf(dense, (int) Math.min(DENSE, Math.max(id + 1, 2L * dense.length)));
                }
                dense[(int) id] = ++added;
            } else {
                sparse.put(id, added++);
            }
        }

        int of(long id) {
            if (id < DENSE) {
                return id < dense.length ? dense[(int) id] - 1 : -1;
            }
            return sparse.getOrDefault(id, -1);
        }
    }
}
