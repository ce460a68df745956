package org.advocategraph.tools.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.advocategraph.model.About;
import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.Conversation;
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
import org.advocategraph.model.Topic;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RecordSource;
import org.advocategraph.tools.format.RecordSources;

/**
 * Rewrites import files as the node and relationship files of Neo4j's importer, in a staging folder,
 * with the labels, property names, property types and relationship types the online import
 * ({@code Neo4jGraphStore}) creates, including the relationships it derives from reference properties:
 * {@code (Customer)-[:BELONGS_TO]->(Account)}, {@code (Person)-[:AUTHORED]->(Conversation)} and
 * {@code (Employee)-[:REPORTS_TO]->(Employee)}, each only when the referenced node exists.
 *
 * <p>Every node gets its node id here, numbered from 0 in the order written ({@code :ID} column, for the
 * importer's {@code --id-type=actual}); relationships name their endpoints by those numbers, looked up per id
 * space (people, accounts, topics, programs, conversations), and the external id is an ordinary {@code id}
 * property. An empty list is an empty field, which the importer reads as "absent": the online import stores an
 * empty list as no property too.
 *
 * <p>Memory: one map entry per node (about 100 bytes each) while staging.
 */
final class AdminImportFiles {
    /** One {@code --nodes} or {@code --relationships} group: labels (or a type) and the file holding them. */
    record Group(String name, Path file) {
    }

    private final Path staging;
    private final List<Group> nodeGroups = new ArrayList<>();
    private final List<Group> relationshipGroups = new ArrayList<>();
    private final Set<Path> multiline = new LinkedHashSet<>();
    /** Node count per label and relationship count per type, keyed as {@code GraphStore.counts()}. */
    private final Map<String, Long> counts = new LinkedHashMap<>();

    // The importer's node id of every external id, per id space: relationships refer to nodes by these numbers
    // (--id-type=actual), which spares the importer its own id mapping, the slowest part of its work on two cores.
    private final Map<String, Long> people = new HashMap<>();
    private final Map<String, Long> accounts = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    private final Map<String, Long> programs = new HashMap<>();
    private final Map<String, Long> conversations = new HashMap<>();
    /** Employees among the people: only an employee can be a manager. */
    private final Set<String> employees = new HashSet<>();
    /** Employee id, manager id pairs: a manager may come later in the file, so links wait for the whole file. */
    private final List<String[]> managers = new ArrayList<>();
    private long nextNodeId;
    private long nodes;
    private long relationships;

    private AdminImportFiles(Path staging) {
        this.staging = staging;
    }

    /**
     * @param sources the import files by type
     * @param staging an empty folder for the importer's files
     * @throws org.advocategraph.tools.format.FormatException at the first bad row
     * @throws CancellationException when the thread is interrupted
     * @return what was written
     */
    static AdminImportFiles write(Map<ImportFile, Path> sources, Path staging) {
        AdminImportFiles files = new AdminImportFiles(staging);
        // ImportFile order puts accounts before customers and people before conversations, so those derived
        // relationships can be written as their nodes are read.
        for (ImportFile type : ImportFile.values()) {
            Path source = sources.get(type);
            if (source != null) {
                files.convert(type, source);
            }
        }
        return files;
    }

    List<Group> nodeGroups() {
        return List.copyOf(nodeGroups);
    }

    List<Group> relationshipGroups() {
        return List.copyOf(relationshipGroups);
    }

    /** @return the files holding a value with a line break */
    Set<Path> multiline() {
        return Set.copyOf(multiline);
    }

    /** @return node count per label, relationship count per type */
    Map<String, Long> counts() {
        return Map.copyOf(counts);
    }

    /** @return the nodes written */
    long nodes() {
        return nodes;
    }

    /** @return the relationships written, derived ones included */
    long relationships() {
        return relationships;
    }

