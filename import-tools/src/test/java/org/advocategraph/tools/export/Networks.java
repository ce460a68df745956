package org.advocategraph.tools.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Reads GraphML and GEXF files back with a StAX reader, checking on the way what a consumer such as Gephi relies
 * on: the namespace, a directed graph, a declaration (with a type) for every attribute value, unique node ids,
 * edges between declared nodes.
 */
final class Networks {
    private static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";
    private static final String GEXF = "http://gexf.net/1.3";

    private Networks() {
    }

    /**
     * A network as read back.
     *
     * @param nodeTypes declared node attributes: name -> type
     * @param edgeTypes declared edge attributes: name -> type
     * @param nodes     node id -> attribute name -> value (the GEXF native label under {@code label})
     * @param edges     the edges, in file order
     */
    record Network(Map<String, String> nodeTypes, Map<String, String> edgeTypes,
                   Map<String, Map<String, String>> nodes, List<Edge> edges) {
        /** @return the edges of one kind attribute */
        long edgesOfKind(String kind) {
            return edges.stream().filter(e -> kind.equals(e.values().get("kind"))).count();
        }
    }

    /**
     * @param id     edge id
     * @param source source node id
     * @param target target node id
     * @param values attribute name -> value (for GEXF also {@code gexf:kind} and {@code gexf:weight})
     */
    record Edge(String id, String source, String target, Map<String, String> values) {
    }

    /** A GraphML key or a GEXF attribute. */
    private record Declaration(String domain, String name, String type) {
    }

    static Network graphMl(Path file) {
        Map<String, Declaration> keys = new HashMap<>();
        Map<String, String> nodeTypes = new LinkedHashMap<>();
        Map<String, String> edgeTypes = new LinkedHashMap<>();
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, String> current = null;
        String domain = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = reader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                assertEquals(GRAPHML, r.getNamespaceURI(), "namespace of " + r.getLocalName());
                switch (r.getLocalName()) {
                    case "key" -> {
                        Declaration d = new Declaration(attr(r, "for"), attr(r, "attr.name"), attr(r, "attr.type"));
                        assertNull(keys.put(attr(r, "id"), d), "key declared twice: " + attr(r, "id"));
                        ("edge".equals(d.domain()) ? edgeTypes : nodeTypes).put(d.name(), d.type());
                    }
                    case "graph" -> assertEquals("directed", attr(r, "edgedefault"));
                    case "node" -> {
                        current = new LinkedHashMap<>();
                        domain = "node";
                        assertNull(nodes.put(attr(r, "id"), current), "node id twice: " + attr(r, "id"));
                    }
                    case "edge" -> {
                        current = new LinkedHashMap<>();
                        domain = "edge";
                        edges.add(new Edge(attr(r, "id"), attr(r, "source"), attr(r, "target"), current));
                    }
                    case "data" -> {
                        Declaration d = keys.get(attr(r, "key"));
                        assertNotNull(d, "data for an undeclared key " + attr(r, "key"));
                        assertEquals(domain, d.domain(), "key " + attr(r, "key") + " used on a " + domain);
                        current.put(d.name(), r.getElementText());
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
        }
        return checked(new Network(nodeTypes, edgeTypes, nodes, edges));
    }

    static Network gexf(Path file) {
        Map<String, Map<String, Declaration>> declared = Map.of("node", new HashMap<>(), "edge", new HashMap<>());
        Map<String, String> nodeTypes = new LinkedHashMap<>();
        Map<String, String> edgeTypes = new LinkedHashMap<>();
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, String> current = null;
        String domain = null;
        String declaring = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = reader(in);
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                assertEquals(GEXF, r.getNamespaceURI(), "namespace of " + r.getLocalName());
                switch (r.getLocalName()) {
                    case "gexf" -> assertEquals("1.3", attr(r, "version"));
                    case "graph" -> {
                        assertEquals("static", attr(r, "mode"));
                        assertEquals("directed", attr(r, "defaultedgetype"));
                    }
                    case "attributes" -> declaring = attr(r, "class");
                    case "attribute" -> {
                        Declaration d = new Declaration(declaring, attr(r, "title"), attr(r, "type"));
                        assertNull(declared.get(declaring).put(attr(r, "id"), d), "declared twice: " + attr(r, "id"));
                        ("edge".equals(declaring) ? edgeTypes : nodeTypes).put(d.name(), d.type());
                    }
                    case "node" -> {
                        current = new LinkedHashMap<>();
                        domain = "node";
                        if (attr(r, "label") != null) {
                            current.put("label", attr(r, "label"));
                        }
                        assertNull(nodes.put(attr(r, "id"), current), "node id twice: " + attr(r, "id"));
                    }
                    case "edge" -> {
                        current = new LinkedHashMap<>();
                        domain = "edge";
                        current.put("gexf:kind", attr(r, "kind"));
                        current.put("gexf:weight", attr(r, "weight"));
                        edges.add(new Edge(attr(r, "id"), attr(r, "source"), attr(r, "target"), current));
                    }
                    case "attvalue" -> {
                        Declaration d = declared.get(domain).get(attr(r, "for"));
                        assertNotNull(d, "value for an undeclared " + domain + " attribute " + attr(r, "for"));
                        current.put(d.name(), attr(r, "value"));
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
        }
        return checked(new Network(nodeTypes, edgeTypes, nodes, edges));
    }

    /** Parses the file into a DOM, validation off, as a second, independent well-formedness check. */
    static Document dom(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new AssertionError(file + " is not well-formed: " + e.getMessage(), e);
        }
    }

    private static Network checked(Network n) {
        for (Edge e : n.edges()) {
            assertTrue(n.nodes().containsKey(e.source()), "edge " + e.id() + " from an unknown node " + e.source());
            assertTrue(n.nodes().containsKey(e.target()), "edge " + e.id() + " to an unknown node " + e.target());
        }
        return n;
    }

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory.createXMLStreamReader(in);
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }
}
