package org.advocategraph.network;

import java.util.Objects;

/**
 * One attribute of the nodes or edges of a network file, declared with its type in the file header (a GraphML
 * {@code <key>}, a GEXF {@code <attribute>}).
 *
 * @param title its name in the file
 * @param type  its type
 * @param edge  true for an edge attribute, false for a node attribute
 */
public record NetworkAttribute(String title, Type type, boolean edge) {
    /** The display name; GEXF has a native {@code label}, GraphML a {@code label} key (which Gephi uses). */
    public static final NetworkAttribute LABEL = new NetworkAttribute("label", Type.STRING, false);
    /** An edge's kind; GEXF also writes it as the native {@code kind}, so parallel edges of two kinds stay apart. */
    public static final NetworkAttribute EDGE_KIND = new NetworkAttribute("kind", Type.STRING, true);
    /** An edge's strength, 0..1; GEXF also writes it as the native {@code weight}, which Gephi's layouts use. */
    public static final NetworkAttribute STRENGTH = new NetworkAttribute("strength", Type.DOUBLE, true);

    public NetworkAttribute {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
    }

    /** @return a node attribute */
    public static NetworkAttribute node(String title, Type type) {
        return new NetworkAttribute(title, type, false);
    }

    /** @return an edge attribute */
    public static NetworkAttribute edge(String title, Type type) {
        return new NetworkAttribute(title, type, true);
    }

    /** Attribute types, as each format spells them. */
    public enum Type {
        STRING("string", "string"), BOOLEAN("boolean", "boolean"), INT("int", "integer"), LONG("long", "long"),
        DOUBLE("double", "double");

        final String graphMl;
        final String gexf;

        Type(String graphMl, String gexf) {
            this.graphMl = graphMl;
            this.gexf = gexf;
        }
    }
}
