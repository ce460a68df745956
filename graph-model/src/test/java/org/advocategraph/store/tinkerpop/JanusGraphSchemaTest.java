package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.tinkerpop.gremlin.structure.Vertex;
import org.janusgraph.core.Cardinality;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.JanusGraphFactory;
import org.janusgraph.core.Multiplicity;
import org.janusgraph.core.PropertyKey;
import org.janusgraph.core.VertexLabel;
import org.janusgraph.core.schema.JanusGraphManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;

/**
 * The JanusGraph schema on an embedded graph in memory: created once, left alone afterwards, never half-created over
 * a conflicting one, and indexes built over data that was there before them.
 */
class JanusGraphSchemaTest {
    private final List<JanusGraph> opened = new ArrayList<>();

    @AfterEach
    void closeGraphs() {
        opened.forEach(JanusGraph::close);
    }

    private JanusGraph graph(boolean strict) {
        JanusGraph graph = JanusGraphFactory.build().set("storage.backend", "inmemory")
                .set("schema.default", strict ? "none" : "default").open();
        opened.add(graph);
        return graph;
    }

    /** Counts the times the schema was written. */
    static final class Recording implements JanusGraphSchema.SchemaAccess {
        private final JanusGraphSchema.SchemaAccess access;
        int applied;

        Recording(JanusGraphSchema.SchemaAccess access) {
            this.access = access;
        }

        @Override
        public Map<String, Object> read() {
            return access.read();
        }

        @Override
        public void apply(List<Map<String, Object>> actions) {
            applied++;
            access.apply(actions);
        }
    }

