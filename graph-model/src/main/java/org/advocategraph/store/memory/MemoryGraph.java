package org.advocategraph.store.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;
import org.advocategraph.store.NodeKind;
import org.advocategraph.store.UpsertResult;
import org.advocategraph.store.WeightedId;

/**
 * The whole advocate graph as plain maps, answering the reads of the storage port from memory. Writes follow the
 * port's rules: last write of a key wins; nodes before relationships; a relationship whose endpoint is missing
 * (or of the wrong kind) is skipped; an assignment written again with other endpoints moves. Not thread-safe:
 * {@link CachedGraphStore} guards it.
 *
 * <p>Memory: one map entry per node and two per relationship (one per end), about 150 bytes each. A relationship
 * is kept with its endpoints' id strings shared with their nodes, not its own copies: fewer objects, and a
 * matcher walking thousands of relationships per request meets the same few hot strings, with their hashes
 * computed, instead of a cold copy each time.
 *
 * <p>Each employee's {@link org.advocategraph.store.EngagementStats} is computed on first read and kept until one
 * of their assignments is written: matching reads it for hundreds of candidates per request.
 */
final class MemoryGraph {

    private final Map<String, Employee> employees = new HashMap<>();
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Topic> topics = new HashMap<>();
    private static final java.util.Comparator<Conversation> LATEST_CONVERSATION_FIRST = java.util.Comparator
            .comparing(Conversation::createdAt).reversed().thenComparing(Conversation::id);
    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Program> programs = new HashMap<>();

    /** topic -> employee -> expertise */
    private final Map<String, Map<String, Expertise>> expertiseByTopic = new HashMap<>();
    /** customer -> topic -> weight */
    private final Map<String, Map<String, Double>> interests = new HashMap<>();
    /** topic -> its links, as child or as parent */
    private final Map<String, Set<SubtopicOf>> topicLinks = new HashMap<>();
    /** person -> ties at either end, by (from, to, kind) */
    private final Map<String, Map<List<Object>, Tie>> ties = new HashMap<>();
    /** conversation -> participants */
    private final Map<String, Set<String>> participants = new HashMap<>();
    /** conversation -> topic -> weight */
    private final Map<String, Map<String, Double>> about = new HashMap<>();
    /** account -> owners */
    private final Map<String, Set<String>> owners = new HashMap<>();
    /** program -> members */
    private final Map<String, Set<String>> members = new HashMap<>();
    private final Map<String, Assignment> assignments = new HashMap<>();
    /** employee -> ids of their assignments */
    private final Map<String, Set<String>> assignmentsByEmployee = new HashMap<>();
    /** every assignment, most recently proposed first: the order lists are in, so a list reads only what it returns */
    private final NavigableSet<Assignment> assignmentsByRecency = new TreeSet<>(org.advocategraph.store.AssignmentQuery.ORDER);
    /**
     * employee -> their engagement figures, filled on read (readers share a read lock, hence a concurrent map) and
     * dropped when one of their assignments changes
     */
    private final Map<String, org.advocategraph.store.EngagementStats> engagement = new ConcurrentHashMap<>();

    /** Applies a write as the store does; the result counts what was written and skipped. */
    UpsertResult apply(List<? extends GraphElement> elements) {
        Map<List<Object>, GraphElement> last = new LinkedHashMap<>();
        for (GraphElement e : elements) {
            last.remove(key(e));
            last.put(key(e), e);
        }
        long nodes = 0;
        long nodesCreated = 0;
        for (GraphElement e : last.values()) {
            if (e instanceof GraphNode n) {
                nodes++;
                nodesCreated += putNode(n) ? 1 : 0;
            }
        }
        long rels = 0;
        long relsCreated = 0;
        long skippedCount = 0;
        List<String> skipped = new ArrayList<>();
        for (GraphElement e : last.values()) {
            if (e instanceof GraphNode) {
                continue;
            }
            String missing = missingEndpoint(e);
            if (missing != null) {
                skippedCount++;
                if (skipped.size() < UpsertResult.MAX_SKIPPED_LISTED) {
                    skipped.add(missing);
                }
                continue;
            }
            rels++;
            relsCreated += putRelationship(e) ? 1 : 0;
        }
        return new UpsertResult(nodes, nodesCreated, rels, relsCreated, skipped, skippedCount);
    }

