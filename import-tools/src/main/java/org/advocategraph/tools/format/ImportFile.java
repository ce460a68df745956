package org.advocategraph.tools.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * The import format: one file per node type and per relationship type, CSV with a header row naming the
 * columns (in any order) or JSON Lines with the same fields (see {@link RecordSources}). Lists are {@code ;}-separated, date-times ISO 8601, booleans {@code true/false}, an
 * empty field means "not given". Files are listed in the order an import writes them: nodes, then
 * relationships. The README documents every column.
 */
public enum ImportFile {
    ACCOUNTS("accounts", Account.class, List.of("id", "name"), List.of("industry"),
            f -> new Account(f.text("id"), f.text("name"), f.text("industry")),
            e -> { var a = (Account) e; return List.of(a.id(), a.name(), a.industry()); }),
    TOPICS("topics", Topic.class, List.of("id", "name"), List.of(),
            f -> new Topic(f.text("id"), f.text("name")),
            e -> { var t = (Topic) e; return List.of(t.id(), t.name()); }),
    PROGRAMS("programs", Program.class, List.of("id", "name", "purpose"), List.of(),
            f -> new Program(f.text("id"), f.text("name"), Purpose.parse("purpose", f.required("purpose"))),
            e -> { var p = (Program) e; return List.of(p.id(), p.name(), p.purpose().key()); }),
    EMPLOYEES("employees", Employee.class, List.of("id", "name"),
            List.of("title", "department", "region", "languages", "certifications", "purposes", "capacity",
                    "active", "optedIn", "managerId"),
            f -> new Employee(f.text("id"), f.text("name"), f.text("title"), f.text("department"), f.text("region"),
                    f.list("languages"), Set.copyOf(f.list("certifications")),
                    f.list("purposes").stream().map(p -> Purpose.parse("purposes", p)).collect(Collectors.toSet()),
                    f.smallInteger("capacity", 5), f.bool("active", true), f.bool("optedIn", true), f.text("managerId")),
            e -> { var x = (Employee) e; return List.of(x.id(), x.name(), x.title(), x.department(), x.region(),
                    Fields.join(x.languages()), Fields.join(x.certifications()), Fields.join(x.purposes()),
                    Integer.toString(x.capacity()), Boolean.toString(x.active()), Boolean.toString(x.optedIn()),
                    Fields.str(x.managerId())); }),
    CUSTOMERS("customers", Customer.class, List.of("id", "name"),
            List.of("accountId", "segment", "region", "languages", "handles", "followers"),
            f -> new Customer(f.text("id"), f.text("name"), f.text("accountId"), f.text("segment"), f.text("region"),
                    f.list("languages"), f.list("handles"), f.integer("followers", 0)),
            e -> { var c = (Customer) e; return List.of(c.id(), c.name(), Fields.str(c.accountId()), c.segment(),
                    c.region(), Fields.join(c.languages()), Fields.join(c.handles()), Long.toString(c.followers())); }),
    CONVERSATIONS("conversations", Conversation.class, List.of("id", "channel", "createdAt"),
            List.of("url", "text", "language", "sentiment", "status", "purpose", "authorReach", "authorId"),
            f -> new Conversation(f.text("id"), f.text("channel"), f.text("url"), f.text("text"), f.text("language"),
                    f.decimal("sentiment", 0), f.requiredInstant("createdAt"),
                    f.text("status") == null ? null : ConversationStatus.parse("status", f.text("status")),
                    f.text("purpose") == null ? null : Purpose.parse("purpose", f.text("purpose")),
                    f.integer("authorReach", 0), f.text("authorId")),
            e -> { var c = (Conversation) e; return List.of(c.id(), c.channel(), c.createdAt().toString(), c.url(),
                    c.text(), c.language(), Fields.num(c.sentiment()), c.status().key(),
                    c.purpose() == null ? "" : c.purpose().key(), Long.toString(c.authorReach()),
                    Fields.str(c.authorId())); }),
    EXPERTISE("expertise", Expertise.class, List.of("employeeId", "topicId", "level"), List.of("source"),
            f -> new Expertise(f.text("employeeId"), f.text("topicId"), f.decimal("level", Double.NaN), f.text("source")),
            e -> { var x = (Expertise) e; return List.of(x.employeeId(), x.topicId(), Fields.num(x.level()), x.source()); }),
    INTERESTS("interests", Interest.class, List.of("customerId", "topicId"), List.of("weight"),
            f -> new Interest(f.text("customerId"), f.text("topicId"), f.decimal("weight", 1)),
            e -> { var x = (Interest) e; return List.of(x.customerId(), x.topicId(), Fields.num(x.weight())); }),
    SUBTOPICS("subtopics", SubtopicOf.class, List.of("childId", "parentId"), List.of(),
            f -> new SubtopicOf(f.text("childId"), f.text("parentId")),
            e -> { var x = (SubtopicOf) e; return List.of(x.childId(), x.parentId()); }),
    TIES("ties", Tie.class, List.of("fromId", "toId", "kind"), List.of("strength", "since"),
            f -> new Tie(f.text("fromId"), f.text("toId"), TieKind.parse("kind", f.required("kind")),
                    f.decimal("strength", 0.5), f.instant("since")),
            e -> { var t = (Tie) e; return List.of(t.fromId(), t.toId(), t.kind().key(), Fields.num(t.strength()),
                    Fields.str(t.since())); }),
    PARTICIPATIONS("participations", Participation.class, List.of("personId", "conversationId"), List.of(),
            f -> new Participation(f.text("personId"), f.text("conversationId")),
            e -> { var p = (Participation) e; return List.of(p.personId(), p.conversationId()); }),
    ABOUT("about", About.class, List.of("conversationId", "topicId"), List.of("weight"),
            f -> new About(f.text("conversationId"), f.text("topicId"), f.decimal("weight", 1)),
            e -> { var a = (About) e; return List.of(a.conversationId(), a.topicId(), Fields.num(a.weight())); }),
    ACCOUNT_OWNERS("account_owners", AccountOwnership.class, List.of("employeeId", "accountId"), List.of(),
            f -> new AccountOwnership(f.text("employeeId"), f.text("accountId")),
            e -> { var o = (AccountOwnership) e; return List.of(o.employeeId(), o.accountId()); }),
    MEMBERSHIPS("memberships", Membership.class, List.of("employeeId", "programId"), List.of("since"),
            f -> new Membership(f.text("employeeId"), f.text("programId"), f.instant("since")),
            e -> { var m = (Membership) e; return List.of(m.employeeId(), m.programId(), Fields.str(m.since())); }),
    ASSIGNMENTS("assignments", Assignment.class, List.of("id", "employeeId", "conversationId", "assignedAt", "status"),
            List.of("respondedAt", "outcome", "sentimentAfter", "decidedAt", "resolvedAt"),
            f -> new Assignment(f.text("id"), f.text("employeeId"), f.text("conversationId"), f.requiredInstant("assignedAt"),
                    AssignmentStatus.parse("status", f.required("status")), f.instant("respondedAt"), f.text("outcome"),
                    f.optionalDecimal("sentimentAfter"), f.instant("decidedAt"), f.instant("resolvedAt")),
            e -> { var a = (Assignment) e; return List.of(a.id(), a.employeeId(), a.conversationId(),
                    a.assignedAt().toString(), a.status().key(), Fields.str(a.respondedAt()), a.outcome(),
                    a.sentimentAfter() == null ? "" : Fields.num(a.sentimentAfter()), Fields.str(a.decidedAt()),
                    Fields.str(a.resolvedAt())); });

