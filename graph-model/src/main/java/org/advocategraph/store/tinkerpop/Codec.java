package org.advocategraph.store.tinkerpop;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.GraphRelationship;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.NodeKind;

/** Translates domain records to property maps and back, in the portable encoding described in {@link Schema}. */
final class Codec {
    private Codec() {
    }

    static VertexSpec vertex(GraphNode node) {
        Props p = new Props();
        if (node instanceof Employee) {
            Employee e = (Employee) node;
            p.set(Schema.NAME, e.name()).set(Schema.TITLE, e.title()).set(Schema.DEPARTMENT, e.department())
                    .set(Schema.REGION, e.region()).list(Schema.LANGUAGES, e.languages())
                    .list(Schema.CERTIFICATIONS, e.certifications())
                    .list(Schema.PURPOSES, e.purposes().stream().map(Purpose::key).collect(Collectors.toList()))
                    .set(Schema.CAPACITY, e.capacity()).set(Schema.ACTIVE, e.active()).set(Schema.OPTED_IN, e.optedIn())
                    .set(Schema.MANAGER_ID, e.managerId());
            return p.vertex(Schema.EMPLOYEE, e.id());
        } else if (node instanceof Customer) {
            Customer c = (Customer) node;
            p.set(Schema.NAME, c.name()).set(Schema.ACCOUNT_ID, c.accountId()).set(Schema.SEGMENT, c.segment())
                    .set(Schema.REGION, c.region()).list(Schema.LANGUAGES, c.languages())
                    .list(Schema.HANDLES, c.handles()).set(Schema.FOLLOWERS, c.followers());
            return p.vertex(Schema.CUSTOMER, c.id());
        } else if (node instanceof Account) {
            Account a = (Account) node;
            p.set(Schema.NAME, a.name()).set(Schema.INDUSTRY, a.industry());
            return p.vertex(Schema.ACCOUNT, a.id());
        } else if (node instanceof Topic) {
            Topic t = (Topic) node;
            p.set(Schema.NAME, t.name());
            return p.vertex(Schema.TOPIC, t.id());
        } else if (node instanceof Conversation) {
            Conversation c = (Conversation) node;
            p.set(Schema.CHANNEL, c.channel()).set(Schema.URL, c.url()).set(Schema.TEXT, c.text())
                    .set(Schema.LANGUAGE, c.language()).set(Schema.SENTIMENT, c.sentiment())
                    .instant(Schema.CREATED_AT, c.createdAt()).set(Schema.STATUS, c.status().key())
                    .set(Schema.PURPOSE, c.purpose() == null ? null : c.purpose().key())
                    .set(Schema.AUTHOR_REACH, c.authorReach()).set(Schema.AUTHOR_ID, c.authorId());
            return p.vertex(Schema.CONVERSATION, c.id());
        } else if (node instanceof Program) {
            Program g = (Program) node;
            p.set(Schema.NAME, g.name()).set(Schema.PURPOSE, g.purpose().key());
            return p.vertex(Schema.PROGRAM, g.id());
        }
        throw new IllegalArgumentException("unknown node type " + node.getClass().getName());
    }

