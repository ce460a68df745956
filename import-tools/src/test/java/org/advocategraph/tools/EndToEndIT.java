package org.advocategraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Tie;
import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;
import org.advocategraph.service.app.AdvocateService;
import org.advocategraph.service.app.ServiceConfig;
import org.advocategraph.tools.cli.Cli;
import org.advocategraph.tools.format.CsvReader;
import org.advocategraph.tools.format.ImportFile;
import org.advocategraph.tools.format.RowParser;
import org.advocategraph.tools.format.TextFiles;

/**
 * From files to an explained match, as a new user runs it: generate a dataset, import it into the embedded
 * Neo4j, start the service, and ask over HTTP for advocates for a customer who knows a certified expert.
 */
class EndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void shouldRankTheCertifiedExpertTheCustomerKnowsFirstAndSayWhy() throws Exception {
        // Given a generated dataset imported into the embedded default store
        Path files = work.resolve("files");
        Path data = work.resolve("data");
        Cli generate = Cli.run("generate", "--people", "800", "--seed", "11", "--out", files.toString());
        assertEquals(0, generate.code(), generate.err());
        Cli load = Cli.run("import", files.toString(), "--data", data.toString());
        assertEquals(0, load.code(), load.err());

        // and, from the files, a customer directly tied to an eligible certified expert on a topic
        Pick pick = pickCustomerWhoKnowsAnExpert(files);
        assertNotNull(pick, "the generated data has a customer tied to a certified expert");

        // When the service runs on that store and is asked for advocates for the customer on the topic
        String key = ApiKeys.newKey();
        ServiceConfig config = ServiceConfig.load(null, Map.of(), Map.of("store.data", data.toString(),
                "http.port", "0", "http.host", "127.0.0.1"));
        try (AdvocateService service = AdvocateService.open(config, config.keys().with(Role.CRM, key)).start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + service.port() + "/api/v1/matches"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + pick.customer
                            + "\",\"topics\":[\"" + pick.topic + "\"],\"limit\":5}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            // Then that expert is ranked first, with the path from the customer and a reason naming the tie
            assertEquals(200, response.statusCode(), response.body());
            JsonNode first = JSON.readTree(response.body()).get("matches").get(0);
            assertEquals(pick.expert, first.get("advocateId").asText(), response.body());
            assertEquals(List.of(pick.customer, pick.expert),
                    List.of(first.get("path").get(0).asText(), first.get("path").get(1).asText()));
            assertTrue(first.get("reasons").toString().contains("Directly connected to the customer"), first.toString());
            assertTrue(first.get("reasons").toString().contains("Certified"), first.toString());
        }
    }

    private record Pick(String customer, String topic, String expert) {
    }

    /** The strongest (tie strength + expertise level) customer-expert pair in the files. */
    private static Pick pickCustomerWhoKnowsAnExpert(Path files) throws IOException {
        Map<String, Employee> employees = new HashMap<>();
        read(files, ImportFile.EMPLOYEES, e -> employees.put(((Employee) e).id(), (Employee) e));
        Map<String, Integer> open = new HashMap<>();
        read(files, ImportFile.ASSIGNMENTS, e -> {
            Assignment a = (Assignment) e;
            if (a.status().open()) {
                open.merge(a.employeeId(), 1, Integer::sum);
            }
        });
        Map<String, List<Expertise>> expertise = new HashMap<>();
        read(files, ImportFile.EXPERTISE, e -> expertise.computeIfAbsent(((Expertise) e).employeeId(), k -> new ArrayList<>()).add((Expertise) e));
        Pick best = null;
        double bestValue = 0;
        List<Tie> ties = new ArrayList<>();
        read(files, ImportFile.TIES, e -> ties.add((Tie) e));
        for (Tie t : ties) {
            for (String[] pair : new String[][] {{t.fromId(), t.toId()}, {t.toId(), t.fromId()}}) {
                Employee e = employees.get(pair[1]);
                if (employees.containsKey(pair[0]) || e == null || !e.eligible() || e.certifications().isEmpty()
                        || open.getOrDefault(e.id(), 0) >= e.capacity()) {
                    continue;
                }
                for (Expertise x : expertise.getOrDefault(e.id(), List.of())) {
                    double value = x.level() + t.strength();
                    if (value > bestValue) {
                        bestValue = value;
                        best = new Pick(pair[0], x.topicId(), e.id());
                    }
                }
            }
        }
        return best;
    }

    private static void read(Path dir, ImportFile type, java.util.function.Consumer<GraphElement> sink) throws IOException {
        Path path = dir.resolve(type.fileName());
        try (CsvReader reader = new CsvReader(TextFiles.open(path), type.fileName())) {
            CsvReader.Row header = reader.next();
            RowParser parser = type.header(type.fileName(), header.line(), header.fields());
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                sink.accept(parser.parse(row.line(), row.fields()));
            }
        }
    }
}
