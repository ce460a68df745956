package org.advocategraph.store.tinkerpop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.GraphRelationship;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.UpsertResult;
import org.apache.tinkerpop.gremlin.process.traversal.P;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;
import org.apache.tinkerpop.gremlin.structure.Direction;
import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.T;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.apache.tinkerpop.gremlin.structure.VertexProperty;
import org.apache.tinkerpop.gremlin.structure.util.reference.ReferenceVertex;

/**
 * Writes one upsert call. Single use: it remembers the vertex ids it has resolved during the call.
 *
 * <p>The work is done in batches of at most {@link #BATCH} rows (and, against a remote server, of at most the
 * request size it accepts: see {@link Batching}), each one bytecode traversal over
 * {@code inject(rows).unfold()}:
 * <ol>
 *   <li>every relationship endpoint that is not a node of the same call is looked up by its external id (one
 *       indexed {@code V().has(uid, x)} per distinct id), and relationships with a missing endpoint are set
 *       aside, before anything is written;</li>
 *   <li>nodes are merged with {@code mergeV} on (label, uid), then their properties set with single cardinality
 *       and the ones that became null dropped;</li>
 *   <li>existing edges of the touched start vertices are fetched once per label and compared: new edges are
 *       added with {@code addE}, changed ones merged with {@code mergeE} on their key, unchanged ones left alone.
 *       This is several times faster on TinkerGraph than {@code mergeE} for every row, whose search costs a
 *       traversal each;</li>
 *   <li>the derived edges ({@link DerivedEdge}) of the nodes written are brought in line with their reference
 *       properties, from both ends.</li>
 * </ol>
 */
final class UpsertWriter {
    /** Rows per traversal: large enough to amortize a traversal, small enough to keep a request modest. */
    static final int BATCH = 10_000;
    /** Concurrent lookups at most, below the driver's connection pool (one request per connection). */
    static final int IN_FLIGHT = 32;

    private static final String ROW = "r";

    private final GraphTraversalSource g;
    private final Batching batching;
    private final VertexHints hints;
    /** True when {@code has(uid, within(...))} is served by an index (JanusGraph): lookups go in chunks. */
    private final boolean indexedWithin;
    /**
     * True when lookups by external id may go as many concurrent requests, one indexed {@code has(uid, x)} each
     * (a server without transactions, whose index serves {@code eq} only: a chunked {@code within} would scan).
     */
    private final boolean pipelined;
    /** label -> external id -> vertex id, for vertices found or written during this call. */
    private final Map<String, Map<String, Object>> vids = new HashMap<>();
    /** External ids whose vertices (under every label) are in {@link #vids}. */
    private final Set<String> lookedUp = new HashSet<>();
    /** External ids resolved from hints: complete as of when the hint was learnt. */
    private final Set<String> hinted = new HashSet<>();
    private final Set<List<String>> pending = new HashSet<>();

    /**
     * @param g             the traversal source of the call (its transaction's, if any)
     * @param batching      how requests are cut
     * @param hints         vertex ids learnt by earlier writes, checked before use
     * @param indexedWithin whether the graph answers {@code has(uid, within(...))} from an index
     * @param pipelined     whether lookups by external id may go as concurrent single requests (a remote source
     *                      outside a session, over a graph whose index serves {@code eq} only)
     */
    UpsertWriter(GraphTraversalSource g, Batching batching, VertexHints hints, boolean indexedWithin, boolean pipelined) {
        this.g = g;
        this.batching = batching;
        this.hints = hints;
        this.indexedWithin = indexedWithin;
        this.pipelined = pipelined;
    }

