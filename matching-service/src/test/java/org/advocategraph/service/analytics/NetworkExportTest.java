package org.advocategraph.service.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.advocategraph.model.InvalidFieldException;
import org.advocategraph.service.matching.TinyGraph;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/** The network export over the tiny graph, read back with an XML parser as Gephi would. */
class NetworkExportTest {
    private static final String VIZ = "http://gexf.net/1.3/viz";

    private GraphStore store;
    private InfluenceAnalytics analytics;
    private NetworkExport export;

    @BeforeEach
    void open() {
        store = TinkerPopGraphStore.inMemory();
        store.upsert(TinyGraph.elements());
        analytics = new InfluenceAnalytics(store, new ProjectionCache(store, Duration.ofSeconds(60), Clock.systemUTC()));
        export = new NetworkExport(store, analytics);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Document write(NetworkExport.Request request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.prepare(request).writeTo(out);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void shouldWriteEveryPersonWithTheirCommunityAndPageRankColouredByCommunity() throws Exception {
        Document gexf = write(export.request("gexf", List.of(), null, 1.0));
        NodeList nodes = gexf.getElementsByTagNameNS("*", "node");
        assertEquals(11, nodes.getLength(), "3 customers and 8 employees");
        double[] pagerank = analytics.scores(InfluenceAnalytics.Algorithm.PAGERANK, analytics.projection().graph(),
                new HashMap<>());
        PeopleGraph g = analytics.projection().graph();
        Map<String, String> communityOf = new HashMap<>();
        Map<String, String> colourOf = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            Map<String, String> values = attvalues(node);
            String id = node.getAttribute("id");
            assertEquals(pagerank[g.indexOf(id)], Double.parseDouble(values.get("pagerank")), 1e-12, id);
            communityOf.put(id, values.get("community"));
            Element colour = (Element) node.getElementsByTagNameNS(VIZ, "color").item(0);
            colourOf.put(id, colour.getAttribute("r") + "," + colour.getAttribute("g") + "," + colour.getAttribute("b"));
            assertTrue(Double.parseDouble(((Element) node.getElementsByTagNameNS(VIZ, "size").item(0))
                    .getAttribute("value")) >= 2);
        }
        assertEquals("Ana Ruiz", label(nodes, "c1"));
        for (String a : communityOf.keySet()) {
            for (String b : communityOf.keySet()) {
                assertEquals(communityOf.get(a).equals(communityOf.get(b)), colourOf.get(a).equals(colourOf.get(b)),
                        "same colour exactly when same community (fewer than 12 communities): " + a + ", " + b);
            }
        }
        NodeList edges = gexf.getElementsByTagNameNS("*", "edge");
        assertEquals(3, edges.getLength(), "c1-e1, c1-c2 and c2 follows e2");
        Map<String, String> kinds = new HashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            kinds.put(e.getAttribute("source") + ">" + e.getAttribute("target"), e.getAttribute("kind"));
        }
        assertEquals(Map.of("c1>e1", "mutual", "c1>c2", "mutual", "c2>e2", "follows"), kinds);
    }

    @Test
    void shouldColourByAScoreInGraphMlWithTheKeysGephiReads() throws Exception {
        Document graphml = write(export.request("graphml", List.of("kcore", "degree"), "degree", 1.0));
        Set<String> keys = new java.util.HashSet<>();
        NodeList declared = graphml.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < declared.getLength(); i++) {
            keys.add(((Element) declared.item(i)).getAttribute("attr.name"));
        }
        assertTrue(keys.containsAll(Set.of("label", "kcore", "degree", "r", "g", "b", "size")), keys.toString());
        assertTrue(!keys.contains("community") && !keys.contains("pagerank"), keys.toString());
        Map<String, String> colour = new HashMap<>();
        NodeList nodes = graphml.getElementsByTagNameNS("*", "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            Map<String, String> data = new HashMap<>();
            NodeList d = node.getElementsByTagNameNS("*", "data");
            for (int j = 0; j < d.getLength(); j++) {
                data.put(((Element) d.item(j)).getAttribute("key"), d.item(j).getTextContent());
            }
            colour.put(node.getAttribute("id"), data.get("n_r") + "," + data.get("n_g") + "," + data.get("n_b"));
        }
        // degree 2 (c1, c2) is the darkest; degree 0 (c3) the palest
        assertEquals("255,255,204", colour.get("c3"));
        assertNotEquals(colour.get("c3"), colour.get("c1"));
        assertEquals(colour.get("c1"), colour.get("c2"));
    }

    @Test
    void shouldNameWhatIsWrong() {
        assertEquals("format", assertThrows(InvalidFieldException.class,
                () -> export.request("pdf", List.of(), null, 1)).field());
        assertEquals("scores", assertThrows(InvalidFieldException.class,
                () -> export.request("gexf", List.of("fame"), null, 1)).field());
        assertEquals("color", assertThrows(InvalidFieldException.class,
                () -> export.request("gexf", List.of("pagerank"), "kcore", 1)).field());
        assertEquals("resolution", assertThrows(InvalidFieldException.class,
                () -> export.request("gexf", List.of("community"), null, 0)).field());
    }

    @Test
    void shouldRankEqualValuesAlikeFromZeroToOne() {
        double[] r = NetworkExport.ranks(new double[] {5, 1, 5, 3});
        assertEquals(0.0, r[1]);
        assertEquals(1.0 / 3, r[3], 1e-12);
        assertEquals(2.0 / 3, r[0], 1e-12);
        assertEquals(r[0], r[2]);
    }

    private static Map<String, String> attvalues(Element node) {
        Map<String, String> values = new HashMap<>();
        NodeList list = node.getElementsByTagNameNS("*", "attvalue");
        for (int i = 0; i < list.getLength(); i++) {
            Element v = (Element) list.item(i);
            values.put(v.getAttribute("for"), v.getAttribute("value"));
        }
        return values;
    }

    private static String label(NodeList nodes, String id) {
        for (int i = 0; i < nodes.getLength(); i++) {
            Element node = (Element) nodes.item(i);
            if (node.getAttribute("id").equals(id)) {
                return node.getAttribute("label");
            }
        }
        throw new AssertionError("no node " + id);
    }
}
