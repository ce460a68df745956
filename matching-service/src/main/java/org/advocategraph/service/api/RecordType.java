package org.advocategraph.service.api;

import static org.advocategraph.service.api.RecordField.bool;
import static org.advocategraph.service.api.RecordField.choice;
import static org.advocategraph.service.api.RecordField.choices;
import static org.advocategraph.service.api.RecordField.dateTime;
import static org.advocategraph.service.api.RecordField.decimal;
import static org.advocategraph.service.api.RecordField.id;
import static org.advocategraph.service.api.RecordField.integer;
import static org.advocategraph.service.api.RecordField.list;
import static org.advocategraph.service.api.RecordField.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.NodeKind;

/**
 * Every record type a CRM writes through the API (assignments have their own lifecycle routes): its name in a
 * bulk body, its collection in the path, its fields (those of the import format), the path parameters that key
 * it, and for a relationship the kinds of node its ends must be. Routes, body parsing, bulk checks and the
 * OpenAPI schemas are all derived from this one table.
 */
enum RecordType {
    EMPLOYEE("employee", "employees", NodeKind.EMPLOYEE, GraphStore::employee, List.of(
            id("id").mandatory(), text("name").mandatory(), text("title"), text("department"), text("region"),
            list("languages"), list("certifications"), choices("purposes", Purpose.class),
            integer("capacity", 0, (long) Employee.MAX_CAPACITY).byDefault(5), bool("active").byDefault(true),
            bool("optedIn").byDefault(true), id("managerId")),
            v -> new Employee(v.text("id"), v.text("name"), v.text("title"), v.text("department"), v.text("region"),
                    v.list("languages"), Set.copyOf(v.list("certifications")),
                    Set.copyOf(v.list("purposes").stream().map(p -> Purpose.parse("purposes", p)).toList()),
                    v.smallInteger("capacity"), v.bool("active"), v.bool("optedIn"), v.text("managerId"))),
    CUSTOMER("customer", "customers", NodeKind.CUSTOMER, GraphStore::customer, List.of(
            id("id").mandatory(), text("name").mandatory(), id("accountId"), text("segment"), text("region"),
            list("languages"), list("handles"), integer("followers", 0, null).byDefault(0L)),
            v -> new Customer(v.text("id"), v.text("name"), v.text("accountId"), v.text("segment"), v.text("region"),
                    v.list("languages"), v.list("handles"), v.integer("followers"))),
    ACCOUNT("account", "accounts", NodeKind.ACCOUNT, GraphStore::account, List.of(
            id("id").mandatory(), text("name").mandatory(), text("industry")),
            v -> new Account(v.text("id"), v.text("name"), v.text("industry"))),
    TOPIC("topic", "topics", NodeKind.TOPIC, (store, id) -> store.topics(List.of(id)).stream().findFirst(), List.of(
            id("id").mandatory(), text("name").mandatory()),
            v -> new Topic(v.text("id"), v.text("name"))),
    PROGRAM("program", "programs", NodeKind.PROGRAM, GraphStore::program, List.of(
            id("id").mandatory(), text("name").mandatory(), choice("purpose", Purpose.class).mandatory()),
            v -> new Program(v.text("id"), v.text("name"), Purpose.parse("purpose", v.text("purpose")))),
    CONVERSATION("conversation", "conversations", NodeKind.CONVERSATION, GraphStore::conversation, List.of(
            id("id").mandatory(), text("channel").mandatory(), dateTime("createdAt").mandatory(), text("url"),
            text("text"), text("language"), decimal("sentiment", -1, 1).byDefault(0.0),
            choice("status", ConversationStatus.class).byDefault("open"), choice("purpose", Purpose.class),
            integer("authorReach", 0, null).byDefault(0L), id("authorId")),
            v -> new Conversation(v.text("id"), v.text("channel"), v.text("url"), v.text("text"), v.text("language"),
                    v.decimal("sentiment"), v.instant("createdAt"), ConversationStatus.parse("status", v.text("status")),
                    v.text("purpose") == null ? null : Purpose.parse("purpose", v.text("purpose")),
                    v.integer("authorReach"), v.text("authorId"))),

