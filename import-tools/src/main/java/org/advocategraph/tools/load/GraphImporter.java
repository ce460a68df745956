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
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.FormatException;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RowParser;
import org.advocategraph.tools.format.TextFiles;

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
    private final Consumer<String> progress;

    /**
     * @param store    where to write
     * @param options  batch size, error bound, dry run
     * @param progress receives progress lines
     */
    public GraphImporter(GraphStore store, ImportOptions options, Consumer<String> progress) {
        this.store = store;
        this.options = options;
        this.progress = progress;
    }

    /**
     * @param dir the folder holding {@code employees.csv} and the others (each optional, plain or {@code .gz})
     * @return the summary; when it has errors, nothing was written
     * @throws FormatException when the folder holds no import file at all
     */
    public ImportSummary importDirectory(Path dir) {
        long started = System.nanoTime();
        Map<ImportFile, Path> files = discover(dir);
        Validation validation = validate(files);
        Map<String, Long> rows = validation.rowsPerFile;
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        if (!validation.errors.isEmpty() || options.dryRun()) {
            return new ImportSummary(rows, total, 0, 0, 0, List.of(), validation.errors, seconds(started), options.dryRun());
        }
        UpsertResult written = UpsertResult.empty();
        long done = 0;
        for (var entry : files.entrySet()) {
            written = written.plus(write(entry.getKey(), entry.getValue(), done, total, started));
            done += rows.get(entry.getValue().getFileName().toString());
        }
        return new ImportSummary(rows, total, written.nodes(), written.relationships(), written.skippedCount(),
                written.skipped(), List.of(), seconds(started), false);
    }

    private Map<ImportFile, Path> discover(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir.toString(), 0, null, "not a folder");
        }
        Map<ImportFile, Path> files = new LinkedHashMap<>();
        for (ImportFile type : ImportFile.values()) {
            Path plain = dir.resolve(type.fileName());
            Path gz = dir.resolve(type.fileName() + ".gz");
            if (Files.exists(plain) && Files.exists(gz)) {
                throw new FormatException(gz.toString(), 0, null, "both " + plain.getFileName() + " and "
                        + gz.getFileName() + " exist; keep one");
            }
            if (Files.exists(plain)) {
                files.put(type, plain);
            } else if (Files.exists(gz)) {
                files.put(type, gz);
            }
        }
        if (files.isEmpty()) {
            throw new FormatException(dir.toString(), 0, null, "no import files found; expected some of "
                    + java.util.Arrays.stream(ImportFile.values()).map(ImportFile::fileName).toList());
        }
        return files;
    }

    // ------------------------------------------------------------------ pass 1: validate

    private static final class Validation {
        final Map<String, Long> rowsPerFile = new LinkedHashMap<>();
        final List<String> errors = new ArrayList<>();
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

    /** Reads a file, handing each valid row on; row errors go to {@code v} when given, else are thrown. */
    private long readRows(ImportFile type, Path path, RowConsumer consumer, Validation v) {
        String name = path.getFileName().toString();
        long count = 0;
        try (CsvReader reader = new CsvReader(TextFiles.open(path), name)) {
            CsvReader.Row header = reader.next();
            if (header == null) {
                throw new FormatException(name, 1, null, "the file is empty; it needs at least a header row: "
                        + String.join(",", type.requiredColumns()));
            }
            RowParser parser = type.header(name, header.line(), header.fields());
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                if (row.fields().size() == 1 && row.fields().get(0).isEmpty()) {
                    continue; // a blank line
                }
                count++;
                GraphElement element;
                try {
                    element = parser.parse(row.line(), row.fields());
                } catch (FormatException e) {
                    if (v == null) {
                        throw e;
                    }
                    error(v, e.getMessage());
                    if (v.errors.size() >= options.maxErrors()) {
                        return count;
                    }
                    continue;
                }
                consumer.accept(row.line(), element);
            }
        } catch (IOException e) {
            throw new FormatException(name, 0, null, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new FormatException(name, 0, null, "cannot read: " + e.getCause().getMessage());
        }
        return count;
    }

    // ------------------------------------------------------------------ pass 2: write

    private UpsertResult write(ImportFile type, Path path, long doneBefore, long total, long started) {
        List<GraphElement> batch = new ArrayList<>(options.batchSize());
        UpsertResult[] result = {UpsertResult.empty()};
        long[] done = {doneBefore};
        long[] lastReport = {System.nanoTime()};
        readRows(type, path, (line, element) -> {
            batch.add(element);
            if (batch.size() >= options.batchSize()) {
                result[0] = result[0].plus(store.upsert(batch));
                done[0] += batch.size();
                batch.clear();
                if (System.nanoTime() - lastReport[0] > 2_000_000_000L) {
                    lastReport[0] = System.nanoTime();
                    double s = seconds(started);
                    progress.accept(String.format(java.util.Locale.ROOT, "  %s: %,d of %,d rows (%.0f%%), %,.0f rows/s",
                            path.getFileName(), done[0], total, 100.0 * done[0] / Math.max(1, total), done[0] / Math.max(s, 1e-9)));
                }
            }
        }, null);
        if (!batch.isEmpty()) {
            result[0] = result[0].plus(store.upsert(batch));
        }
        progress.accept(String.format(java.util.Locale.ROOT, "  %s: done", path.getFileName()));
        return result[0];
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

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

}
