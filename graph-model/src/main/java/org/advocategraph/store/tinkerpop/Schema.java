package org.advocategraph.store.tinkerpop;

import java.util.List;

import org.advocategraph.store.NodeKind;

/**
 * Labels and property keys of the advocate graph as stored through TinkerPop.
 *
 * <p>The external id lives in {@link #UID} rather than {@code id}, which would be confused with {@code T.id}.
 * Lists and sets are stored as one string joined with {@link #LIST_SEPARATOR}, instants as epoch milliseconds
 * and enums as their lower-case key, so that every provider (TinkerGraph, JanusGraph, a remote server) stores
 * the same portable values.
 */
final class Schema {
    static final String UID = "uid";
    static final String LIST_SEPARATOR = "\u001F";

    static final String EMPLOYEE = "Employee";
    static final String CUSTOMER = "Customer";
    static final String ACCOUNT = "Account";
    static final String TOPIC = "Topic";
    static final String CONVERSATION = "Conversation";
    static final String PROGRAM = "Program";
    static final List<String> NODE_LABELS = List.of(EMPLOYEE, CUSTOMER, ACCOUNT, TOPIC, CONVERSATION, PROGRAM);
    /** Settings documents ({@code GraphStore#documents}): uid {@code kind/id}, {@link #KIND}, {@link #DOC_ID}, {@link #JSON}. */
    static final String DOCUMENT = "Document";

    static final String EXPERT_IN = "EXPERT_IN";
    static final String INTERESTED_IN = "INTERESTED_IN";
    static final String SUBTOPIC_OF = "SUBTOPIC_OF";
    static final String CONNECTED_TO = "CONNECTED_TO";
    static final String PARTICIPATED_IN = "PARTICIPATED_IN";
    static final String ABOUT = "ABOUT";
    static final String OWNS_ACCOUNT = "OWNS_ACCOUNT";
    static final String MEMBER_OF = "MEMBER_OF";
    static final String ASSIGNED_TO = "ASSIGNED_TO";
    static final String BELONGS_TO = "BELONGS_TO";
    static final String AUTHORED = "AUTHORED";
    static final String REPORTS_TO = "REPORTS_TO";
    static final List<String> EDGE_LABELS = List.of(EXPERT_IN, INTERESTED_IN, SUBTOPIC_OF, CONNECTED_TO,
            PARTICIPATED_IN, ABOUT, OWNS_ACCOUNT, MEMBER_OF, ASSIGNED_TO, BELONGS_TO, AUTHORED, REPORTS_TO);

    // Property keys, named after the record components they hold.
    static final String NAME = "name";
    static final String TITLE = "title";
    static final String DEPARTMENT = "department";
    static final String REGION = "region";
    static final String LANGUAGES = "languages";
    static final String CERTIFICATIONS = "certifications";
    static final String PURPOSES = "purposes";
    static final String CAPACITY = "capacity";
    static final String ACTIVE = "active";
    static final String OPTED_IN = "optedIn";
    static final String MANAGER_ID = "managerId";
    static final String ACCOUNT_ID = "accountId";
    static final String SEGMENT = "segment";
    static final String HANDLES = "handles";
    static final String FOLLOWERS = "followers";
    static final String INDUSTRY = "industry";
    static final String CHANNEL = "channel";
    static final String URL = "url";
    static final String TEXT = "text";
    static final String LANGUAGE = "language";
    static final String SENTIMENT = "sentiment";
    static final String CREATED_AT = "createdAt";
    static final String STATUS = "status";
    static final String PURPOSE = "purpose";
    static final String AUTHOR_REACH = "authorReach";
    static final String AUTHOR_ID = "authorId";
    static final String LEVEL = "level";
    static final String SOURCE = "source";
    static final String WEIGHT = "weight";
    static final String KIND = "kind";
    static final String STRENGTH = "strength";
    static final String SINCE = "since";
    static final String ASSIGNED_AT = "assignedAt";
    static final String RESPONDED_AT = "respondedAt";
    static final String OUTCOME = "outcome";
    static final String SENTIMENT_AFTER = "sentimentAfter";
    static final String DECIDED_AT = "decidedAt";
    static final String RESOLVED_AT = "resolvedAt";
    static final String DOC_ID = "docId";
    static final String JSON = "json";

    private static final String[] PERSON_LABELS = {EMPLOYEE, CUSTOMER};

    private Schema() {
    }

    /** @return the labels a node of this kind may carry; a person is an employee or a customer */
    static String[] labels(NodeKind kind) {
        return kind == NodeKind.PERSON ? PERSON_LABELS.clone() : new String[] {kind.label()};
    }
}