    /** @return the indexes of a schema as read, by name */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> indexes(Map<String, Object> schema) {
        Map<String, Map<String, Object>> out = new java.util.HashMap<>();
        for (Object o : (List<?>) schema.get("indexes")) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.put((String) m.get("name"), m);
        }
        return out;
    }

    /** Checks that every index of ours is there, enabled, and unique where it must be. */
    static void assertComplete(Map<String, Object> schema) {
        Map<String, Map<String, Object>> indexes = indexes(schema);
        for (JanusGraphSchema.Index index : JanusGraphSchema.INDEXES) {
            Map<String, Object> have = indexes.get(index.name());
            assertTrue(have != null, "missing index " + index.name());
            assertEquals("ENABLED", have.get("status"), index.name());
            assertEquals(index.unique(), have.get("unique"), index.name());
            assertEquals(index.label(), have.get("label"), index.name());
        }
        assertEquals(new JanusGraphSchema.Plan(List.of(), List.of()), JanusGraphSchema.plan(schema));
    }

    @Test
    void shouldCreateTheSchemaOnceAndChangeNothingOnTheNextStart() {
        // Given an empty graph with a strict schema
        JanusGraph graph = graph(true);

        // When the schema is ensured, then ensured again as the next start of the service would
        Recording first = new Recording(new EmbeddedManagement(graph));
        JanusGraphSchema.ensure(first, "test graph");
        Map<String, Object> created = new EmbeddedManagement(graph).read();
        Recording second = new Recording(new EmbeddedManagement(graph));
        JanusGraphSchema.ensure(second, "test graph");

        // Then it was written once, in one go, is complete (a unique uid index per label, all enabled), and the second
        // start read it and changed nothing
        assertEquals(1, first.applied);
        assertComplete(created);
        assertEquals(JanusGraphSchema.KEYS.size(), ((List<?>) created.get("keys")).size());
        assertEquals(0, second.applied);
        assertEquals(created, new EmbeddedManagement(graph).read());
    }

    @Test
    void shouldListEveryConflictAndChangeNothing() {
        // Given a graph whose schema was made by someone else: a key of another type, one of another cardinality, a
        // uid index that is not unique, ties that allow one edge per pair, and a key named like one of our edge labels
        JanusGraph graph = graph(true);
        JanusGraphManagement mgmt = graph.openManagement();
        mgmt.makePropertyKey(Schema.CAPACITY).dataType(Long.class).make();
        mgmt.makePropertyKey(Schema.NAME).dataType(String.class).cardinality(Cardinality.LIST).make();
        PropertyKey uid = mgmt.makePropertyKey(Schema.UID).dataType(String.class).make();
        VertexLabel employee = mgmt.makeVertexLabel(Schema.EMPLOYEE).make();
        mgmt.buildIndex("advocates_uid_Employee", Vertex.class).addKey(uid).indexOnly(employee).buildCompositeIndex();
        mgmt.makeEdgeLabel(Schema.CONNECTED_TO).multiplicity(Multiplicity.SIMPLE).make();
        mgmt.makePropertyKey(Schema.ABOUT).dataType(String.class).make();
        mgmt.commit();
        Map<String, Object> before = new EmbeddedManagement(graph).read();

        // When this service ensures its schema
        Recording access = new Recording(new EmbeddedManagement(graph));
        StoreException e = assertThrows(StoreException.class, () -> JanusGraphSchema.ensure(access, "test graph"));

        // Then it fails listing every conflict, and has written nothing: not even what did not conflict
        String message = e.getMessage();
        assertTrue(message.contains("in 5 place(s), so nothing was changed"), message);
        assertTrue(message.contains("property key 'capacity' holds Long, this service needs Integer"), message);
        assertTrue(message.contains("property key 'name' has cardinality LIST, this service needs SINGLE"), message);
        assertTrue(message.contains("index 'advocates_uid_Employee' is not unique"), message);
        assertTrue(message.contains("edge label 'CONNECTED_TO' has multiplicity SIMPLE"), message);
        assertTrue(message.contains("'ABOUT' is a property key, this service needs it as an edge label"), message);
        assertFalse(message.contains("\n"), message);
        assertEquals(0, access.applied);
        assertEquals(before, new EmbeddedManagement(graph).read());
    }

    @Test
    void shouldIndexDataWrittenBeforeTheSchemaExisted() {
        // Given a graph with automatic schema that already holds people, written without any index of ours
        JanusGraph graph = graph(false);
        try (TinkerPopGraphStore unmanaged = new TinkerPopGraphStore(graph.traversal(), "janusgraph (no schema)")) {
            unmanaged.upsert(List.of(
                    new Employee("e1", "Ada", "", "", "", List.of("en"), Set.of(), Set.of(), 2, true, true, null),
                    new Customer("c1", "Carol", null, "", "", List.of(), List.of(), 10)));
        }

        // When the schema is ensured
        JanusGraphSchema.ensure(new EmbeddedManagement(graph), "test graph");

        // Then the new indexes were built over the old data (registered and reindexed) and are enabled, and the
        // people are found through them
        assertComplete(new EmbeddedManagement(graph).read());
        String profile = graph.traversal().V().has(Schema.UID, "e1").hasLabel(Schema.EMPLOYEE).profile().next().toString();
        assertTrue(profile.contains("advocates_uid_Employee"), profile);
        assertEquals(1L, graph.traversal().V().has(Schema.UID, "e1").hasLabel(Schema.EMPLOYEE).count().next());
        graph.tx().rollback();
    }

    @Test
    void shouldWriteNothingOfAnUpsertTheGraphRefusesPartOf() {
        // Given a graph where topics are static (never changed once written), with our schema, holding topic t1
        JanusGraph graph = graph(true);
        JanusGraphManagement mgmt = graph.openManagement();
        mgmt.makeVertexLabel(Schema.TOPIC).setStatic().make();
        mgmt.commit();
        JanusGraphSchema.ensure(new EmbeddedManagement(graph), "test graph");
        try (TinkerPopGraphStore store = new TinkerPopGraphStore(graph.traversal(), "janusgraph (static topics)")) {
            store.upsert(List.of(new Topic("t1", "Graphs")));

            // When one upsert writes two people, a tie, and a change to t1 that the graph refuses
            List<GraphElement> elements = List.of(
                    new Employee("e1", "Ada", "", "", "", List.of("en"), Set.of(), Set.of(), 2, true, true, null),
                    new Customer("c1", "Carol", null, "", "", List.of(), List.of(), 10),
                    new Tie("c1", "e1", TieKind.FOLLOWS, 0.5, null),
                    new Topic("t1", "Graph databases"));
            StoreException e = assertThrows(StoreException.class, () -> store.upsert(elements));

            // Then the whole call was rolled back: no person, no tie, the topic as it was
            assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
            assertEquals(Optional.empty(), store.employee("e1"));
            assertEquals(Optional.empty(), store.customer("c1"));
            assertEquals(0L, store.counts().get(Schema.CONNECTED_TO));
            assertEquals("Graphs", store.topics(List.of("t1")).get(0).name());
        }
    }

    @Test
    void shouldOpenJanusGraphFromTheStoreSetting(@TempDir Path dir) throws Exception {
        // Given a properties file for an in-memory JanusGraph
        Path file = dir.resolve("janusgraph.properties");
        Files.writeString(file, "storage.backend=inmemory\n");

        // When the store is opened from janusgraph:FILE and from janusgraph:inmemory
        for (String uri : List.of("janusgraph:" + file, StoreSettings.JANUSGRAPH_INMEMORY)) {
            try (OpenStore open = OpenStore.open(new StoreSettings(uri, null, null, null, dir, 0))) {
                // Then each works, with its schema, and says what it is
                open.store().upsert(List.of(new Topic("t1", "Graphs")));
                assertEquals("Graphs", open.store().topics(List.of("t1")).get(0).name());
                assertEquals(StoreSettings.Kind.JANUSGRAPH, open.kind());
                assertTrue(open.store().describe().startsWith("janusgraph "), open.store().describe());
            }
        }
    }

    @Test
    void shouldNameTheFileWhenItIsMissing(@TempDir Path dir) {
        Path missing = dir.resolve("nope.properties");
        StoreException e = assertThrows(StoreException.class,
                () -> OpenStore.open(new StoreSettings("janusgraph:" + missing, null, null, null, dir, 0)));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
