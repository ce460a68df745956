package org.advocategraph.tools.connect;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.advocategraph.tools.format.FormatException;

/**
 * Streams the {@code <row .../>} elements of one Stack Exchange data-dump file ({@code Posts.xml},
 * {@code Users.xml}, ...), plain or gzipped, with StAX: memory stays bounded by one row whatever the file size.
 *
 * <p>The parser is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, so that a StAX implementation
 * elsewhere on the class path cannot change the behaviour), with DTDs and external entities off, and a file
 * that declares a DOCTYPE is refused: data dumps never have one, and refusing it rules out entity expansion
 * attacks. The text is decoded as strict UTF-8 (what the dumps declare), so bytes that are not UTF-8 fail
 * clearly instead of being replaced.
 *
 * <p>Every failure is a {@link FormatException} naming the file and, where known, the line.
 */
final class DumpXml implements AutoCloseable {
    /** The JDK parser's bound on the accumulated size of entity references in one document. */
    static final String TOTAL_ENTITY_SIZE_LIMIT = "jdk.xml.totalEntitySizeLimit";

    /**
     * The wanted attributes of one row.
     *
     * @param file       the file, for messages
     * @param line       the line the row is on
     * @param attributes attribute values by name (only the wanted ones)
     */
    record Row(String file, long line, Map<String, String> attributes) {
        /** @return the attribute's value, or null when it is absent or empty */
        String text(String name) {
            String v = attributes.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        long requiredLong(String name) {
            Long v = optionalLong(name);
            if (v == null) {
                throw new FormatException(file, line, name, "is required");
            }
            return v;
        }

        /** @return the whole number, or null when absent */
        Long optionalLong(String name) {
            String v = text(name);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new FormatException(file, line, name, "'" + v + "' is not a whole number");
            }
        }

        /**
         * Dump dates look like {@code 2014-03-13T20:32:04.033} without a zone; they are UTC. A zone or offset,
         * when given, is honoured.
         */
        Instant requiredInstant(String name) {
            String v = text(name);
            if (v == null) {
                throw new FormatException(file, line, name, "is required");
            }
            String s = v.trim();
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new FormatException(file, line, name, "'" + v + "' is not a date-time such as 2014-03-13T20:32:04.033");
                }
            }
        }
    }

    private final String file;
    private final String root;
    private final Set<String> wanted;
    private final StrictText text;
    private final XMLStreamReader xml;
    private int depth;

    private DumpXml(String file, String root, Set<String> wanted, StrictText text, XMLStreamReader xml) {
        this.file = file;
        this.root = root;
        this.wanted = wanted;
        this.text = text;
        this.xml = xml;
    }

    /**
     * @param path   the file, plain or {@code .gz}
     * @param root   the expected root element, for example {@code posts}
     * @param wanted the attributes to keep of each row; the others (such as a post's {@code Body}) are dropped
     */
    static DumpXml open(Path path, String root, Set<String> wanted) {
        String file = path.toString();
        StrictText text = StrictText.open(path);
        try {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            // The JDK counts every &lt; and &gt; of the escaped post bodies towards a 50,000,000 total that a full
            // dump exceeds. With DTDs refused no entity can expand beyond its few characters, so no limit is safe.
            factory.setProperty(TOTAL_ENTITY_SIZE_LIMIT, "0");
            XMLStreamReader xml = factory.createXMLStreamReader(text);
            return new DumpXml(file, root, wanted, text, xml);
        } catch (XMLStreamException e) {
            closeQuietly(text);
            throw failure(file, text, e);
        } catch (RuntimeException e) {
            closeQuietly(text);
            throw e;
        }
    }

    /** @return the next row, or null at the end of the file */
    Row next() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FormatException(file, line(), null, "a DOCTYPE is not allowed in a data-dump file");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (depth == 1 && !name.equals(root)) {
                        throw new FormatException(file, line(), null, "expected the root element <" + root
                                + ">, found <" + name + ">; is this the right file?");
                    }
                    if (depth == 2 && name.equals("row")) {
                        return row();
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw failure(file, text, e);
        }
    }

    private Row row() {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String name = xml.getAttributeLocalName(i);
            if (wanted.contains(name)) {
                values.put(name, xml.getAttributeValue(i));
            }
        }
        return new Row(file, line(), values);
    }

    private long line() {
        return Math.max(0, xml.getLocation().getLineNumber());
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Closing a reader we only read from cannot lose data.
        }
        closeQuietly(text);
    }

    /**
     * The JDK's parser reports a failing stream (bad UTF-8, truncated gzip) sometimes as the cause, sometimes as
     * a premature end of the document; the reader remembers the real failure, which then takes precedence.
     */
    private static FormatException failure(String file, StrictText text, XMLStreamException e) {
        if (text.failure() != null) {
            return text.describe(file, text.failure());
        }
        long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        return new FormatException(file, line, null, "not well-formed XML: " + message.strip());
    }

    private static void closeQuietly(Reader r) {
        try {
            r.close();
        } catch (IOException e) {
            // Nothing was written through it.
        }
    }
}