    static EdgeSpec edge(GraphRelationship rel) {
        Props p = new Props();
        if (rel instanceof Expertise) {
            Expertise x = (Expertise) rel;
            p.set(Schema.LEVEL, x.level()).set(Schema.SOURCE, x.source());
            return p.edge(Schema.EXPERT_IN, NodeKind.EMPLOYEE, x.employeeId(), NodeKind.TOPIC, x.topicId(), null);
        } else if (rel instanceof Interest) {
            Interest i = (Interest) rel;
            p.set(Schema.WEIGHT, i.weight());
            return p.edge(Schema.INTERESTED_IN, NodeKind.CUSTOMER, i.customerId(), NodeKind.TOPIC, i.topicId(), null);
        } else if (rel instanceof SubtopicOf) {
            SubtopicOf s = (SubtopicOf) rel;
            return p.edge(Schema.SUBTOPIC_OF, NodeKind.TOPIC, s.childId(), NodeKind.TOPIC, s.parentId(), null);
        } else if (rel instanceof Tie) {
            Tie t = (Tie) rel;
            p.set(Schema.KIND, t.kind().key()).set(Schema.STRENGTH, t.strength()).instant(Schema.SINCE, t.since());
            return p.edge(Schema.CONNECTED_TO, NodeKind.PERSON, t.fromId(), NodeKind.PERSON, t.toId(), t.kind().key());
        } else if (rel instanceof Participation) {
            Participation x = (Participation) rel;
            return p.edge(Schema.PARTICIPATED_IN, NodeKind.PERSON, x.personId(), NodeKind.CONVERSATION,
                    x.conversationId(), null);
        } else if (rel instanceof About) {
            About a = (About) rel;
            p.set(Schema.WEIGHT, a.weight());
            return p.edge(Schema.ABOUT, NodeKind.CONVERSATION, a.conversationId(), NodeKind.TOPIC, a.topicId(), null);
        } else if (rel instanceof AccountOwnership) {
            AccountOwnership o = (AccountOwnership) rel;
            return p.edge(Schema.OWNS_ACCOUNT, NodeKind.EMPLOYEE, o.employeeId(), NodeKind.ACCOUNT, o.accountId(), null);
        } else if (rel instanceof Membership) {
            Membership m = (Membership) rel;
            p.instant(Schema.SINCE, m.since());
            return p.edge(Schema.MEMBER_OF, NodeKind.EMPLOYEE, m.employeeId(), NodeKind.PROGRAM, m.programId(), null);
        } else if (rel instanceof Assignment) {
            Assignment a = (Assignment) rel;
            p.set(Schema.UID, a.id()).instant(Schema.ASSIGNED_AT, a.assignedAt()).set(Schema.STATUS, a.status().key())
                    .instant(Schema.RESPONDED_AT, a.respondedAt()).set(Schema.OUTCOME, a.outcome())
                    .set(Schema.SENTIMENT_AFTER, a.sentimentAfter()).instant(Schema.DECIDED_AT, a.decidedAt())
                    .instant(Schema.RESOLVED_AT, a.resolvedAt());
            return p.edge(Schema.ASSIGNED_TO, NodeKind.EMPLOYEE, a.employeeId(), NodeKind.CONVERSATION,
                    a.conversationId(), a.id());
        }
        throw new IllegalArgumentException("unknown relationship type " + rel.getClass().getName());
    }

    static Employee employee(Map<?, ?> m) {
        return new Employee(str(m, Schema.UID), str(m, Schema.NAME), str(m, Schema.TITLE), str(m, Schema.DEPARTMENT),
                str(m, Schema.REGION), list(m, Schema.LANGUAGES), new HashSet<>(list(m, Schema.CERTIFICATIONS)),
                purposes(list(m, Schema.PURPOSES)), num(m, Schema.CAPACITY).intValue(), bool(m, Schema.ACTIVE),
                bool(m, Schema.OPTED_IN), str(m, Schema.MANAGER_ID));
    }

    static Customer customer(Map<?, ?> m) {
        return new Customer(str(m, Schema.UID), str(m, Schema.NAME), str(m, Schema.ACCOUNT_ID), str(m, Schema.SEGMENT),
                str(m, Schema.REGION), list(m, Schema.LANGUAGES), list(m, Schema.HANDLES),
                num(m, Schema.FOLLOWERS).longValue());
    }

    static Account account(Map<?, ?> m) {
        return new Account(str(m, Schema.UID), str(m, Schema.NAME), str(m, Schema.INDUSTRY));
    }

    static Topic topic(Map<?, ?> m) {
        return new Topic(str(m, Schema.UID), str(m, Schema.NAME));
    }

