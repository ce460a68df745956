package org.advocategraph.store.tinkerpop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.tinkerpop.gremlin.structure.Graph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.UpsertResult;

/**
 * The vertex ids a store remembers between writes ({@link VertexHints}) are checked before use: a write through one
 * store never links to a vertex that another client deleted, nor to a vertex that took over a remembered id after
 * the server's graph was replaced.
 */
class VertexHintsIT {
    @RegisterExtension
    static final GremlinServerExtension SERVER = GremlinServerExtension.tinkerGraph();

    private static final Employee ADA = new Employee("e1", "Ada", "", "", "", List.of(), Set.of(), Set.of(), 1, true,
            true, null);
    private static final Customer CAROL = new Customer("c1", "Carol", null, "", "", List.of(), List.of(), 0);
    private static final Tie KNOWS = new Tie("e1", "c1", TieKind.KNOWS, 0.5, Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void shouldNotLinkToAPersonAnotherClientDeleted() {
        try (TinkerPopGraphStore mine = SERVER.emptyStore();
             TinkerPopGraphStore theirs = TinkerPopGraphStore.remote(SERVER.settings())) {
            // Given both people written through my store, which remembers their vertices
            mine.upsert(List.of(ADA, CAROL));

            // When another client deletes the customer and writes a topic with her id, then I write a tie to her
            assertEquals(true, theirs.deletePerson("c1"));
            theirs.upsert(List.of(new Topic("c1", "Not a person")));
            UpsertResult result = mine.upsert(List.of(KNOWS));

            // Then the tie is skipped for its missing endpoint, and the graph holds no tie
            assertEquals(List.of("CONNECTED_TO e1->c1"), result.skipped());
            assertEquals(0L, SERVER.graph().traversal().E().hasLabel(Schema.CONNECTED_TO).count().next());
        }
    }

    @Test
    void shouldNotLinkToAVertexThatTookOverARememberedId() {
        try (TinkerPopGraphStore mine = SERVER.emptyStore()) {
            // Given both people written through my store
            mine.upsert(List.of(ADA, CAROL));
            Map<Object, Object> before = idsByUid(SERVER.graph());

            // When the server's graph is replaced and another client writes people of the same shape, who get the same vertex ids
            try (TinkerPopGraphStore theirs = SERVER.emptyStore()) {
                theirs.upsert(List.of(new Employee("x1", "Ada", "", "", "", List.of(), Set.of(), Set.of(), 1, true, true, null),
                        new Customer("x2", "Carol", null, "", "", List.of(), List.of(), 0)));
                assertEquals(Set.copyOf(before.values()), Set.copyOf(idsByUid(SERVER.graph()).values()),
                        "the test needs the new vertices to reuse the old ids");

                // Then my tie between the vanished people is skipped, not written between the newcomers
                UpsertResult result = mine.upsert(List.of(KNOWS));
                assertEquals(List.of("CONNECTED_TO e1->c1"), result.skipped());
                assertEquals(0L, SERVER.graph().traversal().E().count().next());

                // And once the people are written again, the tie joins them
                mine.upsert(List.of(ADA, CAROL));
                assertEquals(1L, mine.upsert(List.of(KNOWS)).relationshipsCreated());
                assertEquals(List.of("e1"), SERVER.graph().traversal().E().hasLabel(Schema.CONNECTED_TO).outV()
                        .values(Schema.UID).toList());
                assertEquals(List.of("c1"), SERVER.graph().traversal().E().hasLabel(Schema.CONNECTED_TO).inV()
                        .values(Schema.UID).toList());
            }
        }
    }

    private static Map<Object, Object> idsByUid(Graph graph) {
        return graph.traversal().V().group().by(Schema.UID).by(org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__.id())
                .next();
    }
}
