package org.advocategraph.tools.connect;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.tools.format.FormatException;

/**
 * Converts a social network given as an edge list into a folder of import files: people and the ties between
 * them, or, for a bipartite file, people and the events they attended.
 *
 * <h2>Input</h2>
 * <ul>
 * <li><b>SNAP-style edge lists</b> (plain or {@code .gz}): one edge per line, {@code source target [third]};
 * lines starting with {@code #} and blank lines are skipped. If any data line holds a tab, columns are split on
 * tabs only, so ids may contain spaces ({@code Brenda Rogers}); otherwise on runs of white space. A line with
 * one column is an error.</li>
 * <li><b>GML</b> (by the ending {@code .gml} or {@code .gml.gz}), as in Newman's network files; see
 * {@link Gml}. Every node becomes a person, isolated ones too; a node's {@code value} (a ground-truth group
 * such as a faction or a conference) becomes its department, as text; edges carry their {@code value} as the
 * third column. A file that declares {@code directed 1} is directed.</li>
 * <li><b>Attributes</b> (optional): lines {@code id<TAB>value} (or {@code id value} when the file has no
 * tab), {@code #} comments; the value becomes the person's department (a customer's segment). Ids that match
 * no person (for GML: neither a node id nor a label) are reported and skipped.</li>
 * </ul>
 *
 * <h2>Model</h2>
 * <ul>
 * <li><b>People</b>: id {@code p-} plus the source id as {@link SourceIds} derives it (lower-cased, spaces as
 * {@code _}, other characters percent-encoded; two source ids that would collide are an error), name = the
 * original id (for GML the label). Employees by default: capacity 5, active, opted in, no languages, no
 * purposes; with {@code customers}, customers with no followers.</li>
 * <li><b>The third column</b> is used when every edge has one and all parse as finite numbers; otherwise it is
 * ignored with a warning. When all are whole numbers of at least 100,000,000 they are unix timestamps (seconds;
 * 1973-03-03 onwards) and give {@code since}; otherwise they are weights.</li>
 * <li><b>Ties</b>: one per (from, to, kind); lines repeating a pair are aggregated. Undirected: one tie per
 * unordered pair, from the smaller person id; kind {@code knows} unless given. Directed: from the first to the
 * second column; kind {@code follows} unless given. Strength: with weights, the pair's summed weight divided by
 * the largest summed weight, so in (0, 1] (lines with a weight of 0 or less are skipped); otherwise
 * {@code n / (n + 1)} for a pair seen on n lines: 0.5 (the import format's default) for one, 0.67 for two,
 * 0.75 for three, approaching 1 for many messages. With timestamps, since = the pair's first. Self loops are
 * skipped and counted.</li>
 * <li><b>Bipartite</b> files (first column people, second events): each event becomes a conversation
 * {@code ev-<slug>}, channel {@code event}, text = the event's name, status closed (it is over), no language,
 * purpose or author, and createdAt {@link #EVENT_TIME} (1970-01-01T00:00:00Z), because such files carry no
 * dates: read it as "unknown". Each person {@code PARTICIPATED_IN} each event they attended; no ties are
 * invented. A third column is ignored.</li>
 * </ul>
 *
 * <p>Time is linear in the input; memory holds one entry per node and per distinct pair.
 */
public final class EdgeListConverter {
    /** createdAt of events from bipartite files, which carry no dates. */
    public static final Instant EVENT_TIME = Instant.EPOCH;
    /** Smallest whole number read as a unix timestamp (1973-03-03T09:46:40Z). */
    static final long MIN_TIMESTAMP = 100_000_000L;
    /** Largest: year 5138; a bigger number is a weight, not a date. */
    static final long MAX_TIMESTAMP = 100_000_000_000L;

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final Pattern WHITE = Pattern.compile("\\s+");

    private final EdgeListOptions options;

