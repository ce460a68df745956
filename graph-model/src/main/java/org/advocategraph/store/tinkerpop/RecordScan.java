package org.advocategraph.store.tinkerpop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.Topic;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;

/**
 * How {@link TinkerPopGraphStore#scan} reads one record type, in two kinds of traversal.
 *
 * <p>{@link #anchors} lists, in key order, the ids of the graph elements that carry the first part of the key:
 * the vertices themselves for node types, the start vertices (by {@code uid}) for relationships keyed by their
 * endpoints, the edges themselves (by {@code uid}) for assignments. {@link #fetch} then reads the records of a
 * contiguous run of anchors, sorted by the whole key: since the runs follow each other in key order, so do the
 * records. Only element ids are held for the whole scan, never records.
 *
 * <p>Keys compare as Cypher's {@code ORDER BY} compares strings, by code point ({@link #TEXT_ORDER}), so that both
 * adapters scan in the same order; ties of the same endpoints are ordered by their kind's key ({@code colleague},
 * {@code follows}, {@code interacted}, {@code knows}), not by the enum's order, as the Neo4j adapter does.
 */
final class RecordScan {
    private static final String FROM = "f";
    private static final String TO = "t";
    private static final String PROPS = "p";
    private static final String ID = "i";
    private static final String KEY = "k";

    /**
     * Strings by code point, as Cypher orders them. {@link String#compareTo} (and Gremlin's {@code order()}) compares
     * UTF-16 units instead, which puts a character beyond U+FFFF (a surrogate pair) before one in U+E000..U+FFFF.
     */
    static final Comparator<String> TEXT_ORDER = RecordScan::compareCodePoints;

    private static final Comparator<GraphElement> BY_ID = Comparator.comparing(e -> ((GraphNode) e).id(), TEXT_ORDER);

    private static final Map<Class<?>, RecordScan> SCANS = Map.ofEntries(
            node(Employee.class, Schema.EMPLOYEE, Codec::employee),
            node(Customer.class, Schema.CUSTOMER, Codec::customer),
            node(Account.class, Schema.ACCOUNT, Codec::account),
            node(Topic.class, Schema.TOPIC, Codec::topic),
            node(Conversation.class, Schema.CONVERSATION, Codec::conversation),
            node(Program.class, Schema.PROGRAM, Codec::program),
            outEdges(Expertise.class, Schema.EXPERT_IN, new String[] {Schema.EMPLOYEE}, Codec::expertise,
                    byEndpoints(Expertise::employeeId, Expertise::topicId)),
            outEdges(Interest.class, Schema.INTERESTED_IN, new String[] {Schema.CUSTOMER},
                    (f, t, p) -> new Interest(f, t, Codec.num(p, Schema.WEIGHT).doubleValue()),
                    byEndpoints(Interest::customerId, Interest::topicId)),
            outEdges(SubtopicOf.class, Schema.SUBTOPIC_OF, new String[] {Schema.TOPIC},
                    (f, t, p) -> new SubtopicOf(f, t), byEndpoints(SubtopicOf::childId, SubtopicOf::parentId)),
            outEdges(Tie.class, Schema.CONNECTED_TO, new String[] {Schema.EMPLOYEE, Schema.CUSTOMER}, Codec::tie,
                    byEndpoints(Tie::fromId, Tie::toId).thenComparing(e -> ((Tie) e).kind().key(), TEXT_ORDER)),
            outEdges(Participation.class, Schema.PARTICIPATED_IN, new String[] {Schema.EMPLOYEE, Schema.CUSTOMER},
                    (f, t, p) -> new Participation(f, t),
                    byEndpoints(Participation::personId, Participation::conversationId)),
            outEdges(About.class, Schema.ABOUT, new String[] {Schema.CONVERSATION},
                    (f, t, p) -> new About(f, t, Codec.num(p, Schema.WEIGHT).doubleValue()),
                    byEndpoints(About::conversationId, About::topicId)),
            outEdges(AccountOwnership.class, Schema.OWNS_ACCOUNT, new String[] {Schema.EMPLOYEE},
                    (f, t, p) -> new AccountOwnership(f, t),
                    byEndpoints(AccountOwnership::employeeId, AccountOwnership::accountId)),
            outEdges(Membership.class, Schema.MEMBER_OF, new String[] {Schema.EMPLOYEE},
                    (f, t, p) -> new Membership(f, t, Codec.instant(p, Schema.SINCE)),
                    byEndpoints(Membership::employeeId, Membership::programId)),
            Map.entry(Assignment.class, new RecordScan(null, Schema.ASSIGNED_TO, null, Codec::assignment,
                    Comparator.comparing(e -> ((Assignment) e).id(), TEXT_ORDER))));

    /** Decodes an edge from its endpoints' external ids and its properties. */
    @FunctionalInterface
    interface EdgeDecoder {
        GraphElement decode(String from, String to, Map<?, ?> props);
    }

    /** Vertex labels of the anchors; null when the anchors are the edges themselves. */
    private final String[] vertexLabels;
    /** The edge label; null for node types. */
    private final String edgeLabel;
    private final Function<Map<?, ?>, GraphElement> vertexDecoder;
    private final EdgeDecoder edgeDecoder;
    private final Comparator<GraphElement> order;

