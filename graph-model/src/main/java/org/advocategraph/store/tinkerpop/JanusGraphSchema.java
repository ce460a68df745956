package org.advocategraph.store.tinkerpop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.advocategraph.store.StoreException;

/**
 * The JanusGraph schema this store needs, and how it is brought about: check first, then create, so that a graph
 * whose schema conflicts with ours is left exactly as it was.
 *
 * <ul>
 *   <li>every property key the store writes, with its data type (what {@link Codec} writes: strings, {@code Integer}
 *       capacity, {@code Long} counts and epoch milliseconds, {@code Double} weights, {@code Boolean} flags) and
 *       single cardinality;</li>
 *   <li>every vertex label, and every edge label with multiplicity {@code MULTI} (two people may share ties of several
 *       kinds, an advocate several assignments to one conversation);</li>
 *   <li>composite indexes: a unique one on {@code uid} per vertex label (the external id, unique within its label,
 *       enforced with locking), one on {@code uid} over all vertices for lookups that do not know the label (a
 *       relationship's endpoint may be an employee or a customer), and those the adapter's equality filters need:
 *       assignments by {@code uid} and by {@code status}, conversations by {@code status}, documents by
 *       {@code kind}, and the references derived edges mirror (customers by {@code accountId}, conversations by
 *       {@code authorId}, employees by {@code managerId}), so that a write finds the owners naming a node it writes. Range filters ({@code assignedAt}, {@code createdAt}) would need a mixed index (a search
 *       backend) and scan instead.</li>
 * </ul>
 *
 * <p>The schema is read and written through a {@link SchemaAccess}: JanusGraph's management API in process, or a
 * script on a JanusGraph Server. Both exchange plain maps, so the decisions are made here, once. The read gives
 * {@code keys} ({@code name}, {@code dataType} simple class name, {@code cardinality}), {@code vertexLabels}
 * (names), {@code edgeLabels} ({@code name}, {@code multiplicity}) and {@code indexes} ({@code name},
 * {@code element} {@code vertex} or {@code edge}, {@code composite}, {@code unique}, {@code keys}, {@code label} or
 * null, {@code status}). An action is a map with {@code action} one of {@code key}, {@code vertexLabel},
 * {@code edgeLabel}, {@code index} (created in one management transaction) or {@code enable} (an index of ours
 * that exists but is not enabled: registered and reindexed).
 */
final class JanusGraphSchema {
    private static final Logger LOG = LoggerFactory.getLogger(JanusGraphSchema.class);

    /** Prefix of every index this store creates, so that they stand apart from a user's own. */
    static final String INDEX_PREFIX = "advocates_";
    static final String SINGLE = "SINGLE";
    static final String MULTI = "MULTI";
    static final String ENABLED = "ENABLED";

    /** Property keys by name, with their data type's simple class name. */
    static final Map<String, String> KEYS = keys();
    static final List<String> VERTEX_LABELS = vertexLabels();
    static final List<String> EDGE_LABELS = Schema.EDGE_LABELS;
    static final List<Index> INDEXES = indexes();

    /** The data types a key may have here; the apply side maps them to classes. */
    static final List<String> DATA_TYPES = List.of("String", "Integer", "Long", "Double", "Boolean");

    /**
     * A composite index this store needs.
     *
     * @param name    its name
     * @param vertex  true over vertices, false over edges
     * @param key     the one property key it covers
     * @param unique  true for a unique index (vertices only)
     * @param label   the vertex or edge label it is restricted to, or null for every element
     */
    record Index(String name, boolean vertex, String key, boolean unique, String label) {
        Map<String, Object> action() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("action", "index");
            a.put("name", name);
            a.put("element", vertex ? "vertex" : "edge");
            a.put("keys", List.of(key));
            a.put("unique", unique);
            a.put("label", label);
            return a;
        }

