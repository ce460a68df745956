package org.advocategraph.tools.export;

import java.io.OutputStream;
import java.util.Map;

/**
 * GraphML (http://graphml.graphdrawing.org/): every attribute declared as a {@code <key>} with
 * {@code attr.name} and {@code attr.type}, then one directed {@code <graph>} of {@code <node>}s and
 * {@code <edge>}s carrying {@code <data>}. Key ids are {@code n_} or {@code e_} plus the attribute name, since
 * nodes and edges both have a {@code kind}.
 */
final class GraphMlWriter extends NetworkWriter {
    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    GraphMlWriter(OutputStream out) {
        super(out);
    }

    static String key(NetworkAttribute a) {
        return (a.edge ? "e_" : "n_") + a.title;
    }

    @Override
    void begin() {
        startDocument();
        start("graphml");
        namespace(null, NAMESPACE);
        namespace("xsi", XSI);
        attribute("xsi", XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
        for (NetworkAttribute a : NetworkAttribute.values()) {
            empty("key");
            attribute("id", key(a));
            attribute("for", a.edge ? "edge" : "node");
            attribute("attr.name", a.title);
            attribute("attr.type", a.type.graphMl);
        }
        start("graph");
        attribute("id", "advocate-graph");
        attribute("edgedefault", "directed");
    }

    @Override
    void node(String id, Map<NetworkAttribute, String> values) {
        start("node");
        attribute("id", id);
        data(values);
        close();
    }

    @Override
    void edge(String id, String source, String target, Map<NetworkAttribute, String> values) {
        start("edge");
        attribute("id", id);
        attribute("source", source);
        attribute("target", target);
        data(values);
        close();
    }

    private void data(Map<NetworkAttribute, String> values) {
        for (Map.Entry<NetworkAttribute, String> v : values.entrySet()) {
            start("data");
            attribute("key", key(v.getKey()));
            text(v.getValue());
            close();
        }
    }

    @Override
    void end() {
        endDocument();
    }
}
