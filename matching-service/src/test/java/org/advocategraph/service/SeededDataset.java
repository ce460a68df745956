package org.advocategraph.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

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
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Interest;
import org.advocategraph.model.Membership;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Program;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.model.Topic;

/**
 * A small imported dataset built from a seeded {@link Random}: every record type, a few hundred people, and the
 * values a store could get wrong (full-precision doubles, longs past 2^53, lists whose order matters, empty lists and
 * strings, nulls, text beyond the Basic Multilingual Plane, millisecond instants). The same seed gives the same
 * records. (import-tools' generator would do, but import-tools depends on this module, not the other way round.)
 *
 * <p>The records of each type come in a shuffled order, as an import file need not be sorted: a store that numbers
 * or lists what it holds in the order it was written then holds it in an order unlike its key order.
 */
final class SeededDataset {
    /** History runs over the last quarter of 2025; "now" is just after it. */
    static final Instant START = Instant.parse("2025-10-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static final int EMPLOYEES = 150;
    static final int CUSTOMERS = 220;
    static final int ACCOUNTS = 25;
    static final int CONVERSATIONS = 140;
    static final int ASSIGNMENTS = 280;

    private static final String[] ROOT_TOPICS = {"cloud", "data", "security", "billing", "mobile", "ai"};
    private static final String[] DEPARTMENTS = {"engineering", "sales", "support", "marketing", "product"};
    private static final String[] REGIONS = {"emea", "na", "apac", "latam"};
    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "ja"};
    private static final String[] CERTIFICATIONS = {"social-care", "social-selling", "crisis-comms", "security"};
    private static final String[] CHANNELS = {"twitter", "forum", "email", "linkedin"};
    private static final String[] SOURCES = {"self", "manager", "answers", ""};
    private static final String[] FIRST = {"Ana", "Ben", "Zoë", "Łukasz", "Søren", "Mei", "Hugo", "Amélie", "Kofi",
            "Yūki", "Ines", "Omar", "Dana", "Raúl", "Astrid", "Nia"};
    private static final String[] LAST = {"Ruiz", "Okafor", "Ångström", "Nowak", "Øster", "Chen", "Andersson",
            "Dubois", "Mensah", "Tanaka", "O'Connor", "Haddad", "Kim", "Pérez", "Berg", "Adeyemi"};

    /** The records of each type, in import order (nodes, then relationships), each list shuffled. */
    final Map<Class<? extends GraphElement>, List<GraphElement>> byType = new LinkedHashMap<>();
    final List<String> topicIds = new ArrayList<>();
    final List<String> employeeIds = new ArrayList<>();
    final List<String> customerIds = new ArrayList<>();
    final List<String> accountIds = new ArrayList<>();
    final List<String> programIds = new ArrayList<>();
    final List<String> conversationIds = new ArrayList<>();

    private final Random random;

    SeededDataset(long seed) {
        random = new Random(seed);
        List<Topic> topics = topics();
        List<Account> accounts = accounts();
        List<Program> programs = programs();
        List<Employee> employees = employees();
        List<Customer> customers = customers();
        List<Conversation> conversations = conversations();
        add(Account.class, accounts);
        add(Topic.class, topics);
        add(Program.class, programs);
        add(Employee.class, employees);
        add(Customer.class, customers);
        add(Conversation.class, conversations);
        add(Expertise.class, expertise());
        add(Interest.class, interests());
        add(SubtopicOf.class, subtopics());
        add(Tie.class, ties());
        add(Participation.class, participations());
        add(About.class, about());
        add(AccountOwnership.class, owners());
        add(Membership.class, memberships());
        add(Assignment.class, assignments(conversations));
    }

    /** @return every record, in import order, each type shuffled */
    List<GraphElement> all() {
        List<GraphElement> out = new ArrayList<>();
        byType.values().forEach(out::addAll);
        return out;
    }

