package org.advocategraph.tools.export;

import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of the influence network that {@link GraphExporter} writes, each declared with its type in the
 * file header (a GraphML {@code <key>}, a GEXF {@code <attribute>}).
 */
enum NetworkAttribute {
    /** The display name; GEXF has a native {@code label}, GraphML a {@code label} key (which Gephi uses). */
    LABEL(false, "label", Type.STRING),
    /** {@code employee}, {@code customer} or {@code topic}. */
    NODE_KIND(false, "kind", Type.STRING),
    DEPARTMENT(false, "department", Type.STRING),
    REGION(false, "region", Type.STRING),
    TITLE(false, "title", Type.STRING),
    SEGMENT(false, "segment", Type.STRING),
    ACCOUNT_ID(false, "accountId", Type.STRING),
    /** Ids of the programs an employee is a member of, {@code ;}-separated, in id order. */
    PROGRAMS(false, "programs", Type.STRING),
    /** True for employees who are active and opted in. */
    ADVOCATE(false, "advocate", Type.BOOLEAN),
    CAPACITY(false, "capacity", Type.INT),
    FOLLOWERS(false, "followers", Type.LONG),
    /** The tie kind ({@code colleague}, {@code follows}, ...), or {@code expert_in} / {@code interested_in}. */
    EDGE_KIND(true, "kind", Type.STRING),
    /** Tie strength, expertise level or interest weight, 0..1. */
    STRENGTH(true, "strength", Type.DOUBLE),
    /** When the tie began, ISO 8601 (neither format has a date-time attribute type that Gephi reads). */
    SINCE(true, "since", Type.STRING);

    /** Attribute types, as each format spells them. */
    enum Type {
        STRING("string", "string"), BOOLEAN("boolean", "boolean"), INT("int", "integer"), LONG("long", "long"),
        DOUBLE("double", "double");

        final String graphMl;
        final String gexf;

        Type(String graphMl, String gexf) {
            this.graphMl = graphMl;
            this.gexf = gexf;
        }
    }

    final boolean edge;
    final String title;
    final Type type;

    NetworkAttribute(boolean edge, String title, Type type) {
        this.edge = edge;
        this.title = title;
        this.type = type;
    }

    /** @return the node attributes, or the edge attributes, in declaration order */
    static List<NetworkAttribute> of(boolean edges) {
        List<NetworkAttribute> out = new ArrayList<>();
        for (NetworkAttribute a : values()) {
            if (a.edge == edges) {
                out.add(a);
            }
        }
        return out;
    }
}
