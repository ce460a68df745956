package org.advocategraph.tools.bench;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;

import org.advocategraph.store.neo4j.Neo4jSettings;
import org.advocategraph.tools.format.FormatException;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RecordSource;
import org.advocategraph.tools.format.RecordSources;

/**
 * The peer of the import benchmark: the way a user would write an import by hand. One thread, the same parsed
 * rows sent as {@code UNWIND $rows} batches of 10,000, one {@code MERGE} per row by label and id, relationships
 * by {@code MATCH} on both ends then {@code MERGE}, the derived relationships linked at the end; the same
 * uniqueness constraints. It writes the same graph as the real importer, so the results can be compared.
 */
final class NaiveNeo4jImport {
    static final int BATCH = 10_000;

    private static final Map<ImportFile, String> STATEMENTS = statements();

    private NaiveNeo4jImport() {
    }

    /** @return rows written */
    static long run(Neo4jSettings settings, Path dir) {
        long rows = 0;
        try (Driver driver = GraphDatabase.driver(settings.uri(), AuthTokens.basic(settings.user(), settings.password()),
                Config.builder().withLogging(Logging.none()).build());
             Session session = driver.session()) {
            for (String constraint : List.of(
                    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
                    "CREATE CONSTRAINT account_id IF NOT EXISTS FOR (n:Account) REQUIRE n.id IS UNIQUE",
                    "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE",
                    "CREATE CONSTRAINT conversation_id IF NOT EXISTS FOR (n:Conversation) REQUIRE n.id IS UNIQUE",
                    "CREATE CONSTRAINT program_id IF NOT EXISTS FOR (n:Program) REQUIRE n.id IS UNIQUE")) {
                session.run(constraint).consume();
            }
            for (ImportFile type : ImportFile.values()) {
                Optional<Path> file = RecordSources.find(dir, type);
                if (file.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> batch = new ArrayList<>(BATCH);
                try (RecordSource source = RecordSources.open(type, file.get())) {
                    for (RecordSource.Entry e = source.next(); e != null; e = source.next()) {
                        batch.add(row(type, e));
                        rows++;
                        if (batch.size() == BATCH) {
                            write(session, type, batch);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new FormatException(file.get().toString(), 0, null, e.getMessage());
                }
                if (!batch.isEmpty()) {
                    write(session, type, batch);
                }
            }
            session.run("MATCH (c:Customer) WHERE c.accountId IS NOT NULL MATCH (a:Account {id: c.accountId}) MERGE (c)-[:BELONGS_TO]->(a)").consume();
            session.run("MATCH (v:Conversation) WHERE v.authorId IS NOT NULL MATCH (p:Person {id: v.authorId}) MERGE (p)-[:AUTHORED]->(v)").consume();
            session.run("MATCH (e:Employee) WHERE e.managerId IS NOT NULL MATCH (m:Person {id: e.managerId}) MERGE (e)-[:REPORTS_TO]->(m)").consume();
        }
        return rows;
    }

    private static void write(Session session, ImportFile type, List<Map<String, Object>> batch) {
        session.executeWriteWithoutResult(tx -> tx.run(STATEMENTS.get(type), Map.of("rows", batch)).consume());
    }

    /** The row as the hand-written import sends it: the file's columns as typed values. */
    private static Map<String, Object> row(ImportFile type, RecordSource.Entry entry) {
        List<String> values = type.format(entry.element());
        List<String> columns = type.columns();
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), typed(columns.get(i), values.get(i)));
        }
        return row;
    }

    private static Object typed(String column, String value) {
        if (value.isEmpty()) {
            return null;
        }
        switch (column) {
            case "capacity", "followers", "authorReach":
                return Long.parseLong(value);
            case "level", "weight", "strength", "sentiment", "sentimentAfter":
                return Double.parseDouble(value);
            case "active", "optedIn":
                return Boolean.parseBoolean(value);
            case "languages", "certifications", "purposes", "handles":
                return List.of(value.split(";"));
            case "since", "createdAt", "assignedAt", "respondedAt", "decidedAt", "resolvedAt":
                return ZonedDateTime.ofInstant(java.time.Instant.parse(value), ZoneOffset.UTC);
            default:
                return value;
        }
    }