    UpsertResult write(List<? extends GraphElement> elements) {
        // The last occurrence of a key wins, as if the elements had been written one after the other.
        Map<List<String>, VertexSpec> nodes = new LinkedHashMap<>();
        Map<List<String>, EdgeSpec> edges = new LinkedHashMap<>();
        for (GraphElement element : elements) {
            if (element instanceof GraphNode) {
                VertexSpec v = Codec.vertex((GraphNode) element);
                nodes.put(v.key(), v);
            } else {
                EdgeSpec e = Codec.edge((GraphRelationship) element);
                edges.put(e.key(), e);
            }
        }
        pending.addAll(nodes.keySet());
        // Every lookup by external id before the first write: in a JanusGraph transaction, a lookup by property
        // after writes scans every element the transaction wrote.
        List<String> uids = new ArrayList<>();
        for (EdgeSpec e : edges.values()) {
            uids.add(e.fromUid());
            uids.add(e.toUid());
        }
        for (VertexSpec v : nodes.values()) {
            uids.add(v.uid());
            for (DerivedEdge d : DerivedEdge.values()) {
                if (v.label().equals(d.ownerLabel) && v.props().get(d.key) != null) {
                    uids.add(v.props().get(d.key).toString());
                }
            }
        }
        lookUpAll(uids);
        Map<DerivedEdge, List<Map<String, Object>>> unlinked = new java.util.EnumMap<>(DerivedEdge.class);
        for (DerivedEdge d : DerivedEdge.values()) {
            unlinked.put(d, ownersNaming(d, nodes.values()));
        }

        List<EdgeSpec> writable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        long skippedCount = 0;
        for (EdgeSpec e : edges.values()) {
            if (exists(e.fromKind(), e.fromUid()) && exists(e.toKind(), e.toUid())) {
                writable.add(e);
            } else {
                skippedCount++;
                if (skipped.size() < UpsertResult.MAX_SKIPPED_LISTED) {
                    skipped.add(e.describe());
                }
            }
        }

        long nodesCreated = 0;
        for (VertexSpec v : nodes.values()) {
            if (vids.getOrDefault(v.label(), Map.of()).get(v.uid()) == null) {
                nodesCreated++;
            }
        }
        writeVertices(nodes.values());
        long edgesCreated = writeEdges(writable);
        for (DerivedEdge d : DerivedEdge.values()) {
            syncFromOwners(d, nodes.values());
            link(d, unlinked.get(d));
        }
        return new UpsertResult(nodes.size(), nodesCreated, writable.size(), edgesCreated, skipped, skippedCount);
    }