    private static List<Object> key(GraphElement e) {
        if (e instanceof GraphNode n) {
            return List.of(n.getClass(), n.id());
        } else if (e instanceof Tie t) {
            return List.of(Tie.class, t.fromId(), t.toId(), t.kind());
        } else if (e instanceof Assignment a) {
            return List.of(Assignment.class, a.id());
        } else if (e instanceof Expertise x) {
            return List.of(Expertise.class, x.employeeId(), x.topicId());
        } else if (e instanceof Interest x) {
            return List.of(Interest.class, x.customerId(), x.topicId());
        } else if (e instanceof SubtopicOf x) {
            return List.of(SubtopicOf.class, x.childId(), x.parentId());
        } else if (e instanceof Participation x) {
            return List.of(Participation.class, x.personId(), x.conversationId());
        } else if (e instanceof About x) {
            return List.of(About.class, x.conversationId(), x.topicId());
        } else if (e instanceof AccountOwnership x) {
            return List.of(AccountOwnership.class, x.employeeId(), x.accountId());
        } else if (e instanceof Membership x) {
            return List.of(Membership.class, x.employeeId(), x.programId());
        }
        throw new IllegalArgumentException("unknown element type " + e.getClass().getName());
    }

    /** @return true when the node is new */
    private boolean putNode(GraphNode n) {
        if (n instanceof Employee e) {
            return employees.put(e.id(), e) == null;
        } else if (n instanceof Customer c) {
            return customers.put(c.id(), c) == null;
        } else if (n instanceof Account a) {
            return accounts.put(a.id(), a) == null;
        } else if (n instanceof Topic t) {
            return topics.put(t.id(), t) == null;
        } else if (n instanceof Conversation c) {
            return conversations.put(c.id(), c) == null;
        } else if (n instanceof Program p) {
            return programs.put(p.id(), p) == null;
        }
        throw new IllegalArgumentException("unknown node type " + n.getClass().getName());
    }

    /** @return a description of the relationship when an endpoint is missing, else null */
    private String missingEndpoint(GraphElement e) {
        boolean ok;
        String describe;
        if (e instanceof Expertise x) {
            ok = employees.containsKey(x.employeeId()) && topics.containsKey(x.topicId());
            describe = "EXPERT_IN " + x.employeeId() + "->" + x.topicId();
        } else if (e instanceof Interest x) {
            ok = customers.containsKey(x.customerId()) && topics.containsKey(x.topicId());
            describe = "INTERESTED_IN " + x.customerId() + "->" + x.topicId();
        } else if (e instanceof SubtopicOf x) {
            ok = topics.containsKey(x.childId()) && topics.containsKey(x.parentId());
            describe = "SUBTOPIC_OF " + x.childId() + "->" + x.parentId();
        } else if (e instanceof Tie x) {
            ok = isPerson(x.fromId()) && isPerson(x.toId());
            describe = "CONNECTED_TO " + x.fromId() + "->" + x.toId();
        } else if (e instanceof Participation x) {
            ok = isPerson(x.personId()) && conversations.containsKey(x.conversationId());
            describe = "PARTICIPATED_IN " + x.personId() + "->" + x.conversationId();
        } else if (e instanceof About x) {
            ok = conversations.containsKey(x.conversationId()) && topics.containsKey(x.topicId());
            describe = "ABOUT " + x.conversationId() + "->" + x.topicId();
        } else if (e instanceof AccountOwnership x) {
            ok = employees.containsKey(x.employeeId()) && accounts.containsKey(x.accountId());
            describe = "OWNS_ACCOUNT " + x.employeeId() + "->" + x.accountId();
        } else if (e instanceof Membership x) {
            ok = employees.containsKey(x.employeeId()) && programs.containsKey(x.programId());
            describe = "MEMBER_OF " + x.employeeId() + "->" + x.programId();
        } else if (e instanceof Assignment x) {
            ok = employees.containsKey(x.employeeId()) && conversations.containsKey(x.conversationId());
            describe = "ASSIGNED_TO " + x.employeeId() + "->" + x.conversationId();
        } else {
            throw new IllegalArgumentException("unknown relationship type " + e.getClass().getName());
        }
        return ok ? null : describe;
    }

    /** @return the id instance of the person's node */
    private String person(String id) {
        Employee e = employees.get(id);
        return e != null ? e.id() : customers.get(id).id();
    }

    private boolean isPerson(String id) {
        return employees.containsKey(id) || customers.containsKey(id);
    }

