package org.advocategraph.tools.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.advocategraph.tools.cli.AdvocatesCli;
import org.advocategraph.tools.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code advocates evaluate routing} through the real command line. */
class EvaluateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shouldPrintTheTableAndWriteTheJson() throws IOException {
        Path dump = TinyDump.write(tmp);
        Path json = tmp.resolve("routing.json");

        Cli cli = Cli.run("evaluate", "routing", dump.toString(), "--json", json.toString());

        assertEquals(0, cli.code(), cli.err());
        assertTrue(cli.out().startsWith("Routing quality on tiny: 10 questions, the first 8 train, 2 test "
                + "(asked 2020-01-10T10:00:00Z to 2020-01-12T10:00:00Z)"), cli.out());
        assertTrue(cli.out().contains("static 1 accepted, 0 any; online 0 accepted, 0 any"), cli.out());
        assertTrue(cli.out().contains("tag_count    online | 0.500   1.000   1.000   0.625     | 0.500   1.000   1.000   0.750"),
                cli.out());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("tiny", report.get("dataset").asText());
        assertEquals(6, report.get("results").size());
        JsonNode engine = report.get("results").get(0);
        assertEquals("engine", engine.get("method").asText());
        assertEquals(0.5, engine.get("accepted").get("mrr").asDouble(), 1e-9);
        assertEquals(9, engine.get("ranks").get(0).get("question").asLong());
    }

    @Test
    void shouldNameTheFileAndLineOfBadInputAndExitOne() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Cli missing = Cli.run("evaluate", "routing", empty.toString());
        assertEquals(AdvocatesCli.FAILED, missing.code());
        assertTrue(missing.err().startsWith(empty + ": no Posts.xml or Posts.xml.gz in this folder"), missing.err());

        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("Posts.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="a" />
                  <row Id="2" PostTypeId="1" CreationDate="2020-01-01T10:00:00.000" Title="b />
                </posts>
                """);
        Cli malformed = Cli.run("evaluate", "routing", bad.toString());
        assertEquals(AdvocatesCli.FAILED, malformed.code());
        assertTrue(malformed.err().startsWith(bad.resolve("Posts.xml") + ":"), malformed.err());
        assertTrue(malformed.err().contains("not well-formed XML"), malformed.err());
        assertEquals("", malformed.out());
    }

    @Test
    void shouldExitTwoOnBadUsage() throws IOException {
        Path dump = TinyDump.write(tmp);

        assertEquals(AdvocatesCli.USAGE, Cli.run("evaluate").code());
        assertEquals(AdvocatesCli.USAGE, Cli.run("evaluate", "routing").code());
        assertEquals(AdvocatesCli.USAGE, Cli.run("evaluate", "routing", dump.toString(), "--nope").code());
        assertEquals(AdvocatesCli.USAGE, Cli.run("evaluate", "precision", dump.toString()).code());
    }
}