    /** @param options how to read the file */
    public EdgeListConverter(EdgeListOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A person or event: its record id, display name and department. */
    private static final class Node {
        final String id;
        final String name;
        String department;

        Node(String id, String name, String department) {
            this.id = id;
            this.name = name;
            this.department = department;
        }
    }

    /** The lines of one (from, to) pair. */
    private static final class Pair {
        final int from;
        final int to;
        long lines;
        long positiveLines;
        double positiveSum;
        double min = Double.POSITIVE_INFINITY;

        Pair(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /** What the third column holds, learnt over the whole file before it is used. */
    private static final class ThirdColumn {
        long present;
        long missing;
        long firstMissing;
        long firstNonNumeric;
        String nonNumeric;
        boolean timestamps = true;
        long nonPositive;
        long firstNonPositive;

        /** @return the number, or NaN when absent or not a finite number */
        double read(String text, long line) {
            if (text == null) {
                missing++;
                if (firstMissing == 0) {
                    firstMissing = line;
                }
                return Double.NaN;
            }
            present++;
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                if (nonNumeric == null) {
                    nonNumeric = text;
                    firstNonNumeric = line;
                }
                return Double.NaN;
            }
            if (!WHOLE.matcher(text).matches() || v < MIN_TIMESTAMP || v > MAX_TIMESTAMP) {
                timestamps = false;
            }
            if (v <= 0) {
                nonPositive++;
                if (firstNonPositive == 0) {
                    firstNonPositive = line;
                }
            }
            return v;
        }

        boolean usable() {
            return present > 0 && missing == 0 && nonNumeric == null;
        }
    }

    /** The state of one conversion. */
    private final class Run {
        final String file;
        final Warnings warnings = new Warnings();
        final SourceIds personIds = new SourceIds("p-");
        final SourceIds eventIds = new SourceIds("ev-");
        final Map<String, Integer> people = new HashMap<>();
        final List<Node> peopleList = new ArrayList<>();
        final Map<String, Integer> events = new HashMap<>();
        final List<Node> eventList = new ArrayList<>();
        final Map<String, Integer> labels = new HashMap<>();
        final Map<Long, Pair> pairs = new LinkedHashMap<>();
        final Set<Long> attended = new LinkedHashSet<>();
        final ThirdColumn third = new ThirdColumn();
        boolean directed = options.directed();

        Run(String file) {
            this.file = file;
        }

        int person(String source, String name, long line) {
            Integer known = people.get(source);
            if (known != null) {
                return known;
            }
            String id = personIds.id(source, file, line);
            people.put(source, peopleList.size());
            peopleList.add(new Node(id, name == null || name.isBlank() ? source : name, null));
            return peopleList.size() - 1;
        }

        int event(String source, long line) {
            Integer known = events.get(source);
            if (known != null) {
                return known;
            }
            events.put(source, eventList.size());
            eventList.add(new Node(eventIds.id(source, file, line), source, null));
            return eventList.size() - 1;
        }

        /** One edge line between node indices {@code a} and {@code b} (for a bipartite file, a person and an event). */
        void edge(int a, int b, String thirdText, long line) {
            if (options.bipartite()) {
                if (!attended.add(((long) a << 32) | b)) {
                    warnings.add("repeated-attendance", file + ":" + line + ": '" + peopleList.get(a).name + "' attends '"
                            + eventList.get(b).name + "' on an earlier line too; one participation is kept");
                }
                return;
            }
            if (a == b) {
                warnings.skip("self-loop", file + ":" + line + ": self loop on '" + peopleList.get(a).name + "' skipped");
                return;
            }
            double value = third.read(thirdText, line);
            int from = a;
            int to = b;
            if (!directed && peopleList.get(a).id.compareTo(peopleList.get(b).id) > 0) {
                from = b;
                to = a;
            }
            long key = ((long) from << 32) | to;
            Pair p = pairs.get(key);
            if (p == null) {
                p = new Pair(from, to);
                pairs.put(key, p);
            }
            p.lines++;
            if (!Double.isNaN(value)) {
                if (value > 0) {
                    p.positiveLines++;
                    p.positiveSum += value;
                }
                p.min = Math.min(p.min, value);
            }
        }
    }

    /**
     * @param edgeFile       the edge list ({@code .gml} or {@code .gml.gz}: GML; anything else: SNAP style)
     * @param attributesFile {@code id value} lines giving departments, or null
     * @param outDir         where to write the import files; created when missing, files of the same names
     *                       replaced
     * @return rows written per file, skipped records and warnings
     * @throws FormatException naming the file and line of the first problem in the input
     */
    public ConversionSummary convert(Path edgeFile, Path attributesFile, Path outDir) {
        Run run = new Run(edgeFile.toString());
        String lower = edgeFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gml") || lower.endsWith(".gml.gz")) {
            if (options.bipartite()) {
                throw new FormatException(run.file, 0, null, "bipartite reading applies to two-column edge lists, "
                        + "not to GML");
            }
            readGml(edgeFile, run);
        } else {
            readEdges(edgeFile, run);
        }
        if (attributesFile != null) {
            readAttributes(attributesFile, run);
        }
        try (ImportFolderWriter out = ImportFolderWriter.open(outDir)) {
            writePeople(out, run);
            if (options.bipartite()) {
                writeEvents(out, run);
            } else {
                writeTies(out, run);
            }
            out.commit();
            return new ConversionSummary(out.rowsPerFile(), run.warnings.skipped(), run.warnings.lines());
        }
    }

    // ------------------------------------------------------------------ reading

    private void readEdges(Path path, Run run) {
        boolean tabs = hasTab(path);
        boolean extraColumns = false;
        try (TextLines lines = TextLines.open(path)) {
            for (String l = lines.next(); l != null; l = lines.next()) {
                if (l.isBlank() || l.stripLeading().startsWith("#")) {
                    continue;
                }
                String[] f = columns(l, tabs);
                if (f.length < 2) {
                    throw new FormatException(run.file, lines.line(), null, "expected two columns (source and target) "
                            + "separated by " + (tabs ? "a tab (the file has tabs, so only tabs separate)" : "white space")
                            + ", found one: '" + l.strip() + "'");
                }
                if (f[0].isEmpty() || f[1].isEmpty()) {
                    throw new FormatException(run.file, lines.line(), null, "the " + (f[0].isEmpty() ? "first" : "second")
                            + " column is empty");
                }
                if (f.length > 3 && !extraColumns) {
                    extraColumns = true;
                    run.warnings.add("extra-columns", run.file + ":" + lines.line() + ": columns after the third are ignored");
                }
                String third = f.length >= 3 && !f[2].isEmpty() ? f[2] : null;
                int a = run.person(f[0], null, lines.line());
                if (options.bipartite()) {
                    if (third != null) {
                        run.warnings.add("bipartite-third", run.file + ":" + lines.line() + ": a bipartite file's "
                                + "third column is ignored");
                    }
                    run.edge(a, run.event(f[1], lines.line()), null, lines.line());
                } else {
                    run.edge(a, run.person(f[1], null, lines.line()), third, lines.line());
                }
            }
        }
    }

    private void readGml(Path path, Run run) {
        Gml.Graph g = Gml.read(path);
        if (g.directed() && !run.directed) {
            run.directed = true;
            run.warnings.add("gml-directed", run.file + ": the file declares 'directed 1': ties are directed");
        }
        if (!g.ignoredNodeKeys().isEmpty()) {
            run.warnings.add("gml-attributes", run.file + ": node attributes " + g.ignoredNodeKeys()
                    + " are ignored (only id, label and value are read)");
        }
        Map<String, Integer> byId = new HashMap<>();
        for (Gml.Node n : g.nodes()) {
            if (byId.containsKey(n.id())) {
                throw new FormatException(run.file, n.line(), null, "node id " + n.id() + " appears twice");
            }
            int i = run.person(n.id(), n.label(), n.line());
            byId.put(n.id(), i);
            run.peopleList.get(i).department = n.value();
            if (n.label() != null && !n.label().isBlank()) {
                // A label shared by two nodes cannot name either of them in the attributes file.
                run.labels.merge(n.label(), i, (x, y) -> -1);
            }
        }
        for (Gml.Edge e : g.edges()) {
            Integer a = byId.get(e.source());
            Integer b = byId.get(e.target());
            if (a == null || b == null) {
                throw new FormatException(run.file, e.line(), null, "edge " + (a == null ? "source " + e.source()
                        : "target " + e.target()) + " is not the id of a node");
            }
            run.edge(a, b, e.value(), e.line());
        }
    }

    private void readAttributes(Path path, Run run) {
        List<String> lines = new ArrayList<>();
        boolean tabs = false;
        try (TextLines in = TextLines.open(path)) {
            for (String l = in.next(); l != null; l = in.next()) {
                lines.add(l);
                tabs |= l.indexOf('\t') >= 0;
            }
        }
        String file = path.toString();
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            long line = i + 1;
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            String s = l.strip();
            int cut = tabs ? s.indexOf('\t') : firstWhiteSpace(s);
            String id = cut < 0 ? s : s.substring(0, cut).strip();
            String value = cut < 0 ? "" : s.substring(cut + 1).strip();
            if (id.isEmpty() || value.isEmpty()) {
                throw new FormatException(file, line, null, "expected an id and a value separated by "
                        + (tabs ? "a tab" : "white space") + ", found '" + s + "'");
            }
            String earlier = values.putIfAbsent(id, value);
            if (earlier != null) {
                if (!earlier.equals(value)) {
                    throw new FormatException(file, line, null, "id '" + id + "' has the value '" + value + "' here and '"
                            + earlier + "' on line " + firstLine.get(id));
                }
                continue;
            }
            firstLine.put(id, (int) line);
            Integer person = run.people.get(id);
            if (person == null) {
                Integer byLabel = run.labels.get(id);
                person = byLabel == null || byLabel < 0 ? null : byLabel;
            }
            if (person == null) {
                run.warnings.skip("unknown-attribute-id", file + ":" + line + ": id '" + id + "' is not a person of "
                        + run.file + "; its value is ignored");
                continue;
            }
            run.peopleList.get(person).department = value;
        }
    }

