package org.advocategraph.network;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * GraphML (http://graphml.graphdrawing.org/): every attribute declared as a {@code <key>} with
 * {@code attr.name} and {@code attr.type}, then one directed {@code <graph>} of {@code <node>}s and
 * {@code <edge>}s carrying {@code <data>}. Key ids are {@code n_} or {@code e_} plus the attribute name, since
 * nodes and edges both have a {@code kind}. A visual writer adds the node keys {@code r}, {@code g}, {@code b}
 * and {@code size}, which Gephi's GraphML importer reads as each node's colour and size.
 */
final class GraphMlWriter extends NetworkWriter {
    static final String NAMESPACE = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    private static final List<NetworkAttribute> LOOK = List.of(NetworkAttribute.node("r", NetworkAttribute.Type.INT),
            NetworkAttribute.node("g", NetworkAttribute.Type.INT), NetworkAttribute.node("b", NetworkAttribute.Type.INT),
            NetworkAttribute.node("size", NetworkAttribute.Type.DOUBLE));

    GraphMlWriter(OutputStream out, List<NetworkAttribute> attributes, boolean visual) {
        super(out, attributes, visual);
    }

    static String key(NetworkAttribute a) {
        return (a.edge() ? "e_" : "n_") + a.title();
    }

    @Override
    public void begin() {
        startDocument();
        start("graphml");
        namespace(null, NAMESPACE);
        namespace("xsi", XSI);
        attribute("xsi", XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
        for (NetworkAttribute a : visual ? Stream.concat(attributes.stream(), LOOK.stream()).toList()
                : attributes) {
            empty("key");
            attribute("id", key(a));
            attribute("for", a.edge() ? "edge" : "node");
            attribute("attr.name", a.title());
            attribute("attr.type", a.type().graphMl);
        }
        start("graph");
        attribute("id", "advocate-graph");
        attribute("edgedefault", "directed");
    }

    @Override
    public void node(String id, Map<NetworkAttribute, String> values, Visual look) {
        start("node");
        attribute("id", id);
        data(values, false);
        if (visual && look != null) {
            String[] parts = {Integer.toString(look.red()), Integer.toString(look.green()),
                    Integer.toString(look.blue()), Double.toString(look.size())};
            for (int i = 0; i < LOOK.size(); i++) {
                start("data");
                attribute("key", key(LOOK.get(i)));
                text(parts[i]);
                close();
            }
        }
        close();
    }

    @Override
    public void edge(String id, String source, String target, Map<NetworkAttribute, String> values) {
        start("edge");
        attribute("id", id);
        attribute("source", source);
        attribute("target", target);
        data(values, true);
        close();
    }

    private void data(Map<NetworkAttribute, String> values, boolean edge) {
        for (NetworkAttribute a : declared(edge)) {
            String value = values.get(a);
            if (value != null) {
                start("data");
                attribute("key", key(a));
                text(value);
                close();
            }
        }
    }

    @Override
    public void end() {
        endDocument();
    }
}
