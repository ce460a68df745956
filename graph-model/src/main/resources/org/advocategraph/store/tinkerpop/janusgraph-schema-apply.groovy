// Creates schema elements on a JanusGraph Server for the advocate graph service, as EmbeddedManagement.apply does
// in process. The service sends this text unchanged; its input is the binding 'actions' (maps of names and
// settings, see JanusGraphSchema) and 'registerTimeoutSeconds', never code.
import java.time.temporal.ChronoUnit
import org.apache.tinkerpop.gremlin.structure.Edge
import org.apache.tinkerpop.gremlin.structure.Vertex
import org.janusgraph.core.Cardinality
import org.janusgraph.core.Multiplicity
import org.janusgraph.core.schema.ConsistencyModifier
import org.janusgraph.core.schema.SchemaAction
import org.janusgraph.core.schema.SchemaStatus
import org.janusgraph.graphdb.database.management.ManagementSystem

def graph = g.getGraph()
def types = ['String': String, 'Integer': Integer, 'Long': Long, 'Double': Double, 'Boolean': Boolean]
def touched = []
def mgmt = graph.openManagement()
try {
    for (a in actions) {
        String name = a['name']
        switch (a['action']) {
            case 'key':
                def type = types[a['dataType']]
                if (type == null) {
                    throw new IllegalArgumentException('unsupported data type ' + a['dataType'])
                }
                mgmt.makePropertyKey(name).dataType(type).cardinality(Cardinality.valueOf(a['cardinality'])).make()
                break
            case 'vertexLabel':
                mgmt.makeVertexLabel(name).make()
                break
            case 'edgeLabel':
                mgmt.makeEdgeLabel(name).multiplicity(Multiplicity.valueOf(a['multiplicity'])).make()
                break
            case 'index':
                boolean vertex = a['element'] == 'vertex'
                def builder = mgmt.buildIndex(name, vertex ? Vertex.class : Edge.class)
                for (key in a['keys']) {
                    builder.addKey(mgmt.getPropertyKey(key))
                }
                if (a['label'] != null) {
                    builder.indexOnly(vertex ? mgmt.getVertexLabel(a['label']) : mgmt.getEdgeLabel(a['label']))
                }
                if (a['unique']) {
                    builder.unique()
                }
                def index = builder.buildCompositeIndex()
                if (index.isUnique()) {
                    mgmt.setConsistency(index, ConsistencyModifier.LOCK)
                }
                touched << name
                break
            case 'enable':
                touched << name
                break
            default:
                throw new IllegalArgumentException('unknown schema action ' + a['action'])
        }
    }
    mgmt.commit()
} catch (Exception e) {
    if (mgmt.isOpen()) {
        mgmt.rollback()
    }
    throw e
}

def status = { String name ->
    def m = graph.openManagement()
    try {
        def index = m.getGraphIndex(name)
        def s = SchemaStatus.ENABLED
        for (k in index.getFieldKeys()) {
            if (index.getIndexStatus(k) != SchemaStatus.ENABLED) {
                s = index.getIndexStatus(k)
            }
        }
        return s
    } finally {
        m.rollback()
    }
}
def update = { String name, SchemaAction action ->
    def m = graph.openManagement()
    try {
        def job = m.updateIndex(m.getGraphIndex(name), action)
        if (job != null) {
            job.get()
        }
        m.commit()
    } finally {
        if (m.isOpen()) {
            m.rollback()
        }
    }
}
for (name in touched) {
    if (status(name) == SchemaStatus.INSTALLED) {
        update(name, SchemaAction.REGISTER_INDEX)
    }
    if (status(name) != SchemaStatus.ENABLED) {
        ManagementSystem.awaitGraphIndexStatus(graph, name).status(SchemaStatus.REGISTERED, SchemaStatus.ENABLED)
                .timeout(registerTimeoutSeconds, ChronoUnit.SECONDS).call()
    }
    if (status(name) == SchemaStatus.REGISTERED) {
        update(name, SchemaAction.REINDEX)
        // The finished job's callback enables the index in a transaction of its own, which can lose a lock to the
        // next schema change and leave it REGISTERED: wait for it, and enable it here if it did not.
        ManagementSystem.awaitGraphIndexStatus(graph, name).status(SchemaStatus.ENABLED)
                .timeout(10, ChronoUnit.SECONDS).call()
        if (status(name) == SchemaStatus.REGISTERED) {
            update(name, SchemaAction.ENABLE_INDEX)
        }
    }
}
return [touched.size()]