    private RecordScan(String[] vertexLabels, String edgeLabel, Function<Map<?, ?>, GraphElement> vertexDecoder,
                       EdgeDecoder edgeDecoder, Comparator<GraphElement> order) {
        this.vertexLabels = vertexLabels;
        this.edgeLabel = edgeLabel;
        this.vertexDecoder = vertexDecoder;
        this.edgeDecoder = edgeDecoder;
        this.order = order;
    }

    /**
     * @param type a record class
     * @return how to scan it
     * @throws IllegalArgumentException when the class is not one of the record types
     */
    static RecordScan of(Class<?> type) {
        RecordScan scan = type == null ? null : SCANS.get(type);
        if (scan == null) {
            throw new IllegalArgumentException("not a record type: " + (type == null ? "null" : type.getName()));
        }
        return scan;
    }

    /** @return true when one anchor yields exactly one record (node types and assignments) */
    boolean oneRecordPerAnchor() {
        return vertexDecoder != null || vertexLabels == null;
    }

    /** @return the ids of every anchor, in key order; anchors without a record of this type are left out */
    List<Object> anchors(GraphTraversalSource g) {
        // Sorted here, by code point, rather than with order(): Gremlin compares UTF-16 units, and JanusGraph refuses
        // to sort more than a million elements it cannot read in order from an index.
        List<Anchor> anchors = new ArrayList<>();
        anchorElements(g).<Object>project(ID, KEY).by(T.id).by(Schema.UID)
                .forEachRemaining(m -> anchors.add(new Anchor((String) m.get(KEY), m.get(ID))));
        anchors.sort(Comparator.comparing(Anchor::key, TEXT_ORDER));
        List<Object> ids = new ArrayList<>(anchors.size());
        for (Anchor a : anchors) {
            ids.add(a.id());
        }
        return ids;
    }

    /** An anchor's key and element id. */
    private record Anchor(String key, Object id) {
    }

    private GraphTraversal<?, ? extends Element> anchorElements(GraphTraversalSource g) {
        if (vertexLabels == null) {
            return g.E().hasLabel(edgeLabel);
        }
        GraphTraversal<Vertex, Vertex> vertices = g.V().hasLabel(vertexLabels[0], rest(vertexLabels));
        return edgeLabel == null ? vertices : vertices.where(__.outE(edgeLabel));
    }

    /**
     * @param anchorIds a contiguous run of {@link #anchors}
     * @return the records of those anchors, sorted by key
     */
    List<GraphElement> fetch(GraphTraversalSource g, List<Object> anchorIds) {
        List<GraphElement> out = new ArrayList<>(anchorIds.size());
        Object[] ids = anchorIds.toArray();
        if (vertexDecoder != null) {
            for (Map<Object, Object> m : g.V(ids).elementMap().toList()) {
                out.add(vertexDecoder.apply(m));
            }
        } else {
            GraphTraversal<?, ?> edges = vertexLabels == null ? g.E(ids) : g.V(ids).outE(edgeLabel);
            for (Map<String, Object> m : edges.<Object>project(FROM, TO, PROPS).by(__.outV().values(Schema.UID))
                    .by(__.inV().values(Schema.UID)).by(__.valueMap()).toList()) {
                out.add(edgeDecoder.decode((String) m.get(FROM), (String) m.get(TO), (Map<?, ?>) m.get(PROPS)));
            }
        }
        // g.V(ids) need not keep the order of the ids, and out-edges come in adjacency order.
        out.sort(order);
        return out;
    }

    private static Map.Entry<Class<?>, RecordScan> node(Class<? extends GraphNode> type, String label,
                                                         Function<Map<?, ?>, ? extends GraphElement> decoder) {
        return Map.entry(type, new RecordScan(new String[] {label}, null, decoder::apply, null, BY_ID));
    }

    private static Map.Entry<Class<?>, RecordScan> outEdges(Class<? extends GraphElement> type, String label,
                                                             String[] fromLabels, EdgeDecoder decoder,
                                                             Comparator<GraphElement> order) {
        return Map.entry(type, new RecordScan(fromLabels, label, null, decoder, order));
    }

    @SuppressWarnings("unchecked")
    private static <R extends GraphElement> Comparator<GraphElement> byEndpoints(Function<R, String> from,
                                                                                  Function<R, String> to) {
        Comparator<R> c = Comparator.comparing(from, TEXT_ORDER).thenComparing(to, TEXT_ORDER);
        return (a, b) -> c.compare((R) a, (R) b);
    }

    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // Units compare as code points unless exactly one of them is part of a surrogate pair.
                return Character.isSurrogate(x) == Character.isSurrogate(y)
                        ? Character.compare(x, y) : Integer.compare(a.codePointAt(i), b.codePointAt(i));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static String[] rest(String[] labels) {
        String[] rest = new String[labels.length - 1];
        System.arraycopy(labels, 1, rest, 0, rest.length);
        return rest;
    }
}