    /** @return true when the relationship is new */
    private boolean putRelationship(GraphElement e) {
        if (e instanceof Expertise x) {
            x = new Expertise(employees.get(x.employeeId()).id(), topics.get(x.topicId()).id(), x.level(), x.source());
            return expertiseByTopic.computeIfAbsent(x.topicId(), k -> new HashMap<>()).put(x.employeeId(), x) == null;
        } else if (e instanceof Interest x) {
            return interests.computeIfAbsent(x.customerId(), k -> new HashMap<>()).put(x.topicId(), x.weight()) == null;
        } else if (e instanceof SubtopicOf x) {
            topicLinks.computeIfAbsent(x.parentId(), k -> new LinkedHashSet<>()).add(x);
            return topicLinks.computeIfAbsent(x.childId(), k -> new LinkedHashSet<>()).add(x);
        } else if (e instanceof Tie x) {
            x = new Tie(person(x.fromId()), person(x.toId()), x.kind(), x.strength(), x.since());
            List<Object> k = List.of(x.fromId(), x.toId(), x.kind());
            ties.computeIfAbsent(x.toId(), p -> new LinkedHashMap<>()).put(k, x);
            return ties.computeIfAbsent(x.fromId(), p -> new LinkedHashMap<>()).put(k, x) == null;
        } else if (e instanceof Participation x) {
            return participants.computeIfAbsent(x.conversationId(), k -> new HashSet<>()).add(x.personId());
        } else if (e instanceof About x) {
            return about.computeIfAbsent(x.conversationId(), k -> new HashMap<>()).put(x.topicId(), x.weight()) == null;
        } else if (e instanceof AccountOwnership x) {
            return owners.computeIfAbsent(x.accountId(), k -> new HashSet<>()).add(x.employeeId());
        } else if (e instanceof Membership x) {
            return members.computeIfAbsent(x.programId(), k -> new HashSet<>()).add(x.employeeId());
        } else if (e instanceof Assignment x) {
            x = new Assignment(x.id(), employees.get(x.employeeId()).id(), conversations.get(x.conversationId()).id(),
                    x.assignedAt(), x.status(), x.respondedAt(), x.outcome(), x.sentimentAfter(), x.decidedAt(), x.resolvedAt());
            Assignment old = assignments.put(x.id(), x);
            engagement.remove(x.employeeId());
            if (old != null) {
                engagement.remove(old.employeeId());
                assignmentsByRecency.remove(old);
            }
            assignmentsByRecency.add(x);
            boolean moved = old != null && (!old.employeeId().equals(x.employeeId())
                    || !old.conversationId().equals(x.conversationId()));
            if (old != null && !old.employeeId().equals(x.employeeId())) {
                assignmentsByEmployee.getOrDefault(old.employeeId(), new HashSet<>()).remove(x.id());
            }

            assignmentsByEmployee.computeIfAbsent(x.employeeId(), k -> new HashSet<>()).add(x.id());
            return old == null || moved;
        }
        throw new IllegalArgumentException("unknown relationship type " + e.getClass().getName());
    }

    /**
     * Erases a person as the store does: the node, every relationship at it, and references to the id held by
     * other nodes (an employee's manager, a conversation's author).
     */
    void deletePerson(String id) {
        employees.remove(id);
        customers.remove(id);
        for (Tie t : new ArrayList<>(ties.getOrDefault(id, Map.of()).values())) {
            ties.getOrDefault(t.other(id), new HashMap<>()).remove(List.of(t.fromId(), t.toId(), t.kind()));
        }
        ties.remove(id);
        expertiseByTopic.values().forEach(m -> m.remove(id));
        interests.remove(id);
        participants.values().forEach(p -> p.remove(id));
        owners.values().forEach(o -> o.remove(id));
        members.values().forEach(m -> m.remove(id));
        for (String a : assignmentsByEmployee.getOrDefault(id, Set.of())) {
            assignmentsByRecency.remove(assignments.remove(a));
        }
        assignmentsByEmployee.remove(id);
        engagement.remove(id);
        employees.replaceAll((k, e) -> id.equals(e.managerId()) ? new Employee(e.id(), e.name(), e.title(),
                e.department(), e.region(), e.languages(), e.certifications(), e.purposes(), e.capacity(), e.active(),
                e.optedIn(), null) : e);
        conversations.replaceAll((k, c) -> id.equals(c.authorId()) ? new Conversation(c.id(), c.channel(), c.url(),
                c.text(), c.language(), c.sentiment(), c.createdAt(), c.status(), c.purpose(), c.authorReach(), null) : c);
    }

    // ------------------------------------------------------------------ reads

