package org.advocategraph.tools.export;

import java.util.List;

import org.advocategraph.network.NetworkAttribute;
import org.advocategraph.network.NetworkAttribute.Type;

/** The attributes of the influence network that {@link GraphExporter} writes, in the order they are declared. */
final class PeopleNetwork {
    static final NetworkAttribute LABEL = NetworkAttribute.LABEL;
    /** {@code employee}, {@code customer} or {@code topic}. */
    static final NetworkAttribute NODE_KIND = NetworkAttribute.node("kind", Type.STRING);
    static final NetworkAttribute DEPARTMENT = NetworkAttribute.node("department", Type.STRING);
    static final NetworkAttribute REGION = NetworkAttribute.node("region", Type.STRING);
    static final NetworkAttribute TITLE = NetworkAttribute.node("title", Type.STRING);
    static final NetworkAttribute SEGMENT = NetworkAttribute.node("segment", Type.STRING);
    static final NetworkAttribute ACCOUNT_ID = NetworkAttribute.node("accountId", Type.STRING);
    /** Ids of the programs an employee is a member of, {@code ;}-separated, in id order. */
    static final NetworkAttribute PROGRAMS = NetworkAttribute.node("programs", Type.STRING);
    /** True for employees who are active and opted in. */
    static final NetworkAttribute ADVOCATE = NetworkAttribute.node("advocate", Type.BOOLEAN);
    static final NetworkAttribute CAPACITY = NetworkAttribute.node("capacity", Type.INT);
    static final NetworkAttribute FOLLOWERS = NetworkAttribute.node("followers", Type.LONG);
    /** The tie kind ({@code colleague}, {@code follows}, ...), or {@code expert_in} / {@code interested_in}. */
    static final NetworkAttribute EDGE_KIND = NetworkAttribute.EDGE_KIND;
    /** Tie strength, expertise level or interest weight, 0..1. */
    static final NetworkAttribute STRENGTH = NetworkAttribute.STRENGTH;
    /** When the tie began, ISO 8601 (neither format has a date-time attribute type that Gephi reads). */
    static final NetworkAttribute SINCE = NetworkAttribute.edge("since", Type.STRING);

    /** Every attribute, in declaration order. */
    static final List<NetworkAttribute> ALL = List.of(LABEL, NODE_KIND, DEPARTMENT, REGION, TITLE, SEGMENT, ACCOUNT_ID,
            PROGRAMS, ADVOCATE, CAPACITY, FOLLOWERS, EDGE_KIND, STRENGTH, SINCE);

    private PeopleNetwork() {
    }
}
