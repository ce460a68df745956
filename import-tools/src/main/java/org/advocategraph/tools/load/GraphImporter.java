package org.advocategraph.tools.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.advocategraph.model.About;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.tools.format.FormatException;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RecordSource;
import org.advocategraph.tools.format.RecordSources;

/**
 * Imports a folder of import files into a graph store in two passes. The first reads every file and checks
 * every row (types, ranges, duplicates within a file, references to ids that exist neither in the files nor in
 * the store); if anything is wrong, nothing is written. The second writes in batches, one transaction each,
 * nodes before relationships. Writes are idempotent upserts, so running the same import again changes nothing,
 * and an interrupted import completes when run again.
 */
public final class GraphImporter {
    private final GraphStore store;
    private final ImportOptions options;
    private final Consumer<String> messages;
    private final java.io.PrintStream terminal;

    /**
     * @param store    where to write
     * @param options  batch size, error bound, dry run, writers
     * @param messages receives progress lines
     */
    public GraphImporter(GraphStore store, ImportOptions options, Consumer<String> messages) {
        this(store, options, messages, null);
    }

    private GraphImporter(GraphStore store, ImportOptions options, Consumer<String> messages, java.io.PrintStream terminal) {
        this.store = store;
        this.options = options;
        this.messages = messages;
        this.terminal = terminal;
    }

    /**
     * @return an importer that draws a progress bar on standard output when it is a terminal, and prints a plain
     *         progress line every few seconds to {@code messages} otherwise
     */
    public static GraphImporter forConsole(GraphStore store, ImportOptions options, Consumer<String> messages) {
        return new GraphImporter(store, options, messages, System.console() != null ? System.out : null);
    }

    /**
     * @param dir the folder holding {@code employees.csv} and the others (each optional, plain or {@code .gz})
     * @return the summary; when it has errors, nothing was written
     * @throws FormatException when the folder holds no import file at all
     */
    public ImportSummary importDirectory(Path dir) {
        long started = System.nanoTime();
        Map<ImportFile, Path> files = discover(dir);
        Map<String, Long> rows;
        {
            // The checks' id sets are large (one entry per node): they go before anything is written.
            Validation validation = validate(files);
            rows = validation.rowsPerFile;
            messages.accept(String.format(java.util.Locale.ROOT, "Checked %,d rows in %.1f s.", sum(rows), seconds(started)));
            if (!validation.errors.isEmpty() || options.dryRun()) {
                return new ImportSummary(rows, sum(rows), UpsertResult.empty(), validation.errors, validation.badRows,
                        seconds(started), options.dryRun());
            }
        }
        long total = sum(rows);
        Progress progress = new Progress(terminal, messages, total);
        // Into an empty store, validated files can be created without existence checks; a re-run (say after an
        // interrupted import) finds the store non-empty and merges, so it still ends in the same graph.
        boolean create = options.createWhenEmpty() && store.counts().values().stream().allMatch(n -> n == 0);
        messages.accept(create ? "The store is empty: creating without existence checks." : "Merging into the store by id.");
        UpsertResult written = UpsertResult.empty();
        for (var entry : files.entrySet()) {
            progress.file(entry.getValue().getFileName().toString());
            long fileStarted = System.nanoTime();
            written = written.plus(write(entry.getKey(), entry.getValue(), progress, create));
            long n = rows.get(entry.getValue().getFileName().toString());
            if (terminal == null && n > 0) {
                double s = seconds(fileStarted);
                messages.accept(String.format(java.util.Locale.ROOT, "  %-22s %,10d rows %7.1f s %,9.0f rows/s",
                        entry.getValue().getFileName(), n, s, n / Math.max(s, 1e-9)));
            }
        }
        progress.finish();
        return new ImportSummary(rows, total, written, List.of(), 0, seconds(started), false);
    }

