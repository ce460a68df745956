package org.advocategraph.store.tinkerpop;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.tinkerpop.gremlin.structure.Edge;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.Cardinality;
import org.janusgraph.core.EdgeLabel;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.Multiplicity;
import org.janusgraph.core.PropertyKey;
import org.janusgraph.core.VertexLabel;
import org.janusgraph.core.schema.ConsistencyModifier;
import org.janusgraph.core.schema.JanusGraphIndex;
import org.janusgraph.core.schema.JanusGraphManagement;
import org.janusgraph.core.schema.JanusGraphSchemaType;
import org.janusgraph.core.schema.SchemaAction;
import org.janusgraph.core.schema.SchemaStatus;
import org.janusgraph.graphdb.database.management.ManagementSystem;

/**
 * {@link JanusGraphSchema.SchemaAccess} through JanusGraph's management API, for a graph in this process. The
 * script that does the same on a JanusGraph Server ({@code janusgraph-schema.groovy}) follows this class step by
 * step.
 */
final class EmbeddedManagement implements JanusGraphSchema.SchemaAccess {
    /** How long an index may take to be registered by every instance of the graph. */
    static final long REGISTER_TIMEOUT_SECONDS = 120;
    /** How long a reindexed index is given to be enabled by JanusGraph itself before this enables it. */
    static final long ENABLE_WAIT_SECONDS = 10;

    private final JanusGraph graph;

    EmbeddedManagement(JanusGraph graph) {
        this.graph = graph;
    }

