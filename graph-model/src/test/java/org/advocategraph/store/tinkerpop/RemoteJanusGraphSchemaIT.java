package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.janusgraph.core.Cardinality;
import org.janusgraph.core.JanusGraph;
import org.janusgraph.core.schema.JanusGraphManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Topic;
import org.advocategraph.store.StoreException;
import org.advocategraph.store.select.OpenStore;
import org.advocategraph.store.select.StoreSettings;

/**
 * The JanusGraph schema on a JanusGraph Server, managed through the server-side scripts: created once, left alone
 * on the next start, refused whole over a conflicting one, and indexes built over data already there. Each test has
 * a graph of its own on the server; what the server holds is read from its side, in this process.
 */
class RemoteJanusGraphSchemaIT {
    @RegisterExtension
    static final JanusGraphServerExtension SERVER =
            new JanusGraphServerExtension("fresh", "conflicted", "existing", "refusing");

    private static StoreSettings settings(String graph) {
        return new StoreSettings(SERVER.uri(graph), null, null, null, Path.of("unused"), 0);
    }

    @Test
    void shouldCreateTheSchemaOnTheServerOnceAndChangeNothingOnTheNextStart() {
        // Given an empty graph on the server
        JanusGraph graph = SERVER.graph("fresh");

        // When the service starts against it, then starts again
        try (OpenStore first = OpenStore.open(settings("fresh"))) {
            first.store().upsert(List.of(new Topic("t1", "Graphs")));
        }
        Map<String, Object> created = new EmbeddedManagement(graph).read();
        try (OpenStore second = OpenStore.open(settings("fresh"))) {
            // Then the schema is complete after the first, and the second start found it so and changed nothing
            assertEquals("Graphs", second.store().topics(List.of("t1")).get(0).name());
            assertTrue(second.store().describe().contains("schema=janusgraph"), second.store().describe());
        }
        JanusGraphSchemaTest.assertComplete(created);
        assertEquals(created, new EmbeddedManagement(graph).read());
    }

    @Test
    void shouldListEveryConflictOnTheServerAndChangeNothing() {
        // Given a server graph whose schema conflicts with ours in two ways
        JanusGraph graph = SERVER.graph("conflicted");
        JanusGraphManagement mgmt = graph.openManagement();
        mgmt.makePropertyKey(Schema.FOLLOWERS).dataType(Integer.class).make();
        mgmt.makePropertyKey(Schema.LANGUAGES).dataType(String.class).cardinality(Cardinality.SET).make();
        mgmt.commit();
        Map<String, Object> before = new EmbeddedManagement(graph).read();

        // When the service starts against it
        StoreException e = assertThrows(StoreException.class, () -> OpenStore.open(settings("conflicted")));

        // Then it refuses, listing both, and the server's schema is as it was
        assertTrue(e.getMessage().contains("in 2 place(s), so nothing was changed"), e.getMessage());
        assertTrue(e.getMessage().contains("property key 'followers' holds Integer, this service needs Long"), e.getMessage());
        assertTrue(e.getMessage().contains("property key 'languages' has cardinality SET"), e.getMessage());
        assertTrue(e.getMessage().contains(SERVER.uri("conflicted")), e.getMessage());
        assertEquals(before, new EmbeddedManagement(graph).read());
    }

    @Test
    void shouldIndexDataTheServerHeldBeforeTheSchema() {
        // Given a server graph that already holds an employee, with the uid key but none of our indexes
        JanusGraph graph = SERVER.graph("existing");
        JanusGraphManagement mgmt = graph.openManagement();
        mgmt.makePropertyKey(Schema.UID).dataType(String.class).make();
        mgmt.makePropertyKey(Schema.NAME).dataType(String.class).make();
        mgmt.makeVertexLabel(Schema.EMPLOYEE).make();
        mgmt.commit();
        graph.addVertex(org.apache.tinkerpop.gremlin.structure.T.label, Schema.EMPLOYEE, Schema.UID, "e1",
                Schema.NAME, "Ada");
        graph.tx().commit();

        // When the service starts against it
        try (OpenStore open = OpenStore.open(settings("existing"))) {
            // Then the indexes were registered and reindexed on the server, and serve the old data
            JanusGraphSchemaTest.assertComplete(new EmbeddedManagement(graph).read());
            assertEquals(Set.of("e1"), open.store().existingIds(org.advocategraph.store.NodeKind.EMPLOYEE, List.of("e1")));
            String profile = graph.traversal().V().has(Schema.UID, "e1").hasLabel(Schema.EMPLOYEE).profile().next()
                    .toString();
            assertTrue(profile.contains("advocates_uid_Employee"), profile);
            graph.tx().rollback();
        }
    }

    @Test
    void shouldRollBackTheWholeUpsertInTheServersTransaction() {
        // Given a server graph where topics are static (never changed once written), holding topic t1
        JanusGraph graph = SERVER.graph("refusing");
        JanusGraphManagement mgmt = graph.openManagement();
        mgmt.makeVertexLabel(Schema.TOPIC).setStatic().make();
        mgmt.commit();
        try (OpenStore open = OpenStore.open(settings("refusing"))) {
            open.store().upsert(List.of(new Topic("t1", "Graphs")));

            // When one upsert writes an employee and a change to t1 that the graph refuses
            List<GraphElement> elements = List.of(
                    new Employee("e1", "Ada", "", "", "", List.of("en"), Set.of(), Set.of(), 2, true, true, null),
                    new Topic("t1", "Graph databases"));
            StoreException e = assertThrows(StoreException.class, () -> open.store().upsert(elements));

            // Then the remote transaction was rolled back: no employee, the topic as it was
            assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
            assertEquals(Optional.empty(), open.store().employee("e1"));
            assertEquals("Graphs", open.store().topics(List.of("t1")).get(0).name());
        }
    }
}