    private final String baseName;
    private final Class<? extends GraphElement> type;
    private final List<String> required;
    private final List<String> optional;
    private final Function<Fields, GraphElement> parser;
    private final Function<GraphElement, List<String>> formatter;

    ImportFile(String baseName, Class<? extends GraphElement> type, List<String> required, List<String> optional,
               Function<Fields, GraphElement> parser, Function<GraphElement, List<String>> formatter) {
        this.baseName = baseName;
        this.type = type;
        this.required = required;
        this.optional = optional;
        this.parser = parser;
        this.formatter = formatter;
    }

    /** @return the CSV file name, for example {@code employees.csv} */
    public String fileName() {
        return baseName + ".csv";
    }

    /** @return the file name without ending, for example {@code employees} */
    public String baseName() {
        return baseName;
    }

    /** @return the record type the file holds */
    public Class<? extends GraphElement> type() {
        return type;
    }

    /** @return the columns every file of this type must have */
    public List<String> requiredColumns() {
        return required;
    }

    /** @return all columns, required first, in the order {@link #format} writes them */
    public List<String> columns() {
        var all = new java.util.ArrayList<>(required);
        all.addAll(optional);
        return List.copyOf(all);
    }

    /** @return the file type whose records have this class */
    public static ImportFile of(Class<? extends GraphElement> type) {
        for (ImportFile f : values()) {
            if (f.type == type) {
                return f;
            }
        }
        throw new IllegalArgumentException("no import file holds " + type.getSimpleName());
    }

    /**
     * Reads a header row.
     *
     * @return a parser for the rows under it
     * @throws FormatException when a required column is missing or a column is unknown or repeated
     */
    public RowParser header(String file, long line, List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        var known = columns();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!known.contains(name)) {
                throw new FormatException(file, line, name.isEmpty() ? "column " + (i + 1) : name,
                        "unknown column; " + fileName() + " has columns " + String.join(",", known)
                                + (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))
                                ? " (the separator must be a comma)" : ""));
            }
            if (index.put(name, i) != null) {
                throw new FormatException(file, line, name, "column appears twice");
            }
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                throw new FormatException(file, line, r, "required column is missing; the header must name " + String.join(",", required));
            }
        }
        return new RowParser(this, file, index, header.size());
    }

    /** @return the fields of an element in {@link #columns()} order */
    public List<String> format(GraphElement element) {
        if (!type.isInstance(element)) {
            throw new IllegalArgumentException(fileName() + " cannot hold " + element.getClass().getSimpleName());
        }
        return formatter.apply(element);
    }

    GraphElement parse(Fields fields) {
        return parser.apply(fields);
    }
}
