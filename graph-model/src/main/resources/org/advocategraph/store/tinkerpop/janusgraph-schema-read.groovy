// Reads the JanusGraph schema on a JanusGraph Server for the advocate graph service, as EmbeddedManagement.read
// does in process. The service sends this text unchanged and binds nothing but the traversal source alias g.
import org.apache.tinkerpop.gremlin.structure.Edge
import org.apache.tinkerpop.gremlin.structure.Vertex
import org.janusgraph.core.EdgeLabel
import org.janusgraph.core.PropertyKey
import org.janusgraph.core.schema.SchemaStatus

def mgmt = g.getGraph().openManagement()
try {
    def keys = mgmt.getRelationTypes(PropertyKey.class).collect { k ->
        [name: k.name(), dataType: k.dataType().getSimpleName(), cardinality: k.cardinality().name()]
    }
    def vertexLabels = mgmt.getVertexLabels().collect { l -> l.name() }
    def edgeLabels = mgmt.getRelationTypes(EdgeLabel.class).collect { l ->
        [name: l.name(), multiplicity: l.multiplicity().name()]
    }
    def indexes = []
    for (type in [Vertex.class, Edge.class]) {
        for (index in mgmt.getGraphIndexes(type)) {
            def status = 'ENABLED'
            def keyNames = []
            for (k in index.getFieldKeys()) {
                keyNames << k.name()
                def s = index.getIndexStatus(k)
                if (s != SchemaStatus.ENABLED) {
                    status = s.name()
                }
            }
            def constraint = index.getSchemaTypeConstraint()
            indexes << [name: index.name(),
                        element: Vertex.class.isAssignableFrom(index.getIndexedElement()) ? 'vertex' : 'edge',
                        composite: index.isCompositeIndex(), unique: index.isUnique(), keys: keyNames,
                        label: constraint == null ? null : constraint.name(), status: status]
        }
    }
    // One result, a map: the server would unroll a map returned alone into its entries.
    return [[keys: keys, vertexLabels: vertexLabels, edgeLabels: edgeLabels, indexes: indexes]]
} finally {
    mgmt.rollback()
}