    private Map<ImportFile, Path> discover(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir.toString(), 0, null, "not a folder");
        }
        Map<ImportFile, Path> files = new LinkedHashMap<>();
        for (ImportFile type : ImportFile.values()) {
            RecordSources.find(dir, type).ifPresent(p -> files.put(type, p));
        }
        if (files.isEmpty()) {
            throw new FormatException(dir.toString(), 0, null, "no import files found; expected some of "
                    + java.util.Arrays.stream(ImportFile.values()).map(ImportFile::baseName).toList()
                    + " with one of the endings " + RecordSources.ENDINGS);
        }
        return files;
    }

    // ------------------------------------------------------------------ pass 1: validate

    private static final class Validation {
        final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
        long badRows;
        final Map<NodeKind, Set<String>> ids = new EnumMap<>(NodeKind.class);
        /** References not found in the files, to check against the store: kind -> id -> first place seen. */
        final Map<NodeKind, Map<String, String>> pending = new EnumMap<>(NodeKind.class);
    }

    private Validation validate(Map<ImportFile, Path> files) {
        Validation v = new Validation();
        for (NodeKind k : NodeKind.values()) {
            v.ids.put(k, new HashSet<>());
            v.pending.put(k, new LinkedHashMap<>());
        }
        // Node files first: relationships may point at any node in any file.
        for (var entry : files.entrySet()) {
            if (GraphNode.class.isAssignableFrom(entry.getKey().type())) {
                validateFile(entry.getKey(), entry.getValue(), v);
            }
        }
        for (var entry : files.entrySet()) {
            if (!GraphNode.class.isAssignableFrom(entry.getKey().type())) {
                validateFile(entry.getKey(), entry.getValue(), v);
            }
        }
        if (v.errors.size() < options.maxErrors()) {
            for (var kind : v.pending.entrySet()) {
                Map<String, String> wanted = kind.getValue();
                if (wanted.isEmpty()) {
                    continue;
                }
                Set<String> existing = store.existingIds(kind.getKey(), wanted.keySet());
                for (var ref : wanted.entrySet()) {
                    if (!existing.contains(ref.getKey()) && v.errors.size() < options.maxErrors()) {
                        v.errors.add(ref.getValue() + ": unknown " + kind.getKey().label().toLowerCase(java.util.Locale.ROOT)
                                + " id '" + ref.getKey() + "' (in neither the files nor the store)");
                    }
                }
            }
        }
        return v;
    }

    private void validateFile(ImportFile type, Path path, Validation v) {
        String name = path.getFileName().toString();
        Set<String> keys = new HashSet<>();
        Map<String, Long> firstLine = new HashMap<>();
        long count = 0;
        try {
            count = readRows(type, path, (line, element) -> {
                String key = key(element);
                if (!keys.add(key)) {
                    error(v, name + ":" + line + ": " + keyColumn(element) + ": duplicate " + describeKey(element)
                            + " (first on line " + firstLine.get(key) + ")");
                    return;
                }
                if (firstLine.size() < 1_000_000) {
                    firstLine.put(key, line);
                }
                if (element instanceof GraphNode node) {
                    v.ids.get(NodeKind.of(node)).add(node.id());
                    if ((node instanceof Employee || node instanceof Customer) && !v.ids.get(NodeKind.PERSON).add(node.id())) {
                        // Employees and customers share one id space: a person is one or the other.
                        error(v, name + ":" + line + ": id: '" + node.id() + "' is already the id of an employee");
                    }
                } else {
                    for (Ref ref : references(element)) {
                        if (!v.ids.get(ref.kind()).contains(ref.id())) {
                            v.pending.get(ref.kind()).putIfAbsent(ref.id(), name + ":" + line + ": " + ref.column());
                        }
                    }
                }
            }, v);
        } catch (FormatException e) {
            error(v, e.getMessage());
        }
        v.rowsPerFile.put(name, count);
    }

    private void error(Validation v, String message) {
        if (v.errors.size() < options.maxErrors()) {
            v.errors.add(message);
        }
    }

    private interface RowConsumer {
        void accept(long line, GraphElement element);
    }

    /** Reads a file, handing each valid row on; problems go to {@code v}. */
    private long readRows(ImportFile type, Path path, RowConsumer consumer, Validation v) {
        long count = 0;
        try (RecordSource source = RecordSources.open(type, path)) {
            while (true) {
                RecordSource.Entry entry;
                try {
                    entry = source.next();
                } catch (FormatException e) {
                    error(v, e.getMessage());
                    if (source.broken() || v.errors.size() >= options.maxErrors()) {
                        return count;
                    }
                    count++;
                    v.badRows++;
                    continue;
                }
                if (entry == null) {
                    return count;
                }
                count++;
                consumer.accept(entry.line(), entry.element());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ pass 2: write

    /**
     * Writes one file: this thread reads and parses batches while {@code writers} threads write earlier batches,
     * each batch one transaction. The file was validated, so a failure here is the store's (then it is thrown,
     * and what was committed stays: running the import again completes it, as writes are upserts).
     */
    private UpsertResult write(ImportFile type, Path path, Progress progress, boolean create) {
        int writers = options.writers();
        BlockingQueue<List<GraphElement>> queue = new ArrayBlockingQueue<>(writers * 2);
        List<GraphElement> poison = List.of();
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
        List<Future<UpsertResult>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                UpsertResult mine = UpsertResult.empty();
                for (List<GraphElement> batch = queue.take(); batch != poison; batch = queue.take()) {
                    mine = mine.plus(create ? store.insertNew(batch) : store.upsert(batch));
                    progress.add(batch.size());
                }
                return mine;
            }));
        }
        try (RecordSource source = RecordSources.open(type, path)) {
            List<GraphElement> batch = new ArrayList<>(options.batchSize());
            for (RecordSource.Entry e = source.next(); e != null; e = source.next()) {
                batch.add(e.element());
                if (batch.size() >= options.batchSize()) {
                    put(queue, batch, results);
                    batch = new ArrayList<>(options.batchSize());
                }
            }
            if (!batch.isEmpty()) {
                put(queue, batch, results);
            }
            for (int i = 0; i < writers; i++) {
                put(queue, poison, results);
            }
            UpsertResult total = UpsertResult.empty();
            for (Future<UpsertResult> f : results) {
                total = total.plus(f.get());
            }
            return total;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Hands a batch to the writers, giving up as soon as one of them has failed. */
    private static void put(BlockingQueue<List<GraphElement>> queue, List<GraphElement> batch,
                            List<Future<UpsertResult>> writers) throws InterruptedException, ExecutionException {
        while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            for (Future<UpsertResult> f : writers) {
                if (f.isDone()) {
                    f.get();
                }
            }
        }
    }

    // ------------------------------------------------------------------ keys and references

    private record Ref(NodeKind kind, String id, String column) {
    }

    private static List<Ref> references(GraphElement e) {
        if (e instanceof Expertise x) {
            return List.of(new Ref(NodeKind.EMPLOYEE, x.employeeId(), "employeeId"), new Ref(NodeKind.TOPIC, x.topicId(), "topicId"));
        } else if (e instanceof Interest x) {
            return List.of(new Ref(NodeKind.CUSTOMER, x.customerId(), "customerId"), new Ref(NodeKind.TOPIC, x.topicId(), "topicId"));
        } else if (e instanceof SubtopicOf x) {
            return List.of(new Ref(NodeKind.TOPIC, x.childId(), "childId"), new Ref(NodeKind.TOPIC, x.parentId(), "parentId"));
        } else if (e instanceof Tie x) {
            return List.of(new Ref(NodeKind.PERSON, x.fromId(), "fromId"), new Ref(NodeKind.PERSON, x.toId(), "toId"));
        } else if (e instanceof Participation x) {
            return List.of(new Ref(NodeKind.PERSON, x.personId(), "personId"),
                    new Ref(NodeKind.CONVERSATION, x.conversationId(), "conversationId"));
        } else if (e instanceof About x) {
            return List.of(new Ref(NodeKind.CONVERSATION, x.conversationId(), "conversationId"),
                    new Ref(NodeKind.TOPIC, x.topicId(), "topicId"));
        } else if (e instanceof AccountOwnership x) {
            return List.of(new Ref(NodeKind.EMPLOYEE, x.employeeId(), "employeeId"), new Ref(NodeKind.ACCOUNT, x.accountId(), "accountId"));
        } else if (e instanceof Membership x) {
            return List.of(new Ref(NodeKind.EMPLOYEE, x.employeeId(), "employeeId"), new Ref(NodeKind.PROGRAM, x.programId(), "programId"));
        } else if (e instanceof Assignment x) {
            return List.of(new Ref(NodeKind.EMPLOYEE, x.employeeId(), "employeeId"),
                    new Ref(NodeKind.CONVERSATION, x.conversationId(), "conversationId"));
        }
        return List.of();
    }

    private static String key(GraphElement e) {
        if (e instanceof GraphNode n) {
            return n.id();
        } else if (e instanceof Tie t) {
            return t.fromId() + '\u0000' + t.toId() + '\u0000' + t.kind();
        } else if (e instanceof Assignment a) {
            return a.id();
        }
        List<Ref> refs = references(e);
        return refs.get(0).id() + '\u0000' + refs.get(1).id();
    }

    private static String keyColumn(GraphElement e) {
        return e instanceof GraphNode || e instanceof Assignment ? "id" : references(e).get(0).column();
    }

    private static String describeKey(GraphElement e) {
        if (e instanceof GraphNode || e instanceof Assignment) {
            return "id '" + key(e) + "'";
        }
        return "row for " + key(e).replace('\u0000', ' ');
    }

    private static long sum(Map<String, Long> rows) {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

}