    private void convert(ImportFile type, Path source) {
        switch (type) {
            case ACCOUNTS -> nodes(type, source, "Account", "id,name,industry", (e, w) -> {
                Account a = (Account) e;
                w.number(assign(accounts, a.id())).text(a.id()).text(a.name()).text(a.industry()).end();
            });
            case TOPICS -> nodes(type, source, "Topic", "id,name", (e, w) -> {
                Topic t = (Topic) e;
                w.number(assign(topics, t.id())).text(t.id()).text(t.name()).end();
            });
            case PROGRAMS -> nodes(type, source, "Program", "id,name,purpose", (e, w) -> {
                Program p = (Program) e;
                w.number(assign(programs, p.id())).text(p.id()).text(p.name()).text(p.purpose().key()).end();
            });
            case EMPLOYEES -> {
                nodes(type, source, "Person:Employee", "id,name,title,department,region,languages:string[],"
                        + "certifications:string[],purposes:string[],capacity:long,active:boolean,optedIn:boolean,"
                        + "managerId",
                        (e, w) -> {
                            Employee x = (Employee) e;
                            employees.add(x.id());
                            if (x.managerId() != null) {
                                managers.add(new String[] {x.id(), x.managerId()});
                            }
                            List<String> purposes = x.purposes().stream().map(Purpose::key).toList();
                            w.number(assign(people, x.id())).text(x.id()).text(x.name()).text(x.title())
                                    .text(x.department()).text(x.region());
                            w.list(x.languages());
                            w.list(x.certifications());
                            w.list(purposes);
                            w.number(x.capacity()).bool(x.active()).bool(x.optedIn()).optionalText(x.managerId()).end();
                        });
                derived("REPORTS_TO", "reports_to", w -> {
                    for (String[] link : managers) {
                        if (employees.contains(link[1])) {
                            w.number(node(people, link[0])).number(node(people, link[1])).end();
                        }
                    }
                });
                managers.clear();
            }
            case CUSTOMERS -> {
                AdminCsvWriter belongs = relationshipWriter("belongs_to", "");
                try {
                    nodes(type, source, "Person:Customer",
                            "id,name,accountId,segment,region,languages:string[],handles:string[],followers:long",
                            (e, w) -> {
                                Customer c = (Customer) e;
                                long id = assign(people, c.id());
                                w.number(id).text(c.id()).text(c.name()).optionalText(c.accountId()).text(c.segment())
                                        .text(c.region());
                                w.list(c.languages());
                                w.list(c.handles());
                                w.number(c.followers()).end();
                                Long account = c.accountId() == null ? null : accounts.get(c.accountId());
                                if (account != null) {
                                    belongs.number(id).number(account).end();
                                }
                            });
                } finally {
                    finish("BELONGS_TO", belongs);
                }
            }
            case CONVERSATIONS -> {
                AdminCsvWriter authored = relationshipWriter("authored", "");
                try {
                    nodes(type, source, "Conversation", "id,channel,url,text,language,sentiment:double,"
                            + "createdAt:datetime,status,purpose,authorReach:long,authorId", (e, w) -> {
                                Conversation c = (Conversation) e;
                                long id = assign(conversations, c.id());
                                w.number(id).text(c.id()).text(c.channel()).text(c.url()).text(c.text())
                                        .text(c.language()).decimal(c.sentiment()).time(c.createdAt())
                                        .text(c.status().key())
                                        .optionalText(c.purpose() == null ? null : c.purpose().key())
                                        .number(c.authorReach()).optionalText(c.authorId()).end();
                                Long author = c.authorId() == null ? null : people.get(c.authorId());
                                if (author != null) {
                                    authored.number(author).number(id).end();
                                }
                            });
                } finally {
                    finish("AUTHORED", authored);
                }
            }
            case EXPERTISE -> relationships(type, source, "EXPERT_IN", "level:double,source", (e, w) -> {
                Expertise x = (Expertise) e;
                w.number(node(people, x.employeeId())).number(node(topics, x.topicId())).decimal(x.level())
                        .text(x.source()).end();
            });
            case INTERESTS -> relationships(type, source, "INTERESTED_IN", "weight:double", (e, w) -> {
                Interest x = (Interest) e;
                w.number(node(people, x.customerId())).number(node(topics, x.topicId())).decimal(x.weight()).end();
            });
            case SUBTOPICS -> relationships(type, source, "SUBTOPIC_OF", "", (e, w) -> {
                SubtopicOf x = (SubtopicOf) e;
                w.number(node(topics, x.childId())).number(node(topics, x.parentId())).end();
            });
            case TIES -> relationships(type, source, "CONNECTED_TO", "kind,strength:double,since:datetime", (e, w) -> {
                Tie x = (Tie) e;
                w.number(node(people, x.fromId())).number(node(people, x.toId())).text(x.kind().key())
                        .decimal(x.strength()).time(x.since()).end();
            });
            case PARTICIPATIONS -> relationships(type, source, "PARTICIPATED_IN", "", (e, w) -> {
                Participation x = (Participation) e;
                w.number(node(people, x.personId())).number(node(conversations, x.conversationId())).end();
            });
            case ABOUT -> relationships(type, source, "ABOUT", "weight:double", (e, w) -> {
                About x = (About) e;
                w.number(node(conversations, x.conversationId())).number(node(topics, x.topicId())).decimal(x.weight())
                        .end();
            });
            case ACCOUNT_OWNERS -> relationships(type, source, "OWNS_ACCOUNT", "", (e, w) -> {
                AccountOwnership x = (AccountOwnership) e;
                w.number(node(people, x.employeeId())).number(node(accounts, x.accountId())).end();
            });
            case MEMBERSHIPS -> relationships(type, source, "MEMBER_OF", "since:datetime", (e, w) -> {
                Membership x = (Membership) e;
                w.number(node(people, x.employeeId())).number(node(programs, x.programId())).time(x.since()).end();
            });
            case ASSIGNMENTS -> relationships(type, source, "ASSIGNED_TO",
                    "id,assignedAt:datetime,status,respondedAt:datetime,outcome,sentimentAfter:double,"
                            + "decidedAt:datetime,resolvedAt:datetime", (e, w) -> {
                        Assignment x = (Assignment) e;
                        w.number(node(people, x.employeeId())).number(node(conversations, x.conversationId()))
                                .text(x.id()).time(x.assignedAt()).text(x.status().key()).time(x.respondedAt())
                                .text(x.outcome()).optionalDecimal(x.sentimentAfter()).time(x.decidedAt())
                                .time(x.resolvedAt()).end();
                    });
            default -> throw new IllegalArgumentException("no bulk layout for " + type);
        }
    }