    Optional<Employee> employee(String id) {
        return Optional.ofNullable(employees.get(id));
    }

    List<Employee> employees(Collection<String> ids) {
        return pick(ids, employees);
    }

    Optional<Customer> customer(String id) {
        return Optional.ofNullable(customers.get(id));
    }

    List<Topic> topics(Collection<String> ids) {
        return pick(ids, topics);
    }

    Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    Optional<Conversation> conversation(String id) {
        return Optional.ofNullable(conversations.get(id));
    }

    List<Conversation> conversationsWithStatus(Collection<org.advocategraph.model.ConversationStatus> statuses) {
        Set<org.advocategraph.model.ConversationStatus> wanted = Set.copyOf(statuses);
        List<Conversation> out = new ArrayList<>();
        for (Conversation c : conversations.values()) {
            if (wanted.contains(c.status())) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparing(Conversation::id));
        return out;
    }

    Optional<Program> program(String id) {
        return Optional.ofNullable(programs.get(id));
    }

    List<WeightedId> interestsOf(String customerId) {
        return weighted(interests.get(customerId));
    }

    List<WeightedId> topicsOf(String conversationId) {
        return weighted(about.get(conversationId));
    }

    List<String> participantsOf(String conversationId) {
        return sorted(participants.get(conversationId));
    }

    List<SubtopicOf> topicLinks(Collection<String> topicIds) {
        Set<SubtopicOf> links = new LinkedHashSet<>();
        for (String t : new LinkedHashSet<>(topicIds)) {
            links.addAll(topicLinks.getOrDefault(t, Set.of()));
        }
        return List.copyOf(links);
    }

    List<Expertise> expertiseIn(Collection<String> topicIds) {
        Set<String> wanted = new LinkedHashSet<>(topicIds);
        int size = 0;
        for (String t : wanted) {
            size += expertiseByTopic.getOrDefault(t, Map.of()).size();
        }
        List<Expertise> out = new ArrayList<>(size);
        for (String t : wanted) {
            out.addAll(expertiseByTopic.getOrDefault(t, Map.of()).values());
        }
        return out;
    }

    Map<String, Integer> openAssignments(Collection<String> employeeIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (String e : new LinkedHashSet<>(employeeIds)) {
            int n = 0;
            for (String id : assignmentsByEmployee.getOrDefault(e, Set.of())) {
                if (assignments.get(id).status().open()) {
                    n++;
                }
            }
            if (n > 0) {
                counts.put(e, n);
            }
        }
        return counts;
    }

    Optional<Assignment> assignment(String id) {
        return Optional.ofNullable(assignments.get(id));
    }

    List<Assignment> assignments(org.advocategraph.store.AssignmentQuery query) {
        if (query.employeeId() != null) {
            return assignmentsByEmployee.getOrDefault(query.employeeId(), Set.of()).stream().map(assignments::get)
                    .filter(query::matches).sorted(org.advocategraph.store.AssignmentQuery.ORDER).limit(query.limit()).toList();
        }
        // Already in order: stop at the limit instead of sorting every assignment.
        return assignmentsByRecency.stream().filter(query::matches).limit(query.limit()).toList();
    }