    static Conversation conversation(Map<?, ?> m) {
        String purpose = str(m, Schema.PURPOSE);
        return new Conversation(str(m, Schema.UID), str(m, Schema.CHANNEL), str(m, Schema.URL), str(m, Schema.TEXT),
                str(m, Schema.LANGUAGE), num(m, Schema.SENTIMENT).doubleValue(), instant(m, Schema.CREATED_AT),
                ConversationStatus.parse(Schema.STATUS, str(m, Schema.STATUS)),
                purpose == null ? null : Purpose.parse(Schema.PURPOSE, purpose),
                num(m, Schema.AUTHOR_REACH).longValue(), str(m, Schema.AUTHOR_ID));
    }

    static Program program(Map<?, ?> m) {
        return new Program(str(m, Schema.UID), str(m, Schema.NAME), Purpose.parse(Schema.PURPOSE, str(m, Schema.PURPOSE)));
    }

    /** @param props the edge's properties; {@code from} and {@code to} are the endpoints' external ids */
    static Tie tie(String from, String to, Map<?, ?> props) {
        return new Tie(from, to, TieKind.parse(Schema.KIND, str(props, Schema.KIND)),
                num(props, Schema.STRENGTH).doubleValue(), instant(props, Schema.SINCE));
    }

    static Expertise expertise(String employeeId, String topicId, Map<?, ?> props) {
        return new Expertise(employeeId, topicId, num(props, Schema.LEVEL).doubleValue(), str(props, Schema.SOURCE));
    }

    /** @param props the edge's properties; {@code from} and {@code to} are the endpoints' external ids */
    static Assignment assignment(String from, String to, Map<?, ?> props) {
        Object sentiment = props.get(Schema.SENTIMENT_AFTER);
        return new Assignment(str(props, Schema.UID), from, to, instant(props, Schema.ASSIGNED_AT),
                AssignmentStatus.parse(Schema.STATUS, str(props, Schema.STATUS)), instant(props, Schema.RESPONDED_AT),
                str(props, Schema.OUTCOME), sentiment == null ? null : num(props, Schema.SENTIMENT_AFTER).doubleValue(),
                instant(props, Schema.DECIDED_AT), instant(props, Schema.RESOLVED_AT));
    }

    static String joined(Collection<String> values) {
        return String.join(Schema.LIST_SEPARATOR, values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(Schema.LIST_SEPARATOR, -1));
    }

    static String str(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    static Number num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number)) {
            throw new IllegalStateException("stored property " + key + " is not a number: " + v);
        }
        return (Number) v;
    }

    private static boolean bool(Map<?, ?> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    private static List<String> list(Map<?, ?> m, String key) {
        return split(str(m, key));
    }

    static Instant instant(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : Instant.ofEpochMilli(num(m, key).longValue());
    }

    private static Set<Purpose> purposes(List<String> keys) {
        Set<Purpose> out = new HashSet<>();
        for (String k : keys) {
            out.add(Purpose.parse(Schema.PURPOSES, k));
        }
        return out;
    }

    /** Collects properties, turning nulls into properties to remove. */
    private static final class Props {
        private final Map<String, Object> values = new HashMap<>();
        private final Set<String> absent = new HashSet<>();

        Props set(String key, Object value) {
            if (value == null) {
                absent.add(key);
            } else {
                values.put(key, value);
            }
            return this;
        }

        Props list(String key, Collection<String> value) {
            return set(key, joined(value));
        }

        Props instant(String key, Instant value) {
            return set(key, value == null ? null : value.toEpochMilli());
        }

        VertexSpec vertex(String label, String uid) {
            return new VertexSpec(label, uid, values, absent);
        }

        EdgeSpec edge(String label, NodeKind fromKind, String fromUid, NodeKind toKind, String toUid,
                      String discriminator) {
            return new EdgeSpec(label, fromKind, fromUid, toKind, toUid, discriminator, values, absent);
        }
    }
}