    /** Gives a new node the next node id. */
    private long assign(Map<String, Long> space, String id) {
        long n = nextNodeId++;
        space.put(id, n);
        return n;
    }

    /** @return the node id of an endpoint; the validation beside staging reports an unknown one to the user */
    private static long node(Map<String, Long> space, String id) {
        Long n = space.get(id);
        if (n == null) {
            throw new IllegalStateException("no node has the id '" + id + "'");
        }
        return n;
    }

    private interface RowWriter {
        void write(GraphElement element, AdminCsvWriter out);
    }

    private void nodes(ImportFile type, Path source, String labels, String properties, RowWriter rows) {
        AdminCsvWriter w = copy(type, source, ":ID," + properties, rows);
        nodeGroups.add(new Group(labels, w.file()));
        // Employees and customers are counted by their second label, as GraphStore.counts() does.
        String countKey = labels.substring(labels.lastIndexOf(':') + 1);
        counts.merge(countKey, w.rows(), Long::sum);
        nodes += w.rows();
        if (w.multiline()) {
            multiline.add(w.file());
        }
    }

    private void relationships(ImportFile type, Path source, String relationshipType, String properties,
                               RowWriter rows) {
        finish(relationshipType, copy(type, source, relationshipHeader(properties), rows));
    }

    private AdminCsvWriter relationshipWriter(String baseName, String properties) {
        return new AdminCsvWriter(staging.resolve(baseName + ".csv"), relationshipHeader(properties));
    }

    private static String relationshipHeader(String properties) {
        return ":START_ID,:END_ID" + (properties.isEmpty() ? "" : "," + properties);
    }

    private void derived(String relationshipType, String baseName, Consumer<AdminCsvWriter> rows) {
        AdminCsvWriter w = relationshipWriter(baseName, "");
        try {
            rows.accept(w);
        } finally {
            finish(relationshipType, w);
        }
    }

    /** Closes a relationship file and registers it. */
    private void finish(String relationshipType, AdminCsvWriter w) {
        close(w);
        relationshipGroups.add(new Group(relationshipType, w.file()));
        counts.merge(relationshipType, w.rows(), Long::sum);
        relationships += w.rows();
        if (w.multiline()) {
            multiline.add(w.file());
        }
    }

    private AdminCsvWriter copy(ImportFile type, Path source, String header, RowWriter rows) {
        AdminCsvWriter w = new AdminCsvWriter(staging.resolve(type.baseName() + ".csv"), header);
        try (RecordSource in = RecordSources.open(type, source)) {
            // Staging runs beside the validation: a bad row throws here, and the validation reports it.
            long n = 0;
            for (RecordSource.Entry e = in.next(); e != null; e = in.next()) {
                rows.write(e.element(), w);
                if ((++n & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("staging stopped: the files failed validation");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        } finally {
            close(w);
        }
        return w;
    }

    private static void close(AdminCsvWriter w) {
        try {
            w.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + w.file(), e);
        }
    }
}