    private static Map<ImportFile, String> statements() {
        Map<ImportFile, String> s = new HashMap<>();
        s.put(ImportFile.ACCOUNTS, "UNWIND $rows AS r MERGE (n:Account {id: r.id}) SET n.name = r.name, n.industry = r.industry");
        s.put(ImportFile.TOPICS, "UNWIND $rows AS r MERGE (n:Topic {id: r.id}) SET n.name = r.name");
        s.put(ImportFile.PROGRAMS, "UNWIND $rows AS r MERGE (n:Program {id: r.id}) SET n.name = r.name, n.purpose = r.purpose");
        s.put(ImportFile.EMPLOYEES, """
                UNWIND $rows AS r MERGE (n:Person {id: r.id}) SET n:Employee, n.name = r.name, n.title = r.title,
                  n.department = r.department, n.region = r.region, n.languages = coalesce(r.languages, []),
                  n.certifications = coalesce(r.certifications, []), n.purposes = coalesce(r.purposes, []),
                  n.capacity = r.capacity, n.active = r.active, n.optedIn = r.optedIn, n.managerId = r.managerId""");
        s.put(ImportFile.CUSTOMERS, """
                UNWIND $rows AS r MERGE (n:Person {id: r.id}) SET n:Customer, n.name = r.name, n.accountId = r.accountId,
                  n.segment = r.segment, n.region = r.region, n.languages = coalesce(r.languages, []),
                  n.handles = coalesce(r.handles, []), n.followers = r.followers""");
        s.put(ImportFile.CONVERSATIONS, """
                UNWIND $rows AS r MERGE (n:Conversation {id: r.id}) SET n.channel = r.channel, n.url = r.url,
                  n.text = r.text, n.language = r.language, n.sentiment = r.sentiment, n.createdAt = r.createdAt,
                  n.status = r.status, n.purpose = r.purpose, n.authorReach = r.authorReach, n.authorId = r.authorId""");
        s.put(ImportFile.EXPERTISE, """
                UNWIND $rows AS r MATCH (a:Person {id: r.employeeId}) MATCH (b:Topic {id: r.topicId})
                MERGE (a)-[x:EXPERT_IN]->(b) SET x.level = r.level, x.source = r.source""");
        s.put(ImportFile.INTERESTS, """
                UNWIND $rows AS r MATCH (a:Person {id: r.customerId}) MATCH (b:Topic {id: r.topicId})
                MERGE (a)-[x:INTERESTED_IN]->(b) SET x.weight = r.weight""");
        s.put(ImportFile.SUBTOPICS, """
                UNWIND $rows AS r MATCH (a:Topic {id: r.childId}) MATCH (b:Topic {id: r.parentId}) MERGE (a)-[:SUBTOPIC_OF]->(b)""");
        s.put(ImportFile.TIES, """
                UNWIND $rows AS r MATCH (a:Person {id: r.fromId}) MATCH (b:Person {id: r.toId})
                MERGE (a)-[x:CONNECTED_TO {kind: r.kind}]->(b) SET x.strength = r.strength, x.since = r.since""");
        s.put(ImportFile.PARTICIPATIONS, """
                UNWIND $rows AS r MATCH (a:Person {id: r.personId}) MATCH (b:Conversation {id: r.conversationId})
                MERGE (a)-[:PARTICIPATED_IN]->(b)""");
        s.put(ImportFile.ABOUT, """
                UNWIND $rows AS r MATCH (a:Conversation {id: r.conversationId}) MATCH (b:Topic {id: r.topicId})
                MERGE (a)-[x:ABOUT]->(b) SET x.weight = r.weight""");
        s.put(ImportFile.ACCOUNT_OWNERS, """
                UNWIND $rows AS r MATCH (a:Person {id: r.employeeId}) MATCH (b:Account {id: r.accountId})
                MERGE (a)-[:OWNS_ACCOUNT]->(b)""");
        s.put(ImportFile.MEMBERSHIPS, """
                UNWIND $rows AS r MATCH (a:Person {id: r.employeeId}) MATCH (b:Program {id: r.programId})
                MERGE (a)-[x:MEMBER_OF]->(b) SET x.since = r.since""");
        s.put(ImportFile.ASSIGNMENTS, """
                UNWIND $rows AS r MATCH (a:Person {id: r.employeeId}) MATCH (b:Conversation {id: r.conversationId})
                MERGE (a)-[x:ASSIGNED_TO {id: r.id}]->(b) SET x.assignedAt = r.assignedAt, x.status = r.status,
                  x.respondedAt = r.respondedAt, x.outcome = r.outcome, x.sentimentAfter = r.sentimentAfter,
                  x.decidedAt = r.decidedAt, x.resolvedAt = r.resolvedAt""");
        return s;
    }
}