        String describe() {
            return (unique ? "unique " : "") + (vertex ? "vertex" : "edge") + " index on " + key
                    + (label == null ? "" : " of " + label);
        }
    }

    /**
     * Reads and writes a JanusGraph schema.
     */
    interface SchemaAccess {
        /** @return the schema as described in {@link JanusGraphSchema}'s comment */
        Map<String, Object> read();

        /**
         * Creates the keys, labels and indexes of the actions in one management transaction, then enables every index
         * named by an action that is not enabled after it (waiting for it to be registered, then reindexing).
         *
         * @param actions what to do, in order
         */
        void apply(List<Map<String, Object>> actions);
    }

    /**
     * What it takes to bring a schema in line with ours.
     *
     * @param conflicts one sentence per element that exists in a form that does not fit; nothing may be changed then
     * @param actions   what to create or enable, keys first, then labels, then indexes, then enabling
     */
    record Plan(List<String> conflicts, List<Map<String, Object>> actions) {
        Plan {
            conflicts = List.copyOf(conflicts);
            actions = List.copyOf(actions);
        }
    }

    private JanusGraphSchema() {
    }

    /**
     * Makes sure the graph has this store's schema: reads it, fails listing every conflict without changing
     * anything, creates what is missing, and reads it again to check. When creating fails because another process
     * created the same schema at the same time, the second read finds it complete and that is fine.
     *
     * @param access the graph's schema
     * @param where  the graph, for messages (no secrets)
     * @throws StoreException listing every conflict, or saying what could not be created
     */
    static void ensure(SchemaAccess access, String where) {
        Plan plan = plan(access.read());
        if (!plan.conflicts().isEmpty()) {
            throw conflicts(where, plan.conflicts());
        }
        if (plan.actions().isEmpty()) {
            LOG.debug("The schema of {} is complete", where);
            return;
        }
        LOG.info("Creating the schema of {}: {} step(s)", where, plan.actions().size());
        try {
            access.apply(plan.actions());
        } catch (RuntimeException e) {
            Plan again = plan(access.read());
            if (again.conflicts().isEmpty() && again.actions().isEmpty()) {
                LOG.info("The schema of {} was created by another process meanwhile", where);
                return;
            }
            throw new StoreException("creating the schema of " + where + " failed: " + RemoteGremlin.oneLine(e), true, e);
        }
        Plan after = plan(access.read());
        if (!after.conflicts().isEmpty()) {
            throw conflicts(where, after.conflicts());
        }
        if (!after.actions().isEmpty()) {
            throw new StoreException("the schema of " + where + " is still incomplete after creating it: "
                    + describe(after.actions()), true, null);
        }
    }

    /**
     * Compares a schema with ours.
     *
     * @param existing the schema as read
     * @return the conflicts, and what to create when there are none
     */
    static Plan plan(Map<String, Object> existing) {
        List<String> conflicts = new ArrayList<>();
        List<Map<String, Object>> actions = new ArrayList<>();
        Map<String, Map<?, ?>> keys = byName(existing.get("keys"));
        Map<String, Map<?, ?>> edgeLabels = byName(existing.get("edgeLabels"));
        Map<String, Map<?, ?>> indexes = byName(existing.get("indexes"));
        List<String> vertexLabels = new ArrayList<>();
        for (Object o : list(existing.get("vertexLabels"))) {
            vertexLabels.add(String.valueOf(o));
        }

        for (Map.Entry<String, String> k : KEYS.entrySet()) {
            Map<?, ?> have = keys.get(k.getKey());
            if (have == null) {
                if (edgeLabels.containsKey(k.getKey())) {
                    conflicts.add("'" + k.getKey() + "' is an edge label, this service needs it as a property key");
                } else {
                    actions.add(Map.of("action", "key", "name", k.getKey(), "dataType", k.getValue(),
                            "cardinality", SINGLE));
                }
                continue;
            }
            if (!k.getValue().equals(String.valueOf(have.get("dataType")))) {
                conflicts.add("property key '" + k.getKey() + "' holds " + have.get("dataType") + ", this service needs "
                        + k.getValue());
            }
            if (!SINGLE.equals(String.valueOf(have.get("cardinality")))) {
                conflicts.add("property key '" + k.getKey() + "' has cardinality " + have.get("cardinality")
                        + ", this service needs SINGLE");
            }
        }
        for (String label : VERTEX_LABELS) {
            if (!vertexLabels.contains(label)) {
                actions.add(Map.of("action", "vertexLabel", "name", label));
            }
        }
        for (String label : EDGE_LABELS) {
            Map<?, ?> have = edgeLabels.get(label);
            if (have == null) {
                if (keys.containsKey(label)) {
                    conflicts.add("'" + label + "' is a property key, this service needs it as an edge label");
                } else {
                    actions.add(Map.of("action", "edgeLabel", "name", label, "multiplicity", MULTI));
                }
            } else if (!MULTI.equals(String.valueOf(have.get("multiplicity")))) {
                conflicts.add("edge label '" + label + "' has multiplicity " + have.get("multiplicity")
                        + ", this service needs MULTI (several edges between the same two vertices)");
            }
        }
        List<Map<String, Object>> enable = new ArrayList<>();
        for (Index index : INDEXES) {
            Map<?, ?> have = indexes.get(index.name());
            if (have == null) {
                actions.add(index.action());
                continue;
            }
            List<String> differences = differences(index, have);
            if (!differences.isEmpty()) {
                conflicts.add("index '" + index.name() + "' " + String.join(", ", differences) + "; this service needs a "
                        + index.describe());
                continue;
            }
            String status = String.valueOf(have.get("status"));
            if ("INSTALLED".equals(status) || "REGISTERED".equals(status)) {
                enable.add(Map.of("action", "enable", "name", index.name()));
            } else if (!ENABLED.equals(status)) {
                conflicts.add("index '" + index.name() + "' is " + status + ", this service needs it ENABLED");
            }
        }
        actions.addAll(enable);
        return new Plan(conflicts, conflicts.isEmpty() ? actions : List.of());
    }

    private static List<String> differences(Index wanted, Map<?, ?> have) {
        List<String> out = new ArrayList<>();
        if (!Boolean.TRUE.equals(have.get("composite"))) {
            out.add("is a mixed index");
        }
        String element = wanted.vertex() ? "vertex" : "edge";
        if (!element.equals(String.valueOf(have.get("element")))) {
            out.add("indexes " + have.get("element") + "s");
        }
        List<String> keys = new ArrayList<>();
        for (Object k : list(have.get("keys"))) {
            keys.add(String.valueOf(k));
        }
        if (!keys.equals(List.of(wanted.key()))) {
            out.add("covers " + keys);
        }
        if (wanted.unique() != Boolean.TRUE.equals(have.get("unique"))) {
            out.add(wanted.unique() ? "is not unique" : "is unique");
        }
        Object label = have.get("label");
        if (!Objects.equals(wanted.label(), label == null ? null : String.valueOf(label))) {
            out.add(label == null ? "is not restricted to a label" : "is restricted to " + label);
        }
        return out;
    }

    private static StoreException conflicts(String where, List<String> conflicts) {
        return new StoreException("the JanusGraph schema at " + where + " conflicts with this service's in "
                + conflicts.size() + " place(s), so nothing was changed: " + String.join("; ", conflicts), false, null);
    }

    private static String describe(List<Map<String, Object>> actions) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> a : actions) {
            out.add(a.get("action") + " " + a.get("name"));
        }
        return String.join(", ", out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<?, ?>> byName(Object items) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        for (Object o : list(items)) {
            Map<?, ?> m = (Map<?, ?>) o;
            out.put(String.valueOf(m.get("name")), m);
        }
        return out;
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : (List<?>) o;
    }

    private static Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        for (String s : List.of(Schema.UID, Schema.NAME, Schema.TITLE, Schema.DEPARTMENT, Schema.REGION,
                Schema.LANGUAGES, Schema.CERTIFICATIONS, Schema.PURPOSES, Schema.MANAGER_ID, Schema.ACCOUNT_ID,
                Schema.SEGMENT, Schema.HANDLES, Schema.INDUSTRY, Schema.CHANNEL, Schema.URL, Schema.TEXT,
                Schema.LANGUAGE, Schema.STATUS, Schema.PURPOSE, Schema.AUTHOR_ID, Schema.SOURCE, Schema.KIND,
                Schema.OUTCOME, Schema.DOC_ID, Schema.JSON)) {
            k.put(s, "String");
        }
        k.put(Schema.CAPACITY, "Integer");
        for (String s : List.of(Schema.ACTIVE, Schema.OPTED_IN)) {
            k.put(s, "Boolean");
        }
        for (String s : List.of(Schema.FOLLOWERS, Schema.CREATED_AT, Schema.AUTHOR_REACH, Schema.SINCE,
                Schema.ASSIGNED_AT, Schema.RESPONDED_AT, Schema.DECIDED_AT, Schema.RESOLVED_AT)) {
            k.put(s, "Long");
        }
        for (String s : List.of(Schema.SENTIMENT, Schema.LEVEL, Schema.WEIGHT, Schema.STRENGTH, Schema.SENTIMENT_AFTER)) {
            k.put(s, "Double");
        }
        return java.util.Collections.unmodifiableMap(k);
    }

    private static List<String> vertexLabels() {
        List<String> labels = new ArrayList<>(Schema.NODE_LABELS);
        labels.add(Schema.DOCUMENT);
        return List.copyOf(labels);
    }

    private static List<Index> indexes() {
        List<Index> out = new ArrayList<>();
        out.add(new Index(INDEX_PREFIX + "uid", true, Schema.UID, false, null));
        for (String label : vertexLabels()) {
            out.add(new Index(INDEX_PREFIX + "uid_" + label, true, Schema.UID, true, label));
        }
        out.add(new Index(INDEX_PREFIX + "assignment_uid", false, Schema.UID, false, Schema.ASSIGNED_TO));
        out.add(new Index(INDEX_PREFIX + "assignment_status", false, Schema.STATUS, false, Schema.ASSIGNED_TO));
        out.add(new Index(INDEX_PREFIX + "conversation_status", true, Schema.STATUS, false, Schema.CONVERSATION));
        out.add(new Index(INDEX_PREFIX + "document_kind", true, Schema.KIND, false, Schema.DOCUMENT));
        // The references that derived edges mirror: a write finds the owners that name a node it writes.
        for (DerivedEdge d : DerivedEdge.values()) {
            out.add(new Index(INDEX_PREFIX + d.ownerLabel.toLowerCase(java.util.Locale.ROOT) + "_" + d.key, true, d.key,
                    false, d.ownerLabel));
        }
        return List.copyOf(out);
    }
}
