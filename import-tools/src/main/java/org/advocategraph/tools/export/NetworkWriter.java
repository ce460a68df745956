package org.advocategraph.tools.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams a network (nodes, then edges) as XML through a {@link XMLStreamWriter}, UTF-8, indented two spaces.
 * The writer escapes markup characters; this class also replaces characters that XML 1.0 cannot hold at all
 * (control characters, lone surrogates) with U+FFFD, so that any stored text gives a well-formed file.
 *
 * <p>Call {@link #begin}, then every {@link #node}, then every {@link #edge}, then {@link #end}. Failures are
 * {@link UncheckedIOException}s.
 */
abstract class NetworkWriter {
    private static final String INDENT = "  ";

    private final XMLStreamWriter xml;
    /** One entry per open element: whether it has child elements yet, so its end tag goes on a new line. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    /** @param out where to write; flushed by {@link #end}, never closed here */
    NetworkWriter(OutputStream out) {
        try {
            // The JDK's own writer, whatever StAX implementation the class path brings: its output is known.
            this.xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw failure(e);
        }
    }

    /** Writes the prolog, the attribute declarations and whatever opens the node list. */
    abstract void begin();

    /**
     * @param id     the node id, unique in the file
     * @param values attribute values, {@link NetworkAttribute#LABEL} among them; absent ones are not written
     */
    abstract void node(String id, Map<NetworkAttribute, String> values);

    /**
     * @param id     the edge id, unique in the file
     * @param source id of the node the edge starts at
     * @param target id of the node it ends at
     * @param values attribute values; absent ones are not written
     */
    abstract void edge(String id, String source, String target, Map<NetworkAttribute, String> values);

    /** Closes every open element and flushes. */
    abstract void end();

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