    EXPERTISE("expertise", "expertise", List.of("employeeId", "topicId"), List.of(NodeKind.EMPLOYEE, NodeKind.TOPIC),
            List.of(id("employeeId").mandatory(), id("topicId").mandatory(), decimal("level", 0, 1).mandatory(),
                    text("source")),
            v -> new Expertise(v.text("employeeId"), v.text("topicId"), v.decimal("level"), v.text("source"))),
    INTEREST("interest", "interests", List.of("customerId", "topicId"), List.of(NodeKind.CUSTOMER, NodeKind.TOPIC),
            List.of(id("customerId").mandatory(), id("topicId").mandatory(), decimal("weight", 0, 1).byDefault(1.0)),
            v -> new Interest(v.text("customerId"), v.text("topicId"), v.decimal("weight"))),
    SUBTOPIC("subtopic", "subtopics", List.of("childId", "parentId"), List.of(NodeKind.TOPIC, NodeKind.TOPIC),
            List.of(id("childId").mandatory(), id("parentId").mandatory()),
            v -> new SubtopicOf(v.text("childId"), v.text("parentId"))),
    TIE("tie", "ties", List.of("fromId", "toId", "kind"), List.of(NodeKind.PERSON, NodeKind.PERSON),
            List.of(id("fromId").mandatory(), id("toId").mandatory(), choice("kind", TieKind.class).mandatory(),
                    decimal("strength", 0, 1).byDefault(0.5), dateTime("since")),
            v -> new Tie(v.text("fromId"), v.text("toId"), TieKind.parse("kind", v.text("kind")), v.decimal("strength"),
                    v.instant("since"))),
    PARTICIPATION("participation", "participations", List.of("personId", "conversationId"),
            List.of(NodeKind.PERSON, NodeKind.CONVERSATION),
            List.of(id("personId").mandatory(), id("conversationId").mandatory()),
            v -> new Participation(v.text("personId"), v.text("conversationId"))),
    ABOUT("about", "about", List.of("conversationId", "topicId"), List.of(NodeKind.CONVERSATION, NodeKind.TOPIC),
            List.of(id("conversationId").mandatory(), id("topicId").mandatory(), decimal("weight", 0, 1).byDefault(1.0)),
            v -> new About(v.text("conversationId"), v.text("topicId"), v.decimal("weight"))),
    ACCOUNT_OWNER("account-owner", "account-owners", List.of("employeeId", "accountId"),
            List.of(NodeKind.EMPLOYEE, NodeKind.ACCOUNT),
            List.of(id("employeeId").mandatory(), id("accountId").mandatory()),
            v -> new AccountOwnership(v.text("employeeId"), v.text("accountId"))),
    MEMBERSHIP("membership", "memberships", List.of("employeeId", "programId"),
            List.of(NodeKind.EMPLOYEE, NodeKind.PROGRAM),
            List.of(id("employeeId").mandatory(), id("programId").mandatory(), dateTime("since")),
            v -> new Membership(v.text("employeeId"), v.text("programId"), v.instant("since")));

    /** The path prefix of every record route. */
    static final String PREFIX = "/api/v1/";

    private final String typeName;
    private final String collection;
    private final NodeKind nodeKind;
    private final BiFunction<GraphStore, String, Optional<? extends GraphNode>> reader;
    private final List<String> keys;
    private final List<NodeKind> endpointKinds;
    private final List<RecordField> fields;
    private final Function<RecordCodec.Values, GraphElement> build;

    /** A node type, keyed by {@code id}. */
    RecordType(String typeName, String collection, NodeKind nodeKind,
               BiFunction<GraphStore, String, Optional<? extends GraphNode>> reader, List<RecordField> fields,
               Function<RecordCodec.Values, GraphElement> build) {
        this(typeName, collection, nodeKind, reader, List.of("id"), List.of(), fields, build);
    }