    // ------------------------------------------------------------------ writing

    private void writePeople(ImportFolderWriter out, Run run) {
        for (Node n : run.peopleList) {
            String group = n.department == null ? "" : n.department;
            if (options.customers()) {
                out.write(new Customer(n.id, n.name, null, group, "", List.of(), List.of(), 0));
            } else {
                out.write(new Employee(n.id, n.name, "", group, "", List.of(), Set.of(), Set.of(), 5, true, true, null));
            }
        }
    }

    private void writeEvents(ImportFolderWriter out, Run run) {
        for (Node e : run.eventList) {
            out.write(new Conversation(e.id, "event", "", e.name, "", 0, EVENT_TIME, ConversationStatus.CLOSED, null,
                    0, null));
        }
        for (long key : run.attended) {
            int person = (int) (key >>> 32);
            int event = (int) key;
            out.write(new Participation(run.peopleList.get(person).id, run.eventList.get(event).id));
        }
    }

    private void writeTies(ImportFolderWriter out, Run run) {
        ThirdColumn third = run.third;
        boolean use = third.usable();
        if (third.present > 0 && !use) {
            run.warnings.add("third-ignored", third.nonNumeric != null
                    ? run.file + ":" + third.firstNonNumeric + ": '" + third.nonNumeric + "' is not a number, so the "
                    + "third column is ignored for the whole file"
                    : run.file + ":" + third.firstMissing + ": this line has no third column while others have one, "
                    + "so the third column is ignored for the whole file");
        }
        boolean timestamps = use && third.timestamps;
        boolean weights = use && !third.timestamps;
        double max = 0;
        if (weights) {
            for (Pair p : run.pairs.values()) {
                max = Math.max(max, p.positiveSum);
            }
            run.warnings.skipMany("non-positive-weight", run.file + ":" + third.firstNonPositive + ": a weight of 0 or less is not "
                    + "a tie; line skipped", third.nonPositive);
        }
        TieKind kind = options.kind() != null ? options.kind() : run.directed ? TieKind.FOLLOWS : TieKind.KNOWS;
        for (Pair p : run.pairs.values()) {
            double strength;
            Instant since = null;
            if (weights) {
                if (p.positiveLines == 0) {
                    continue;
                }
                strength = p.positiveSum / max;
            } else {
                strength = Evidence.saturating(p.lines, 1);
                if (timestamps) {
                    since = Instant.ofEpochSecond((long) p.min);
                }
            }
            out.write(new Tie(run.peopleList.get(p.from).id, run.peopleList.get(p.to).id, kind,
                    Evidence.round(strength), since));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The column rule needs the whole file: one tab anywhere makes tabs the only separator. */
    private static boolean hasTab(Path path) {
        try (TextLines lines = TextLines.open(path)) {
            for (String l = lines.next(); l != null; l = lines.next()) {
                if (l.indexOf('\t') >= 0 && !l.stripLeading().startsWith("#")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String[] columns(String line, boolean tabs) {
        if (!tabs) {
            return WHITE.split(line.strip());
        }
        String[] f = line.split("\t", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
        }
        return f;
    }

    private static int firstWhiteSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