    @Override
    public Map<String, Object> read() {
        JanusGraphManagement mgmt = graph.openManagement();
        try {
            List<Map<String, Object>> keys = new ArrayList<>();
            for (PropertyKey k : mgmt.getRelationTypes(PropertyKey.class)) {
                keys.add(Map.of("name", k.name(), "dataType", k.dataType().getSimpleName(),
                        "cardinality", k.cardinality().name()));
            }
            List<String> vertexLabels = new ArrayList<>();
            for (VertexLabel l : mgmt.getVertexLabels()) {
                vertexLabels.add(l.name());
            }
            List<Map<String, Object>> edgeLabels = new ArrayList<>();
            for (EdgeLabel l : mgmt.getRelationTypes(EdgeLabel.class)) {
                edgeLabels.add(Map.of("name", l.name(), "multiplicity", l.multiplicity().name()));
            }
            List<Map<String, Object>> indexes = new ArrayList<>();
            for (Class<? extends Element> type : List.of(Vertex.class, Edge.class)) {
                for (JanusGraphIndex index : mgmt.getGraphIndexes(type)) {
                    indexes.add(describe(index));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("keys", keys);
            out.put("vertexLabels", vertexLabels);
            out.put("edgeLabels", edgeLabels);
            out.put("indexes", indexes);
            return out;
        } finally {
            mgmt.rollback();
        }
    }

    private static Map<String, Object> describe(JanusGraphIndex index) {
        List<String> keys = new ArrayList<>();
        String status = JanusGraphSchema.ENABLED;
        for (PropertyKey k : index.getFieldKeys()) {
            keys.add(k.name());
            SchemaStatus s = index.getIndexStatus(k);
            if (s != SchemaStatus.ENABLED) {
                status = s.name();
            }
        }
        JanusGraphSchemaType constraint = index.getSchemaTypeConstraint();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", index.name());
        m.put("element", Vertex.class.isAssignableFrom(index.getIndexedElement()) ? "vertex" : "edge");
        m.put("composite", index.isCompositeIndex());
        m.put("unique", index.isUnique());
        m.put("keys", keys);
        m.put("label", constraint == null ? null : constraint.name());
        m.put("status", status);
        return m;
    }

    @Override
    public void apply(List<Map<String, Object>> actions) {
        List<String> touched = new ArrayList<>();
        JanusGraphManagement mgmt = graph.openManagement();
        try {
            for (Map<String, Object> a : actions) {
                String name = (String) a.get("name");
                switch ((String) a.get("action")) {
                    case "key" -> mgmt.makePropertyKey(name).dataType(dataType((String) a.get("dataType")))
                            .cardinality(Cardinality.valueOf((String) a.get("cardinality"))).make();
                    case "vertexLabel" -> mgmt.makeVertexLabel(name).make();
                    case "edgeLabel" -> mgmt.makeEdgeLabel(name)
                            .multiplicity(Multiplicity.valueOf((String) a.get("multiplicity"))).make();
                    case "index" -> {
                        boolean vertex = "vertex".equals(a.get("element"));
                        JanusGraphManagement.IndexBuilder b = mgmt.buildIndex(name, vertex ? Vertex.class : Edge.class);
                        for (Object key : (List<?>) a.get("keys")) {
                            b.addKey(mgmt.getPropertyKey((String) key));
                        }
                        String label = (String) a.get("label");
                        if (label != null) {
                            b.indexOnly(vertex ? mgmt.getVertexLabel(label) : mgmt.getEdgeLabel(label));
                        }
                        if (Boolean.TRUE.equals(a.get("unique"))) {
                            b.unique();
                        }
                        JanusGraphIndex index = b.buildCompositeIndex();
                        if (index.isUnique()) {
                            // Uniqueness holds across concurrent writers only with locking.
                            mgmt.setConsistency(index, ConsistencyModifier.LOCK);
                        }
                        touched.add(name);
                    }
                    case "enable" -> touched.add(name);
                    default -> throw new IllegalArgumentException("unknown schema action " + a.get("action"));
                }
            }
            mgmt.commit();
        } catch (RuntimeException e) {
            if (mgmt.isOpen()) {
                mgmt.rollback();
            }
            throw e;
        }
        for (String name : touched) {
            enable(name);
        }
    }

    /** Brings an index whose keys held data before it existed to ENABLED: registered, then reindexed. */
    private void enable(String name) {
        try {
            if (status(name) == SchemaStatus.ENABLED) {
                return;
            }
            if (status(name) == SchemaStatus.INSTALLED) {
                update(name, SchemaAction.REGISTER_INDEX);
            }
            ManagementSystem.awaitGraphIndexStatus(graph, name).status(SchemaStatus.REGISTERED, SchemaStatus.ENABLED)
                    .timeout(REGISTER_TIMEOUT_SECONDS, ChronoUnit.SECONDS).call();
            if (status(name) == SchemaStatus.REGISTERED) {
                update(name, SchemaAction.REINDEX);
                // JanusGraph enables the index from the finished job's callback, in a transaction of its own, which
                // can lose a lock to the next schema change ("Local lock contention") and leave it REGISTERED:
                // wait for it, and enable it here if it did not.
                ManagementSystem.awaitGraphIndexStatus(graph, name).status(SchemaStatus.ENABLED)
                        .timeout(ENABLE_WAIT_SECONDS, ChronoUnit.SECONDS).call();
                if (status(name) == SchemaStatus.REGISTERED) {
                    update(name, SchemaAction.ENABLE_INDEX);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while enabling index " + name, e);
        }
    }

    private SchemaStatus status(String name) {
        JanusGraphManagement mgmt = graph.openManagement();
        try {
            JanusGraphIndex index = mgmt.getGraphIndex(name);
            SchemaStatus status = SchemaStatus.ENABLED;
            for (PropertyKey k : index.getFieldKeys()) {
                if (index.getIndexStatus(k) != SchemaStatus.ENABLED) {
                    status = index.getIndexStatus(k);
                }
            }
            return status;
        } finally {
            mgmt.rollback();
        }
    }

    private void update(String name, SchemaAction action) throws InterruptedException {
        JanusGraphManagement mgmt = graph.openManagement();
        try {
            // Null when the index is past the action's statuses already (another process got there first).
            org.janusgraph.diskstorage.keycolumnvalue.scan.ScanJobFuture job = mgmt.updateIndex(mgmt.getGraphIndex(name), action);
            if (job != null) {
                job.get();
            }
            mgmt.commit();
        } catch (ExecutionException e) {
            throw new IllegalStateException(action + " of index " + name + " failed: " + e.getCause(), e);
        } finally {
            if (mgmt.isOpen()) {
                mgmt.rollback();
            }
        }
    }

    private static Class<?> dataType(String simpleName) {
        return switch (simpleName) {
            case "String" -> String.class;
            case "Integer" -> Integer.class;
            case "Long" -> Long.class;
            case "Double" -> Double.class;
            case "Boolean" -> Boolean.class;
            default -> throw new IllegalArgumentException("unsupported data type " + simpleName);
        };
    }
}
