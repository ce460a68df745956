package org.advocategraph.tools.connect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.advocategraph.tools.format.FormatException;

/**
 * A small reader for GML (Graph Modelling Language, Himsolt 1997) as used by Newman's network files:
 * {@code graph [ directed 0 node [ id 0 label "x" value 7 ] edge [ source 0 target 1 value 2 ] ]}.
 *
 * <p>The text is tokenised into keys, numbers, quoted strings (which may span lines; the HTML entities
 * {@code &quot; &amp; &lt; &gt; &apos;} and {@code &#N;} are decoded) and brackets; {@code #} starts a comment
 * line. Every key-value list is parsed, nested lists (such as {@code graphics [ ... ]}) are skipped. Node
 * attributes other than {@code id}, {@code label} and {@code value} are reported as ignored. The whole file is
 * held in memory, which suits GML: it is a format for small graphs.
 */
final class Gml {
    /** Bound on nested lists, so that a hostile file cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;

    record Node(String id, String label, String value, long line) {
    }

    /** @param value the edge's {@code value}, or null */
    record Edge(String source, String target, String value, long line) {
    }

    record Graph(boolean directed, List<Node> nodes, List<Edge> edges, Set<String> ignoredNodeKeys) {
    }

    private record Token(char kind, String text, long line) {
        // kind: 'k' key, 's' string, 'n' number, '[' and ']'
    }

    /** A parsed value: a scalar (number or string) or a nested list. */
    private record Entry(String key, Token scalar, List<Entry> list, long line) {
    }

    private final String file;
    private final String text;
    private int pos;
    private long line = 1;

    private Gml(String file, String text) {
        this.file = file;
        this.text = text;
    }

    static Graph read(Path path) {
        StringBuilder sb = new StringBuilder();
        try (TextLines lines = TextLines.open(path)) {
            for (String l = lines.next(); l != null; l = lines.next()) {
                sb.append(l).append('\n');
            }
        }
        return new Gml(path.toString(), sb.toString()).graph();
    }

    private Graph graph() {
        List<Entry> top = list(0, null);
        Entry graph = null;
        for (Entry e : top) {
            if (e.key().equals("graph")) {
                if (e.list() == null) {
                    throw fail(e.line(), "'graph' must be followed by [ ... ]");
                }
                if (graph != null) {
                    throw fail(e.line(), "a second 'graph'; one file holds one graph");
                }
                graph = e;
            }
        }
        if (graph == null) {
            throw fail(0, "no 'graph [ ... ]' block; is this a GML file?");
        }
        boolean directed = false;
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Set<String> ignored = new LinkedHashSet<>();
        for (Entry e : graph.list()) {
            switch (e.key()) {
                case "directed" -> {
                    String d = scalar(e, "directed");
                    if (!d.equals("0") && !d.equals("1")) {
                        throw fail(e.line(), "'directed' must be 0 or 1, was '" + d + "'");
                    }
                    directed = d.equals("1");
                }
                case "node" -> nodes.add(node(e, ignored));
                case "edge" -> edges.add(edge(e));
                default -> {
                    // Graph-level attributes (label, comment, multigraph, ...) carry nothing the model uses.
                }
            }
        }
        return new Graph(directed, nodes, edges, ignored);
    }

    private Node node(Entry e, Set<String> ignored) {
        if (e.list() == null) {
            throw fail(e.line(), "'node' must be followed by [ ... ]");
        }
        String id = null;
        String label = null;
        String value = null;
        for (Entry a : e.list()) {
            switch (a.key()) {
                case "id" -> id = scalar(a, "id");
                case "label" -> label = scalar(a, "label");
                case "value" -> value = scalar(a, "value");
                default -> ignored.add(a.key());
            }
        }
        if (id == null || id.isBlank()) {
            throw fail(e.line(), "a node without an id");
        }
        return new Node(id, label, value, e.line());
    }

    private Edge edge(Entry e) {
        if (e.list() == null) {
            throw fail(e.line(), "'edge' must be followed by [ ... ]");
        }
        String source = null;
        String target = null;
        String value = null;
        for (Entry a : e.list()) {
            switch (a.key()) {
                case "source" -> source = scalar(a, "source");
                case "target" -> target = scalar(a, "target");
                case "value", "weight" -> value = scalar(a, a.key());
                default -> {
                    // Other edge attributes (graphics, labels) carry nothing the model uses.
                }
            }
        }
        if (source == null || target == null) {
            throw fail(e.line(), "an edge needs a source and a target");
        }
        return new Edge(source, target, value, e.line());
    }

    private String scalar(Entry e, String key) {
        if (e.scalar() == null) {
            throw fail(e.line(), "'" + key + "' must be a number or a string, not a list");
        }
        return e.scalar().text();
    }

    /** Parses {@code key value} pairs up to the matching {@code ]} (or the end of the file at depth 0). */
    private List<Entry> list(int depth, Token open) {
        if (depth > MAX_DEPTH) {
            throw fail(open.line(), "lists are nested deeper than " + MAX_DEPTH);
        }
        List<Entry> out = new ArrayList<>();
        while (true) {
            Token key = token();
            if (key == null) {
                if (open != null) {
                    throw fail(open.line(), "the '[' on this line is not closed before the end of the file");
                }
                return out;
            }
            if (key.kind() == ']') {
                if (open == null) {
                    throw fail(key.line(), "a ']' without a matching '['");
                }
                return out;
            }
            if (key.kind() != 'k') {
                throw fail(key.line(), "expected a key, found '" + key.text() + "'");
            }
            Token value = token();
            if (value == null) {
                throw fail(key.line(), "the key '" + key.text() + "' has no value");
            }
            if (value.kind() == '[') {
                out.add(new Entry(key.text(), null, list(depth + 1, value), key.line()));
            } else if (value.kind() == 's' || value.kind() == 'n') {
                out.add(new Entry(key.text(), value, null, key.line()));
            } else {
                throw fail(value.line(), "the key '" + key.text() + "' has no value before '" + value.text() + "'");
            }
        }
    }

    private Token token() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= text.length()) {
            return null;
        }
        long at = line;
        char c = text.charAt(pos);
        if (c == '[' || c == ']') {
            pos++;
            return new Token(c, String.valueOf(c), at);
        }
        if (c == '"') {
            int end = pos + 1;
            while (end < text.length() && text.charAt(end) != '"') {
                if (text.charAt(end) == '\n') {
                    line++;
                }
                end++;
            }
            if (end >= text.length()) {
                throw fail(at, "a string is not closed before the end of the file");
            }
            String s = decode(text.substring(pos + 1, end));
            pos = end + 1;
            return new Token('s', s, at);
        }
        int start = pos;
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token('k', text.substring(start, pos), at);
        }
        if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
            while (pos < text.length() && "0123456789+-.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            try {
                Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw fail(at, "'" + number + "' is not a number");
            }
            return new Token('n', number, at);
        }
        throw fail(at, "unexpected character '" + c + "'");
    }

    private static String decode(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String entity = s.substring(i + 1, semi);
                String decoded = entity(entity);
                if (decoded != null) {
                    sb.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String entity(String name) {
        return switch (name) {
            case "quot" -> "\"";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "apos" -> "'";
            default -> numericEntity(name);
        };
    }

    private static String numericEntity(String name) {
        if (!name.matches("#[0-9]{1,7}")) {
            return null;
        }
        int cp = Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
    }

    private FormatException fail(long at, String reason) {
        return new FormatException(file, at, null, reason);
    }
}