    /**
     * @return external id -> (label -> vertex id) of every external id this call looked up or wrote, complete: for
     *         {@link VertexHints#learn} once the call is committed
     */
    Map<String, Map<String, Object>> learnt() {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> byLabel : vids.entrySet()) {
            for (Map.Entry<String, Object> v : byLabel.getValue().entrySet()) {
                if (lookedUp.contains(v.getKey())) {
                    out.computeIfAbsent(v.getKey(), k -> new HashMap<>()).put(byLabel.getKey(), v.getValue());
                }
            }
        }
        return out;
    }

    // ---- resolving external ids ----

    private boolean exists(NodeKind kind, String uid) {
        for (String label : Schema.labels(kind)) {
            if (pending.contains(List.of(label, uid))) {
                return true;
            }
        }
        return vid(kind, uid) != null;
    }

    /** @return the vertex id of the node of that kind with that external id, or null; employees before customers */
    private Object vid(NodeKind kind, String uid) {
        lookUpAll(List.of(uid));
        Object vid = known(kind, uid);
        if (vid == null && hinted.remove(uid)) {
            // The hint was complete when learnt; a vertex of this kind may have been written since, elsewhere.
            lookUpByUid(List.of(uid));
            vid = known(kind, uid);
        }
        return vid;
    }

    private Object known(NodeKind kind, String uid) {
        for (String label : Schema.labels(kind)) {
            Object vid = vids.getOrDefault(label, Map.of()).get(uid);
            if (vid != null) {
                return vid;
            }
        }
        return null;
    }

    /**
     * Finds the vertices of these external ids not looked up yet: those with hints by vertex id (checked: the
     * vertex must still be there with that label and external id), the others by external id.
     */
    private void lookUpAll(Collection<String> uids) {
        List<String> wanted = new ArrayList<>();
        Map<Object, String> hintedVertices = new LinkedHashMap<>();
        Map<String, Integer> expected = new HashMap<>();
        for (String uid : uids) {
            if (!lookedUp.add(uid)) {
                continue;
            }
            Map<String, Object> hint = hints.get(uid);
            if (hint == null) {
                wanted.add(uid);
            } else {
                hint.values().forEach(vid -> hintedVertices.put(vid, uid));
                expected.put(uid, hint.size());
            }
        }
        if (!hintedVertices.isEmpty()) {
            Map<String, Integer> confirmed = new HashMap<>();
            for (List<Object> chunk : chunks(new ArrayList<>(hintedVertices.keySet()))) {
                for (Map<String, Object> f : g.V(chunk.toArray()).<Object>project("l", "u", "v").by(T.label)
                        .by(__.coalesce(__.values(Schema.UID), __.constant(""))).by(T.id).toList()) {
                    String uid = hintedVertices.get(f.get("v"));
                    if (uid != null && uid.equals(f.get("u"))) {
                        vids.computeIfAbsent((String) f.get("l"), k -> new HashMap<>()).putIfAbsent(uid, f.get("v"));
                        confirmed.merge(uid, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                if (e.getValue().equals(confirmed.get(e.getKey()))) {
                    hinted.add(e.getKey());
                } else {
                    wanted.add(e.getKey());
                }
            }
        }
        lookUpByUid(wanted);
    }

    /** Finds the vertices of these external ids by external id: in chunks where an index serves that, else one by one. */
    private void lookUpByUid(List<String> wanted) {
        if (pipelined && wanted.size() > 1) {
            lookUpConcurrently(wanted);
            return;
        }
        List<List<Object>> lookups = new ArrayList<>();
        if (batching.bySize() || indexedWithin) {
            lookups.addAll(chunks(new ArrayList<Object>(wanted)));
        } else {
            // TinkerGraph's index serves has(uid, x), not within: one indexed lookup each.
            for (String uid : wanted) {
                lookups.add(List.of(uid));
            }
        }
        for (List<Object> chunk : lookups) {
            for (Object uid : chunk) {
                lookedUp.add((String) uid);
            }
            List<Map<String, Object>> found = g.V().has(Schema.UID, chunk.size() == 1 ? P.eq(chunk.get(0)) : P.within(chunk))
                    .<Object>project("l", "u", "v").by(T.label).by(Schema.UID).by(T.id).toList();
            for (Map<String, Object> f : found) {
                vids.computeIfAbsent((String) f.get("l"), k -> new HashMap<>()).putIfAbsent((String) f.get("u"), f.get("v"));
            }
        }
    }

    /** One indexed lookup per external id, {@link #IN_FLIGHT} requests at a time, instead of a scan per chunk. */
    private void lookUpConcurrently(List<String> wanted) {
        for (int from = 0; from < wanted.size(); from += IN_FLIGHT) {
            List<String> window = wanted.subList(from, Math.min(wanted.size(), from + IN_FLIGHT));
            List<java.util.concurrent.CompletableFuture<List<Map<String, Object>>>> pending = new ArrayList<>(window.size());
            for (String uid : window) {
                lookedUp.add(uid);
                pending.add(g.V().has(Schema.UID, uid).<Object>project("l", "u", "v").by(T.label).by(Schema.UID).by(T.id)
                        .promise(Traversal::toList));
            }
            for (var future : pending) {
                for (Map<String, Object> f : future.join()) {
                    vids.computeIfAbsent((String) f.get("l"), k -> new HashMap<>()).putIfAbsent((String) f.get("u"), f.get("v"));
                }
            }
        }
    }

    private void remember(String label, String uid, Object vid) {
        vids.computeIfAbsent(label, k -> new HashMap<>()).put(uid, vid);
        lookedUp.add(uid);
    }

    // ---- nodes ----

    private void writeVertices(Collection<VertexSpec> nodes) {
        // One traversal shape per label and set of keys, so that every row fills every property step.
        Map<List<Object>, List<VertexSpec>> shapes = new LinkedHashMap<>();
        for (VertexSpec v : nodes) {
            List<Object> shape = List.of(v.label(), new TreeSet<>(v.props().keySet()), new TreeSet<>(v.absent()));
            shapes.computeIfAbsent(shape, k -> new ArrayList<>()).add(v);
        }
        for (List<VertexSpec> shape : shapes.values()) {
            VertexSpec first = shape.get(0);
            List<Map<String, Object>> all = new ArrayList<>(shape.size());
            for (VertexSpec v : shape) {
                Map<Object, Object> match = new HashMap<>();
                match.put(T.label, v.label());
                match.put(Schema.UID, v.uid());
                all.add(Map.of("m", match, "p", v.props()));
            }
            for (List<Map<String, Object>> rows : chunks(all)) {
                GraphTraversal<Object, Vertex> t = g.inject((Object) rows).unfold().as(ROW).mergeV(field("m"));
                for (String key : new TreeSet<>(first.props().keySet())) {
                    // Single cardinality: TinkerGraph's default is list, which would add a value on every update.
                    t = t.property(VertexProperty.Cardinality.single, key, field("p", key));
                }
                if (!first.absent().isEmpty()) {
                    t = t.sideEffect(__.properties(first.absent().toArray(new String[0])).drop());
                }
                for (Map<String, Object> r : t.<Object>project("u", "v").by(Schema.UID).by(T.id).toList()) {
                    remember(first.label(), (String) r.get("u"), r.get("v"));
                }
            }
        }
    }

    // ---- relationships ----

    /** A relationship with its endpoints resolved to vertex ids. */
    private record Planned(EdgeSpec spec, Object out, Object in) {
        Object key() {
            if (spec.keyedById()) {
                return spec.discriminator();
            }
            return List.of(out, in, spec.discriminator() == null ? "" : spec.discriminator());
        }
    }

    /** An edge already in the graph. */
    private record Existing(Object edgeId, Object out, Object in, Map<?, ?> props) {
        Object key(String discriminatorKey, boolean keyedById) {
            Object discriminator = discriminatorKey == null ? "" : props.get(discriminatorKey);
            if (keyedById) {
                return discriminator;
            }
            return List.of(out, in, discriminator == null ? "" : discriminator);
        }
    }

    /** @return how many edges were created */
    private long writeEdges(List<EdgeSpec> specs) {
        Map<String, List<Planned>> byLabel = new LinkedHashMap<>();
        for (EdgeSpec e : specs) {
            Planned p = new Planned(e, vid(e.fromKind(), e.fromUid()), vid(e.toKind(), e.toUid()));
            byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(p);
        }
        long created = 0;
        for (Map.Entry<String, List<Planned>> entry : byLabel.entrySet()) {
            created += writeEdges(entry.getKey(), entry.getValue());
        }
        return created;
    }

    private long writeEdges(String label, List<Planned> planned) {
        EdgeSpec sample = planned.get(0).spec();
        boolean byId = sample.keyedById();
        List<Existing> found = byId ? existingById(label, planned) : existingFrom(label, planned);
        Map<Object, Existing> existing = new HashMap<>();
        for (Existing x : found) {
            existing.putIfAbsent(x.key(sample.discriminatorKey(), byId), x);
        }

        List<Planned> creates = new ArrayList<>();
        List<Planned> updates = new ArrayList<>();
        List<Object> drops = new ArrayList<>();
        for (Planned p : planned) {
            Existing x = existing.get(p.key());
            if (x == null) {
                creates.add(p);
            } else if (!x.out().equals(p.out()) || !x.in().equals(p.in())) {
                // An assignment re-written with other endpoints moves: its id is its identity.
                drops.add(x.edgeId());
                creates.add(p);
            } else if (changed(x.props(), p.spec())) {
                updates.add(p);
            }
        }
        dropEdges(drops);
        addEdges(label, creates);
        updateEdges(label, updates);
        return creates.size();
    }

    private List<Existing> existingFrom(String label, List<Planned> planned) {
        Set<Object> outs = new HashSet<>();
        for (Planned p : planned) {
            outs.add(p.out());
        }
        List<Existing> found = new ArrayList<>();
        for (List<Object> chunk : chunks(new ArrayList<>(outs))) {
            for (Map<String, Object> m : g.V(chunk.toArray()).outE(label)
                    .<Object>project("e", "o", "i", "p").by(T.id).by(__.outV().id()).by(__.inV().id()).by(__.valueMap())
                    .toList()) {
                found.add(new Existing(m.get("e"), m.get("o"), m.get("i"), (Map<?, ?>) m.get("p")));
            }
        }
        return found;
    }

    private List<Existing> existingById(String label, List<Planned> planned) {
        List<Object> ids = new ArrayList<>(planned.size());
        for (Planned p : planned) {
            ids.add(p.spec().discriminator());
        }
        // In process, one indexed lookup per id (TinkerGraph's index serves eq, not within); against a server, a
        // round trip each would cost more than one within() per batch.
        List<List<Object>> lookups = new ArrayList<>();
        if (batching.bySize()) {
            lookups.addAll(chunks(ids));
        } else {
            for (Object id : ids) {
                lookups.add(List.of(id));
            }
        }
        List<Existing> found = new ArrayList<>();
        for (List<Object> chunk : lookups) {
            for (Map<String, Object> m : g.E().has(Schema.UID, chunk.size() == 1 ? P.eq(chunk.get(0)) : P.within(chunk))
                    .hasLabel(label).<Object>project("e", "o", "i", "p").by(T.id).by(__.outV().id()).by(__.inV().id())
                    .by(__.valueMap()).toList()) {
                found.add(new Existing(m.get("e"), m.get("o"), m.get("i"), (Map<?, ?>) m.get("p")));
            }
        }
        return found;
    }

    private static boolean changed(Map<?, ?> current, EdgeSpec spec) {
        for (Map.Entry<String, Object> e : spec.props().entrySet()) {
            if (!Objects.equals(current.get(e.getKey()), e.getValue())) {
                return true;
            }
        }
        for (String key : spec.absent()) {
            if (current.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private void addEdges(String label, List<Planned> planned) {
        Map<Set<String>, List<Planned>> shapes = new LinkedHashMap<>();
        for (Planned p : planned) {
            shapes.computeIfAbsent(new TreeSet<>(p.spec().props().keySet()), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<Set<String>, List<Planned>> shape : shapes.entrySet()) {
            List<Map<String, Object>> rows = new ArrayList<>(shape.getValue().size());
            for (Planned p : shape.getValue()) {
                rows.add(Map.of("o", p.out(), "i", p.in(), "p", p.spec().props()));
            }
            addEdges(label, rows, shape.getKey());
        }
    }

    /** Adds one edge per row {@code {o: out vertex id, i: in vertex id, p: properties}}. */
    private void addEdges(String label, List<Map<String, Object>> rows, Set<String> keys) {
        List<Map<String, Object>> all = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            // A raw id is not accepted by from()/to(); a reference vertex is, locally and remotely.
            all.add(Map.of("o", new ReferenceVertex(row.get("o")), "i", new ReferenceVertex(row.get("i")),
                    "p", row.get("p")));
        }
        for (List<Map<String, Object>> refs : chunks(all)) {
            GraphTraversal<Object, Edge> t = g.inject((Object) refs).unfold().as(ROW)
                    .addE(label).from(this.<Vertex>field("o")).to(this.<Vertex>field("i"));
            for (String key : keys) {
                t = t.property(key, field("p", key));
            }
            t.iterate();
        }
    }

    private void updateEdges(String label, List<Planned> planned) {
        Map<List<Set<String>>, List<Planned>> shapes = new LinkedHashMap<>();
        for (Planned p : planned) {
            List<Set<String>> shape = List.of(new TreeSet<>(p.spec().props().keySet()), new TreeSet<>(p.spec().absent()));
            shapes.computeIfAbsent(shape, k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<List<Set<String>>, List<Planned>> shape : shapes.entrySet()) {
            Set<String> keys = shape.getKey().get(0);
            Set<String> absent = shape.getKey().get(1);
            List<Map<String, Object>> all = new ArrayList<>(shape.getValue().size());
            for (Planned p : shape.getValue()) {
                Map<Object, Object> match = new HashMap<>();
                match.put(T.label, label);
                match.put(Direction.OUT, p.out());
                match.put(Direction.IN, p.in());
                if (p.spec().discriminatorKey() != null) {
                    match.put(p.spec().discriminatorKey(), p.spec().discriminator());
                }
                all.add(Map.of("m", match, "p", p.spec().props()));
            }
            for (List<Map<String, Object>> rows : chunks(all)) {
                GraphTraversal<Object, Edge> t = g.inject((Object) rows).unfold().as(ROW).mergeE(field("m"));
                for (String key : keys) {
                    t = t.property(key, field("p", key));
                }
                if (!absent.isEmpty()) {
                    t = t.sideEffect(__.properties(absent.toArray(new String[0])).drop());
                }
                t.iterate();
            }
        }
    }

    private void dropEdges(List<Object> edgeIds) {
        for (List<Object> chunk : chunks(edgeIds)) {
            g.E(chunk.toArray()).drop().iterate();
        }
    }

    // ---- derived edges ----

    /** Points the derived edge of every owner written in this call at its current target, or removes it. */
    private void syncFromOwners(DerivedEdge d, Collection<VertexSpec> nodes) {
        // The references were looked up before the first write.
        Map<Object, Object> wanted = new LinkedHashMap<>();
        for (VertexSpec v : nodes) {
            if (v.label().equals(d.ownerLabel)) {
                Object ref = v.props().get(d.key);
                Object owner = vids.get(v.label()).get(v.uid());
                wanted.put(owner, ref == null ? null : vid(d.target, ref.toString()));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        Set<Object> satisfied = new HashSet<>();
        List<Object> drops = new ArrayList<>();
        for (List<Object> chunk : chunks(new ArrayList<>(wanted.keySet()))) {
            GraphTraversal<Vertex, Edge> edges = d.ownerIsOut
                    ? g.V(chunk.toArray()).outE(d.label) : g.V(chunk.toArray()).inE(d.label);
            for (Map<String, Object> m : edges.<Object>project("e", "owner", "other").by(T.id)
                    .by(d.ownerIsOut ? __.outV().id() : __.inV().id())
                    .by(d.ownerIsOut ? __.inV().id() : __.outV().id()).toList()) {
                Object owner = m.get("owner");
                Object target = wanted.get(owner);
                // Keep exactly one edge to the wanted target; anything else is stale or a duplicate.
                if (target == null || !target.equals(m.get("other")) || !satisfied.add(owner)) {
                    drops.add(m.get("e"));
                }
            }
        }
        dropEdges(drops);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<Object, Object> w : wanted.entrySet()) {
            if (w.getValue() != null && !satisfied.contains(w.getKey())) {
                rows.add(derivedRow(d, w.getKey(), w.getValue()));
            }
        }
        addEdges(d.label, rows, Set.of());
    }

    /**
     * Finds, before anything is written, the owners written earlier whose reference names a node of this call and
     * that lack the derived edge (their target was missing until now). Owners written in this call are left to
     * {@link #syncFromOwners}.
     *
     * @return rows {@code {v: owner vertex id, ref: the external id it names}}
     */
    private List<Map<String, Object>> ownersNaming(DerivedEdge d, Collection<VertexSpec> nodes) {
        Set<String> targetLabels = Set.of(Schema.labels(d.target));
        Set<String> written = new HashSet<>();
        for (VertexSpec v : nodes) {
            if (targetLabels.contains(v.label())) {
                written.add(v.uid());
            }
        }
        if (written.isEmpty()) {
            return List.of();
        }
        List<GraphTraversal<Vertex, Vertex>> queries = new ArrayList<>();
        if (indexedWithin) {
            // Served by the index on the reference.
            for (List<Object> chunk : chunks(new ArrayList<Object>(written))) {
                queries.add(g.V().has(d.key, P.within(chunk)).hasLabel(d.ownerLabel));
            }
        } else {
            // Owners without the edge are few (their target was missing): one scan finds them all.
            queries.add(g.V().hasLabel(d.ownerLabel).has(d.key));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GraphTraversal<Vertex, Vertex> owners : queries) {
            owners = d.ownerIsOut ? owners.not(__.outE(d.label)) : owners.not(__.inE(d.label));
            for (Map<String, Object> m : owners.<Object>project("v", "u", "ref").by(T.id).by(Schema.UID).by(d.key).toList()) {
                String ref = String.valueOf(m.get("ref"));
                if (written.contains(ref) && !pending.contains(List.of(d.ownerLabel, String.valueOf(m.get("u"))))) {
                    rows.add(m);
                }
            }
        }
        return rows;
    }

    /** Links the owners {@link #ownersNaming} found to the nodes of this call they name. */
    private void link(DerivedEdge d, List<Map<String, Object>> owners) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : owners) {
            Object target = known(d.target, String.valueOf(m.get("ref")));
            if (target != null) {
                rows.add(derivedRow(d, m.get("v"), target));
            }
        }
        addEdges(d.label, rows, Set.of());
    }

    private static Map<String, Object> derivedRow(DerivedEdge d, Object owner, Object target) {
        return d.ownerIsOut
                ? Map.of("o", owner, "i", target, "p", Map.of())
                : Map.of("o", target, "i", owner, "p", Map.of());
    }

    // ---- helpers ----

    /** @return a traversal reading a value of the current row, {@code select(ROW).select(path...)} */
    @SuppressWarnings("unchecked")
    private <V> Traversal<?, V> field(String... path) {
        GraphTraversal<Object, Object> t = __.select(ROW);
        for (String step : path) {
            t = t.select(step);
        }
        return (Traversal<?, V>) (Traversal<?, ?>) t;
    }

    /** @return the items cut into the batches one traversal takes: rows, and bytes for a remote server */
    private <E> List<List<E>> chunks(List<E> all) {
        return batching.split(all);
    }
}