    /** A relationship type, keyed by its ends (the first two keys) and, for ties, its kind. */
    RecordType(String typeName, String collection, List<String> keys, List<NodeKind> endpointKinds,
               List<RecordField> fields, Function<RecordCodec.Values, GraphElement> build) {
        this(typeName, collection, null, null, keys, endpointKinds, fields, build);
    }

    RecordType(String typeName, String collection, NodeKind nodeKind,
               BiFunction<GraphStore, String, Optional<? extends GraphNode>> reader, List<String> keys,
               List<NodeKind> endpointKinds, List<RecordField> fields, Function<RecordCodec.Values, GraphElement> build) {
        this.typeName = typeName;
        this.collection = collection;
        this.nodeKind = nodeKind;
        this.reader = reader;
        this.keys = List.copyOf(keys);
        this.endpointKinds = List.copyOf(endpointKinds);
        this.fields = List.copyOf(fields);
        this.build = build;
    }

    /** @return the name of this type in a bulk body, for example {@code employee} */
    String typeName() {
        return typeName;
    }

    /** @return the route path, for example {@code /api/v1/ties/{fromId}/{toId}/{kind}} */
    String path() {
        StringBuilder path = new StringBuilder(PREFIX).append(collection);
        for (String key : keys) {
            path.append("/{").append(key).append('}');
        }
        return path.toString();
    }

    /** @return the name of its schema in the OpenAPI document, for example {@code Employee} */
    String schema() {
        String[] words = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            s.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return s.toString();
    }

    /** @return true for a node type */
    boolean isNode() {
        return nodeKind != null;
    }

    /** @return the kind of node, for a node type; null for a relationship */
    NodeKind nodeKind() {
        return nodeKind;
    }

    /**
     * @return for a person type, the other person kind, whose ids this type's ids must not take (employees and
     *         customers share one id space); null otherwise
     */
    NodeKind otherPersonKind() {
        return this == EMPLOYEE ? NodeKind.CUSTOMER : this == CUSTOMER ? NodeKind.EMPLOYEE : null;
    }

    /** @return the fields that key a record, in path order */
    List<String> keys() {
        return keys;
    }

    /** @return the fields of a record, required ones first as in the import format */
    List<RecordField> fields() {
        return fields;
    }

    /** @return the ends of a relationship: the field naming each and the kind of node it must be */
    List<Endpoint> endpoints() {
        List<Endpoint> ends = new ArrayList<>();
        for (int i = 0; i < endpointKinds.size(); i++) {
            ends.add(new Endpoint(keys.get(i), endpointKinds.get(i)));
        }
        return ends;
    }

    /** @return the stored node of this type with this id */
    Optional<? extends GraphNode> read(GraphStore store, String id) {
        if (reader == null) {
            throw new IllegalStateException(this + " is not a node type");
        }
        return reader.apply(store, id);
    }

    /** @return the record built from checked values; its constructor may still refuse a value, naming it */
    GraphElement build(RecordCodec.Values values) {
        return build.apply(values);
    }

    /** @return the kind as a word with its article, for messages: {@code an employee}, {@code a person} */
    static String aKind(NodeKind kind) {
        return RecordCodec.withArticle(kind.label().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the type with this bulk name */
    static Optional<RecordType> byTypeName(String name) {
        for (RecordType t : values()) {
            if (t.typeName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return every bulk type name, in order */
    static List<String> typeNames() {
        return java.util.Arrays.stream(values()).map(RecordType::typeName).toList();
    }

    /**
     * One end of a relationship.
     *
     * @param field the field naming it, for example {@code employeeId}
     * @param kind  the kind of node it must be
     */
    record Endpoint(String field, NodeKind kind) {
        /** @return the kind as a word, for messages: {@code employee}, {@code person} */
        String what() {
            return kind.label().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
