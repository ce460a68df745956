package org.advocategraph.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams a network (nodes, then edges) as XML through a {@link XMLStreamWriter}, UTF-8, indented two spaces.
 * The writer escapes markup characters; this class also replaces characters that XML 1.0 cannot hold at all
 * (control characters, lone surrogates) with U+FFFD, so that any stored text gives a well-formed file.
 *
 * <p>Call {@link #begin}, then every {@link #node}, then every {@link #edge}, then {@link #end}. Attribute values
 * are written in the order the attributes were declared, whatever the order of the map that holds them, so that
 * the same network gives the same bytes. Failures are {@link UncheckedIOException}s. Get one from
 * {@link NetworkFormat#writer}.
 */
public abstract class NetworkWriter {
    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    /** One entry per open element: whether it has child elements yet, so its end tag goes on a new line. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    /** The declared attributes, nodes' first. */
    final List<NetworkAttribute> attributes;
    /** Whether nodes carry a colour and size. */
    final boolean visual;

    /**
     * How a node looks in Gephi.
     *
     * @param red   0..255
     * @param green 0..255
     * @param blue  0..255
     * @param size  its size, positive
     */
    public record Visual(int red, int green, int blue, double size) {
        public Visual {
            for (int c : new int[] {red, green, blue}) {
                if (c < 0 || c > 255) {
                    throw new IllegalArgumentException("colour components must be in 0..255, was " + c);
                }
            }
            if (!(size > 0) || Double.isInfinite(size)) {
                throw new IllegalArgumentException("size must be positive, was " + size);
            }
        }
    }

    /**
     * @param out        where to write; flushed by {@link #end}, never closed here
     * @param attributes the node and edge attributes
     * @param visual     true when nodes carry a {@link Visual}
     */
    NetworkWriter(OutputStream out, List<NetworkAttribute> attributes, boolean visual) {
        this.attributes = attributes.stream().sorted((a, b) -> Boolean.compare(a.edge(), b.edge())).toList();
        this.visual = visual;
        try {
            // The JDK's own writer, whatever StAX implementation the class path brings: its output is known.
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes the prolog, the attribute declarations and whatever opens the node list. */
    public abstract void begin();

    /**
     * @param id     the node id, unique in the file
     * @param values attribute values, {@link NetworkAttribute#LABEL} among them; absent ones are not written
     * @param look   its colour and size, or null (written only by a writer made with {@code visual})
     */
    public abstract void node(String id, Map<NetworkAttribute, String> values, Visual look);

    /**
     * A node without colour and size.
     *
     * @param id     the node id, unique in the file
     * @param values attribute values; absent ones are not written
     */
    public final void node(String id, Map<NetworkAttribute, String> values) {
        node(id, values, null);
    }

    /**
     * @param id     the edge id, unique in the file
     * @param source id of the node the edge starts at
     * @param target id of the node it ends at
     * @param values attribute values; absent ones are not written
     */
    public abstract void edge(String id, String source, String target, Map<NetworkAttribute, String> values);

    /** Closes every open element and flushes. */
    public abstract void end();

    /** @return the declared attributes of nodes ({@code edges} false) or edges, in declaration order */
    final List<NetworkAttribute> declared(boolean edges) {
        return attributes.stream().filter(a -> a.edge() == edges).toList();
    }

    // ---- helpers for the formats ----

    final void startDocument() {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    final void start(String name) {
        try {
            newLine();
            xml.writeStartElement(name);
            open.push(new boolean[1]);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    final void empty(String name) {
        try {
            newLine();
            xml.writeEmptyElement(name);
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An element holding only text. */
    final void leaf(String name, String text) {
        try {
            newLine();
            xml.writeStartElement(name);
            xml.writeCharacters(clean(text));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Text inside the element just started, which then holds no child elements. */
    final void text(String text) {
        try {
            xml.writeCharacters(clean(text));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An attribute of the element just started. */
    final void attribute(String name, String value) {
        try {
            xml.writeAttribute(name, clean(value));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    final void namespace(String prefix, String uri) {
        try {
            if (prefix == null) {
                xml.writeDefaultNamespace(uri);
            } else {
                xml.writeNamespace(prefix, uri);
            }
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** An attribute in a namespace declared with {@link #namespace}, such as {@code xsi:schemaLocation}. */
    final void attribute(String prefix, String uri, String name, String value) {
        try {
            xml.writeAttribute(prefix, uri, name, clean(value));
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    final void close() {
        try {
            boolean[] hasChildren = open.pop();
            if (hasChildren[0]) {
                xml.writeCharacters("\n" + INDENT.repeat(open.size()));
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    final void endDocument() {
        try {
            while (!open.isEmpty()) {
                close();
            }
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    private void newLine() throws XMLStreamException {
        if (!open.isEmpty()) {
            open.peek()[0] = true;
        }
        xml.writeCharacters("\n" + INDENT.repeat(open.size()));
    }

    /**
     * @return the text with every character XML 1.0 cannot hold (controls other than tab, line feed and carriage
     *         return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!allowed(c) || (Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1)) {
                break;
            }
            i += Character.charCount(c);
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            int c = text.codePointAt(i);
            boolean lone = Character.isSurrogate(text.charAt(i)) && Character.charCount(c) == 1;
            sb.appendCodePoint(!lone && allowed(c) ? c : 0xFFFD);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static UncheckedIOException failure(XMLStreamException e) {
        return new UncheckedIOException(new IOException("cannot write XML: " + e.getMessage(), e));
    }
}