    List<Assignment> assignmentsProposedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        // Latest first already: skip those at or after `to`, stop at the first before `from`.
        return assignmentsByRecency.stream().dropWhile(a -> !a.assignedAt().isBefore(to))
                .takeWhile(a -> !a.assignedAt().isBefore(from)).limit(limit).toList();
    }

    List<Conversation> conversationsCreatedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        List<Conversation> out = new ArrayList<>();
        for (Conversation c : conversations.values()) {
            if (!c.createdAt().isBefore(from) && c.createdAt().isBefore(to)) {
                out.add(c);
            }
        }
        out.sort(LATEST_CONVERSATION_FIRST);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    Map<String, org.advocategraph.store.EngagementStats> engagementOf(Collection<String> employeeIds) {
        Map<String, org.advocategraph.store.EngagementStats> out = new LinkedHashMap<>();
        for (String e : new LinkedHashSet<>(employeeIds)) {
            Set<String> ids = assignmentsByEmployee.getOrDefault(e, Set.of());
            if (!ids.isEmpty()) {
                out.put(e, engagement.computeIfAbsent(e, k -> tally(k, ids)));
            }
        }
        return out;
    }

    private org.advocategraph.store.EngagementStats tally(String employeeId, Set<String> assignmentIds) {
        var tally = new org.advocategraph.store.EngagementStats.Tally(employeeId);
        for (String id : assignmentIds) {
            Assignment a = assignments.get(id);
            tally.add(a.status(), a.assignedAt(), a.respondedAt(), a.sentimentAfter());
        }
        return tally.build();
    }

    List<Tie> tiesOf(Collection<String> personIds) {
        // A tie between two of the people asked for is met at both its ends: the second time is skipped.
        Set<String> asked = new LinkedHashSet<>(personIds);
        Set<String> done = new HashSet<>();
        List<Tie> out = new ArrayList<>();
        for (String p : asked) {
            if (isPerson(p)) {
                for (Tie t : ties.getOrDefault(p, Map.of()).values()) {
                    String other = t.other(p);
                    if (other.equals(p) || !done.contains(other)) {
                        out.add(t);
                    }
                }
                done.add(p);
            }
        }
        return out;
    }

    List<Tie> tiesBetween(Collection<String> personIds, Set<String> otherIds) {
        // A set: a tie with both ends asked for and both ends wanted is met twice.
        Set<Tie> out = new LinkedHashSet<>();
        for (String p : new LinkedHashSet<>(personIds)) {
            for (Tie t : ties.getOrDefault(p, Map.of()).values()) {
                if (otherIds.contains(t.other(p))) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    Set<String> audienceOf(Collection<String> personIds) {
        Set<String> audience = new HashSet<>();
        for (String p : new LinkedHashSet<>(personIds)) {
            if (!isPerson(p)) {
                continue;
            }
            for (Tie t : ties.getOrDefault(p, Map.of()).values()) {
                if (t.toId().equals(p)) {
                    audience.add(t.fromId());
                }
                if (t.fromId().equals(p) && t.kind() != TieKind.FOLLOWS) {
                    audience.add(t.toId());
                }
            }
        }
        return audience;
    }

    List<String> membersOf(String programId) {
        return sorted(members.get(programId));
    }

    List<String> ownersOf(String accountId) {
        return sorted(owners.get(accountId));
    }

    Set<String> existingIds(NodeKind kind, Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (String id : ids) {
            boolean exists = switch (kind) {
                case EMPLOYEE -> employees.containsKey(id);
                case CUSTOMER -> customers.containsKey(id);
                case PERSON -> isPerson(id);
                case ACCOUNT -> accounts.containsKey(id);
                case TOPIC -> topics.containsKey(id);
                case CONVERSATION -> conversations.containsKey(id);
                case PROGRAM -> programs.containsKey(id);
            };
            if (exists) {
                found.add(id);
            }
        }
        return found;
    }

    /** @return node count per label and relationship count per record type, for comparing with the store */
    Map<String, Long> counts() {
        Map<String, Long> c = new TreeMap<>();
        c.put("Employee", (long) employees.size());
        c.put("Customer", (long) customers.size());
        c.put("Account", (long) accounts.size());
        c.put("Topic", (long) topics.size());
        c.put("Conversation", (long) conversations.size());
        c.put("Program", (long) programs.size());
        c.put("EXPERT_IN", expertiseByTopic.values().stream().mapToLong(Map::size).sum());
        c.put("INTERESTED_IN", interests.values().stream().mapToLong(Map::size).sum());
        c.put("SUBTOPIC_OF", topicLinks.values().stream().mapToLong(Set::size).sum() / 2);
        c.put("CONNECTED_TO", ties.values().stream().mapToLong(Map::size).sum() / 2);
        c.put("PARTICIPATED_IN", participants.values().stream().mapToLong(Set::size).sum());
        c.put("ABOUT", about.values().stream().mapToLong(Map::size).sum());
        c.put("OWNS_ACCOUNT", owners.values().stream().mapToLong(Set::size).sum());
        c.put("MEMBER_OF", members.values().stream().mapToLong(Set::size).sum());
        c.put("ASSIGNED_TO", (long) assignments.size());
        return c;
    }

    private static <T> List<T> pick(Collection<String> ids, Map<String, T> from) {
        List<T> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            T t = from.get(id);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<WeightedId> weighted(Map<String, Double> m) {
        if (m == null) {
            return List.of();
        }
        List<WeightedId> out = new ArrayList<>();
        new TreeMap<>(m).forEach((id, w) -> out.add(new WeightedId(id, w)));
        return out;
    }

    private static List<String> sorted(Set<String> s) {
        return s == null ? List.of() : List.copyOf(new TreeSet<>(s));
    }
}
