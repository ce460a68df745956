package org.advocategraph.network;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * GEXF 1.3 (https://gexf.net), as Gephi 0.9.3 and later read it: a static graph with directed edges, node and
 * edge attributes declared in {@code <attributes class="node|edge">} with their types, values in
 * {@code <attvalues>}. The label is the node's native {@code label}; an edge also gets the native {@code kind}
 * (so that ties of several kinds between the same two people stay parallel edges in Gephi) and {@code weight}
 * (its strength, which Gephi's layouts and metrics use). A visual writer adds each node's {@code viz:color} and
 * {@code viz:size}, which Gephi shows as they are.
 */
final class GexfWriter extends NetworkWriter {
    static final String NAMESPACE = "http://gexf.net/1.3";
    private static final String VIZ = "http://gexf.net/1.3/viz";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SCHEMA = "http://gexf.net/1.3/gexf.xsd";

    private final String description;
    private boolean inEdges;

    GexfWriter(OutputStream out, List<NetworkAttribute> attributes, String description, boolean visual) {
        super(out, attributes, visual);
        this.description = description;
    }

    @Override
    public void begin() {
        startDocument();
        start("gexf");
        namespace(null, NAMESPACE);
        namespace("xsi", XSI);
        if (visual) {
            namespace("viz", VIZ);
        }
        attribute("xsi", XSI, "schemaLocation", NAMESPACE + " " + SCHEMA);
        attribute("version", "1.3");
        // No lastmodifieddate: the same graph gives the same bytes.
        start("meta");
        leaf("creator", "Advocate Graph");
        leaf("description", description);
        close();
        start("graph");
        attribute("mode", "static");
        attribute("defaultedgetype", "directed");
        declare("node");
        declare("edge");
        start("nodes");
    }

    private void declare(String kind) {
        start("attributes");
        attribute("class", kind);
        attribute("mode", "static");
        for (NetworkAttribute a : declared("edge".equals(kind))) {
            if (!a.equals(NetworkAttribute.LABEL)) {
                empty("attribute");
                attribute("id", a.title());
                attribute("title", a.title());
                attribute("type", a.type().gexf);
            }
        }
        close();
    }

    @Override
    public void node(String id, Map<NetworkAttribute, String> values, Visual look) {
        start("node");
        attribute("id", id);
        String label = values.get(NetworkAttribute.LABEL);
        if (label != null) {
            attribute("label", label);
        }
        attvalues(values, false);
        if (visual && look != null) {
            empty("viz:color");
            attribute("r", Integer.toString(look.red()));
            attribute("g", Integer.toString(look.green()));
            attribute("b", Integer.toString(look.blue()));
            empty("viz:size");
            attribute("value", Double.toString(look.size()));
        }
        close();
    }

    @Override
    public void edge(String id, String source, String target, Map<NetworkAttribute, String> values) {
        if (!inEdges) {
            startEdges();
        }
        start("edge");
        attribute("id", id);
        attribute("source", source);
        attribute("target", target);
        String kind = values.get(NetworkAttribute.EDGE_KIND);
        if (kind != null) {
            attribute("kind", kind);
        }
        String weight = values.get(NetworkAttribute.STRENGTH);
        if (weight != null) {
            attribute("weight", weight);
        }
        attvalues(values, true);
        close();
    }

    private void startEdges() {
        close();
        start("edges");
        inEdges = true;
    }

    private void attvalues(Map<NetworkAttribute, String> values, boolean edge) {
        boolean any = false;
        for (NetworkAttribute a : declared(edge)) {
            String value = values.get(a);
            if (value == null || a.equals(NetworkAttribute.LABEL)) {
                continue;
            }
            if (!any) {
                start("attvalues");
                any = true;
            }
            empty("attvalue");
            attribute("for", a.title());
            attribute("value", value);
        }
        if (any) {
            close();
        }
    }

    @Override
    public void end() {
        if (!inEdges) {
            startEdges();
        }
        endDocument();
    }
}