    private void add(Class<? extends GraphElement> type, List<? extends GraphElement> records) {
        List<GraphElement> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, random);
        byType.put(type, shuffled);
    }

    // ------------------------------------------------------------------ nodes

    private List<Topic> topics() {
        List<Topic> out = new ArrayList<>();
        for (String root : ROOT_TOPICS) {
            out.add(new Topic(root, Character.toUpperCase(root.charAt(0)) + root.substring(1)));
            topicIds.add(root);
            for (int i = 1; i <= 4; i++) {
                String id = root + "-" + i;
                out.add(new Topic(id, name(root, i)));
                topicIds.add(id);
            }
        }
        // a grandchild level under the first child of each root
        for (String root : ROOT_TOPICS) {
            String id = root + "-1-x";
            out.add(new Topic(id, root + " deep dive 🚀"));
            topicIds.add(id);
        }
        return out;
    }

    private static String name(String root, int i) {
        return switch (i) {
            case 1 -> root + ": Données & vie privée";
            case 2 -> root + " 日本語サポート";
            case 3 -> root + " — migration";
            default -> root + " pricing";
        };
    }

    private List<Account> accounts() {
        List<Account> out = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String id = String.format("a%03d", i);
            accountIds.add(id);
            out.add(new Account(id, "Account " + i + (i % 7 == 0 ? " GmbH & Co. KG" : ""),
                    i % 5 == 0 ? "" : pick(new String[] {"retail", "finance", "health", "telecom"})));
        }
        return out;
    }

    private List<Program> programs() {
        Purpose[] purposes = {Purpose.CARE, Purpose.MARKETING, Purpose.SALES, Purpose.CRISIS};
        List<Program> out = new ArrayList<>();
        for (int i = 0; i < purposes.length; i++) {
            String id = "p" + (i + 1);
            programIds.add(id);
            out.add(new Program(id, "Program " + purposes[i].key(), purposes[i]));
        }
        return out;
    }

    private List<Employee> employees() {
        List<Employee> out = new ArrayList<>();
        for (int i = 1; i <= EMPLOYEES; i++) {
            employeeIds.add(String.format("e%04d", i));
        }
        for (int i = 1; i <= EMPLOYEES; i++) {
            String id = employeeIds.get(i - 1);
            String manager = i <= 8 ? null : employeeIds.get(random.nextInt(Math.min(i - 1, 40)));
            Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
            for (Purpose p : Purpose.values()) {
                if (random.nextDouble() < 0.6) {
                    purposes.add(p);
                }
            }
            Set<String> certifications = new TreeSet<>();
            for (String c : CERTIFICATIONS) {
                if (random.nextDouble() < 0.25) {
                    certifications.add(c);
                }
            }
            out.add(new Employee(id, personName(), i % 11 == 0 ? "" : "Title " + random.nextInt(12),
                    pick(DEPARTMENTS), pick(REGIONS), languages(i % 37 == 0 ? 0 : 1), certifications, purposes,
                    i % 19 == 0 ? 0 : 1 + random.nextInt(6), random.nextDouble() < 0.9, random.nextDouble() < 0.85,
                    manager));
        }
        return out;
    }

    private List<Customer> customers() {
        List<Customer> out = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String id = String.format("c%04d", i);
            customerIds.add(id);
            List<String> handles = new ArrayList<>();
            for (int h = random.nextInt(4); h > 0; h--) {
                handles.add("@" + id + "_" + (char) ('z' - random.nextInt(26)));
            }
            // Longs a double cannot hold exactly, and zero.
            long followers = i == 1 ? (1L << 53) + 1 : i == 2 ? Long.MAX_VALUE : i % 13 == 0 ? 0 : random.nextInt(100_000);
            out.add(new Customer(id, personName(), random.nextDouble() < 0.8 ? pick(accountIds) : null,
                    pick(new String[] {"enterprise", "smb", ""}), pick(REGIONS), languages(i % 29 == 0 ? 0 : 1),
                    handles, followers));
        }
        return out;
    }

    private List<Conversation> conversations() {
        List<Conversation> out = new ArrayList<>();
        Purpose[] purposes = Purpose.values();
        ConversationStatus[] statuses = ConversationStatus.values();
        for (int i = 1; i <= CONVERSATIONS; i++) {
            String id = String.format("v%04d", i);
            conversationIds.add(id);
            double r = random.nextDouble();
            String author = r < 0.7 ? pick(customerIds) : r < 0.85 ? pick(employeeIds) : null;
            String text = switch (i % 5) {
                case 0 -> "";
                case 1 -> "My cluster is down again 😡 — help?";
                case 2 -> "Où est ma facture ? Ça fait 3 jours.";
                case 3 -> "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 beyond the BMP, and a tab\there";
                default -> "Question " + random.nextLong();
            };
            out.add(new Conversation(id, pick(CHANNELS), i % 3 == 0 ? "" : "https://example.org/t/" + i, text,
                    i % 6 == 0 ? "" : pick(LANGUAGES), sentiment(), instant(START, Duration.ofDays(90)),
                    statuses[i % 9 == 0 ? 3 : random.nextInt(3)], random.nextDouble() < 0.2 ? null : purposes[random.nextInt(purposes.length)],
                    i == 7 ? (1L << 60) + 3 : random.nextInt(1_000_000), author));
        }
        return out;
    }

    // ------------------------------------------------------------------ relationships

    private List<Expertise> expertise() {
        List<Expertise> out = new ArrayList<>();
        for (String e : employeeIds) {
            for (String t : distinct(topicIds, random.nextInt(6))) {
                double level = random.nextInt(20) == 0 ? 1.0 : random.nextDouble();
                out.add(new Expertise(e, t, level, pick(SOURCES)));
            }
        }
        return out;
    }

    private List<Interest> interests() {
        List<Interest> out = new ArrayList<>();
        for (String c : customerIds) {
            for (String t : distinct(topicIds, 1 + random.nextInt(4))) {
                out.add(new Interest(c, t, random.nextDouble()));
            }
        }
        return out;
    }

    private List<SubtopicOf> subtopics() {
        List<SubtopicOf> out = new ArrayList<>();
        for (String root : ROOT_TOPICS) {
            for (int i = 1; i <= 4; i++) {
                out.add(new SubtopicOf(root + "-" + i, root));
            }
            out.add(new SubtopicOf(root + "-1-x", root + "-1"));
        }
        // one topic with two parents
        out.add(new SubtopicOf("ai-2", "data"));
        return out;
    }

    private List<Tie> ties() {
        List<Tie> out = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        List<String> people = new ArrayList<>(employeeIds);
        people.addAll(customerIds);
        // colleagues among employees, in small teams so that communities form
        for (int i = 0; i < employeeIds.size(); i++) {
            int team = i / 12;
            for (int k = 0; k < 4; k++) {
                int j = team * 12 + random.nextInt(12);
                if (j < employeeIds.size()) {
                    tie(out, seen, employeeIds.get(i), employeeIds.get(j), TieKind.COLLEAGUE);
                }
            }
            if (random.nextDouble() < 0.3) {
                tie(out, seen, employeeIds.get(i), pick(employeeIds), TieKind.COLLEAGUE);
            }
        }
        // customers know and interact with employees, mostly those of "their" team
        for (int i = 0; i < customerIds.size(); i++) {
            int team = i % 15;
            for (int k = random.nextInt(4); k > 0; k--) {
                int j = Math.min(employeeIds.size() - 1, team * 12 + random.nextInt(12));
                tie(out, seen, customerIds.get(i), employeeIds.get(j), random.nextBoolean() ? TieKind.KNOWS : TieKind.INTERACTED);
            }
            for (int k = random.nextInt(3); k > 0; k--) {
                tie(out, seen, customerIds.get(i), pick(customerIds), TieKind.KNOWS);
            }
        }
        // follows, one way, between anyone
        for (int k = 0; k < 700; k++) {
            tie(out, seen, pick(people), pick(people), TieKind.FOLLOWS);
        }
        // interactions both ways and of several kinds between the same two people
        for (int k = 0; k < 120; k++) {
            String a = pick(people);
            String b = pick(people);
            tie(out, seen, a, b, TieKind.INTERACTED);
            tie(out, seen, b, a, TieKind.INTERACTED);
            tie(out, seen, a, b, TieKind.FOLLOWS);
        }
        return out;
    }

    private void tie(List<Tie> out, Set<List<Object>> seen, String from, String to, TieKind kind) {
        if (from.equals(to) || !seen.add(List.of(from, to, kind))) {
            return;
        }
        int r = random.nextInt(20);
        double strength = r == 0 ? 0.0 : r == 1 ? 1.0 : random.nextDouble();
        Instant since = random.nextDouble() < 0.2 ? null : instant(START.minus(Duration.ofDays(900)), Duration.ofDays(990));
        out.add(new Tie(from, to, kind, strength, since));
    }

    private List<Participation> participations() {
        List<Participation> out = new ArrayList<>();
        List<String> people = new ArrayList<>(employeeIds);
        people.addAll(customerIds);
        for (String v : conversationIds) {
            for (String p : distinct(people, random.nextInt(6))) {
                out.add(new Participation(p, v));
            }
        }
        return out;
    }

    private List<About> about() {
        List<About> out = new ArrayList<>();
        for (String v : conversationIds) {
            for (String t : distinct(topicIds, 1 + random.nextInt(3))) {
                out.add(new About(v, t, random.nextInt(10) == 0 ? 1.0 : random.nextDouble()));
            }
        }
        return out;
    }

    private List<AccountOwnership> owners() {
        List<AccountOwnership> out = new ArrayList<>();
        // Few accounts have owners: an owned account's customers may only be matched to its owners.
        for (String a : accountIds) {
            for (String e : distinct(employeeIds, random.nextInt(10) < 3 ? 1 + random.nextInt(2) : 0)) {
                out.add(new AccountOwnership(e, a));
            }
        }
        return out;
    }

    private List<Membership> memberships() {
        List<Membership> out = new ArrayList<>();
        for (String p : programIds) {
            for (String e : distinct(employeeIds, 20 + random.nextInt(40))) {
                out.add(new Membership(e, p, random.nextDouble() < 0.25 ? null
                        : instant(START.minus(Duration.ofDays(400)), Duration.ofDays(480))));
            }
        }
        return out;
    }

    private List<Assignment> assignments(List<Conversation> conversations) {
        List<Assignment> out = new ArrayList<>();
        AssignmentStatus[] statuses = AssignmentStatus.values();
        for (int i = 1; i <= ASSIGNMENTS; i++) {
            Conversation v = conversations.get(random.nextInt(conversations.size()));
            // a few advocates answer much more than the rest
            String e = employeeIds.get(random.nextDouble() < 0.4 ? random.nextInt(15) : random.nextInt(employeeIds.size()));
            Instant assigned = instant(v.createdAt(), Duration.ofHours(36));
            AssignmentStatus status = statuses[random.nextInt(statuses.length)];
            Instant decided = status == AssignmentStatus.PROPOSED || random.nextBoolean() ? null
                    : instant(assigned, Duration.ofHours(4));
            boolean responded = status == AssignmentStatus.RESPONDED || status == AssignmentStatus.RESOLVED;
            Instant from = decided == null ? assigned : decided;
            Instant respondedAt = responded && random.nextDouble() < 0.9 ? instant(from, Duration.ofHours(30)) : null;
            Instant resolvedAt = (status == AssignmentStatus.RESOLVED || status == AssignmentStatus.CANCELLED)
                    && random.nextBoolean() ? instant(respondedAt == null ? from : respondedAt, Duration.ofDays(3)) : null;
            String outcome = status == AssignmentStatus.RESOLVED ? pick(new String[] {"resolved", "escalated", ""}) : "";
            Double sentimentAfter = responded && random.nextDouble() < 0.7 ? sentiment() : null;
            out.add(new Assignment(String.format("as%04d", i), e, v.id(), assigned, status, respondedAt, outcome,
                    sentimentAfter, decided, resolvedAt));
        }
        return out;
    }

    // ------------------------------------------------------------------ values

    private String personName() {
        return pick(FIRST) + " " + pick(LAST);
    }

    /** @return 0..3 languages (at least {@code min}) in an order that matters, not sorted */
    private List<String> languages(int min) {
        List<String> all = new ArrayList<>(List.of(LANGUAGES));
        Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, min + random.nextInt(3)));
    }

    private double sentiment() {
        int r = random.nextInt(25);
        return r == 0 ? -1.0 : r == 1 ? 1.0 : r == 2 ? 0.0 : random.nextDouble() * 2 - 1;
    }

    /** @return an instant in [from, from + span), to the millisecond (what every store keeps) */
    private Instant instant(Instant from, Duration span) {
        return from.plusMillis((long) (random.nextDouble() * span.toMillis()));
    }

    private <T> List<T> distinct(List<T> from, int n) {
        Set<T> out = new LinkedHashSet<>();
        while (out.size() < Math.min(n, from.size())) {
            out.add(from.get(random.nextInt(from.size())));
        }
        return List.copyOf(out);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
