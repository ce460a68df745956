package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.advocategraph.model.TieKind;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;
import org.advocategraph.tools.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdgeListConverterTest {
    private static final Path NETWORKS = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("networks");
    private static final EdgeListOptions UNDIRECTED = new EdgeListOptions(false, null, false, false);
    private static final EdgeListOptions DIRECTED = new EdgeListOptions(true, null, false, false);

    @TempDir
    Path tmp;

    // ------------------------------------------------------------------ independent counts

    /** Nodes and distinct pairs of a file, counted by the test itself. */
    private record Counts(Set<String> nodes, Set<List<String>> pairs, int selfLoops) {
    }

    /** Reads "a b [x]" lines the simple way: tabs if the file has any, else white space. */
    private static Counts countEdges(Path file, boolean directed) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            in.lines().forEach(lines::add);
        }
        boolean tabs = lines.stream().anyMatch(l -> !l.startsWith("#") && l.contains("\t"));
        Set<String> nodes = new LinkedHashSet<>();
        Set<List<String>> pairs = new HashSet<>();
        int self = 0;
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            String[] f = tabs ? l.split("\t") : l.trim().split("\\s+");
            nodes.add(f[0]);
            nodes.add(f[1]);
            if (f[0].equals(f[1])) {
                self++;
            } else if (directed) {
                pairs.add(List.of(f[0], f[1]));
            } else {
                pairs.add(f[0].compareTo(f[1]) < 0 ? List.of(f[0], f[1]) : List.of(f[1], f[0]));
            }
        }
        return new Counts(nodes, pairs, self);
    }

    /** Nodes and distinct unordered pairs of a GML file, found with regular expressions. */
    private static Counts countGml(Path file) throws IOException {
        String text = Files.readString(file);
        Set<String> nodes = new LinkedHashSet<>();
        Matcher node = Pattern.compile("node\\s*\\[\\s*id\\s+(-?\\d+)").matcher(text);
        while (node.find()) {
            nodes.add(node.group(1));
        }
        Set<List<String>> pairs = new HashSet<>();
        int self = 0;
        Matcher edge = Pattern.compile("edge\\s*\\[\\s*source\\s+(-?\\d+)\\s+target\\s+(-?\\d+)").matcher(text);
        while (edge.find()) {
            String a = edge.group(1);
            String b = edge.group(2);
            if (a.equals(b)) {
                self++;
            } else {
                pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
            }
        }
        return new Counts(nodes, pairs, self);
    }

    private ConversionSummary convertAndLoad(EdgeListOptions options, Path file, Path attributes, long people, long ties)
            throws IOException {
        Path out = tmp.resolve("out");
        ConversionSummary summary = new EdgeListConverter(options).convert(file, attributes, out);
        assertEquals(people, summary.rowsPerFile().get(options.customers() ? "customers.csv" : "employees.csv"), file.toString());
        assertEquals(ties, summary.rowsPerFile().get("ties.csv"), file.toString());
        try (TinkerPopGraphStore store = Imports.load(out)) {
            Map<String, Long> counts = store.counts();
            assertEquals(people, counts.get(options.customers() ? "Customer" : "Employee"), file.toString());
            assertEquals(ties, counts.get("CONNECTED_TO"), file.toString());
        }
        return summary;
    }

    // ------------------------------------------------------------------ the real networks

    @Test
    void shouldConvertKarateWithTheClubOfEachMember() throws IOException {
        Path edges = NETWORKS.resolve("karate_zachary_edges.tsv");
        Counts c = countEdges(edges, false);

        convertAndLoad(UNDIRECTED, edges, NETWORKS.resolve("karate_zachary_club.tsv"), 34, 78);

        assertEquals(34, c.nodes().size());
        assertEquals(78, c.pairs().size());
        Map<String, Long> clubs = Imports.rows(tmp.resolve("out/employees.csv")).stream()
                .collect(Collectors.groupingBy(r -> r.get("department"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("Mr. Hi", 17L, "Officer", 17L), clubs);
        // Weights are "number of contexts" 1..7, so every strength is weight / 7 and the strongest ties are 1.
        var strengths = Imports.rows(tmp.resolve("out/ties.csv")).stream().map(r -> Double.parseDouble(r.get("strength"))).toList();
        assertEquals(1.0, strengths.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertTrue(strengths.stream().allMatch(s -> s > 0 && s <= 1));
        assertTrue(Imports.rows(tmp.resolve("out/ties.csv")).stream().allMatch(r -> r.get("kind").equals("knows")));
    }

    @Test
    void shouldConvertEveryGmlNetworkWithItsGroups() throws IOException {
        Map<String, long[]> expected = new TreeMap<>(Map.of(
                "karate_newman_with_value.gml", new long[] {34, 78, 2},
                "football.gml", new long[] {115, 613, 12},
                "polbooks.gml", new long[] {105, 441, 3},
                "dolphins.gml", new long[] {62, 159, 2}));
        for (var e : expected.entrySet()) {
            Path file = NETWORKS.resolve(e.getKey());
            Counts c = countGml(file);
            assertEquals(e.getValue()[0], c.nodes().size(), e.getKey());
            assertEquals(e.getValue()[1], c.pairs().size(), e.getKey());

            convertAndLoad(UNDIRECTED, file, null, c.nodes().size(), c.pairs().size());

            Set<String> groups = Imports.rows(tmp.resolve("out/employees.csv")).stream()
                    .map(r -> r.get("department")).collect(Collectors.toSet());
            assertEquals(e.getValue()[2], groups.size(), e.getKey() + ": " + groups);
        }
        var teams = Imports.rows(tmp.resolve("out/employees.csv"));
        assertTrue(teams.stream().anyMatch(r -> r.get("name").equals("1000 Years for Revenge")), "books keep their labels as names");
    }

    @Test
    void shouldCountARepeatedGameOnceWithAStrongerTie() throws IOException {
        // football.gml lists 615 edges for 613 distinct games: two pairs appear twice.
        Path out = tmp.resolve("out");

        new EdgeListConverter(UNDIRECTED).convert(NETWORKS.resolve("football.gml"), null, out);

        var strengths = Imports.rows(out.resolve("ties.csv")).stream().collect(
                Collectors.groupingBy(r -> r.get("strength"), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("0.5", 611L, "0.666667", 2L), strengths);
    }

    @Test
    void shouldConvertWeightedAndNamedNetworks() throws IOException {
        for (String name : List.of("les_miserables_edges.tsv", "florentine_families_edges.tsv")) {
            Path file = NETWORKS.resolve(name);
            Counts c = countEdges(file, false);
            convertAndLoad(UNDIRECTED, file, null, c.nodes().size(), c.pairs().size());
        }
        // The last conversion is the Florentine families: names keep their case, ids are slugs.
        var families = Imports.rows(tmp.resolve("out/employees.csv"));
        assertEquals(15, families.size());
        assertTrue(families.stream().anyMatch(r -> r.get("id").equals("p-medici") && r.get("name").equals("Medici")));
    }

    @Test
    void shouldScaleLesMiserablesWeightsByTheLargest() throws IOException {
        Path file = NETWORKS.resolve("les_miserables_edges.tsv");
        Map<String, Double> weights = new HashMap<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.startsWith("#")) {
                String[] f = l.split("\t");
                weights.put(f[0] + "|" + f[1], Double.parseDouble(f[2]));
            }
        }
        double max = weights.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Path out = tmp.resolve("out");

        new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        // Myriel and Napoleon (weight 1) and Valjean and Cosette (the largest) as known points.
        Map<String, String> strength = new HashMap<>();
        for (var r : Imports.rows(out.resolve("ties.csv"))) {
            strength.put(r.get("fromId") + "|" + r.get("toId"), r.get("strength"));
        }
        assertEquals(254, strength.size());
        String top = weights.entrySet().stream().filter(w -> w.getValue() == max).findFirst().orElseThrow().getKey();
        String[] ends = top.split("\\|");
        String a = "p-" + SourceIds.slug(ends[0]);
        String b = "p-" + SourceIds.slug(ends[1]);
        assertEquals("1", strength.get(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a));
        assertEquals(String.valueOf(Evidence.round(1 / max)), strength.get("p-myriel|p-napoleon"));
    }

    @Test
    void shouldConvertCollegeMessagesIntoDirectedTiesSinceTheFirstMessage() throws IOException {
        Path file = NETWORKS.resolve("CollegeMsg.txt.gz");
        Counts c = countEdges(file, true);
        assertEquals(1899, c.nodes().size());

        ConversionSummary summary = convertAndLoad(DIRECTED, file, null, 1899, c.pairs().size());

        assertEquals(0, summary.skippedInputRecords());
        var ties = Imports.rows(tmp.resolve("out/ties.csv"));
        assertTrue(ties.stream().allMatch(r -> r.get("kind").equals("follows")));
        // The first line of the file: 1 -> 2 at 1082040961, the first message between them.
        var first = ties.stream().filter(r -> r.get("fromId").equals("p-1") && r.get("toId").equals("p-2")).findFirst().orElseThrow();
        assertEquals(Instant.ofEpochSecond(1082040961L).toString(), first.get("since"));
    }

    @Test
    void shouldConvertDavisAttendanceIntoEventsWithParticipants() throws IOException {
        Path file = NETWORKS.resolve("davis_southern_women_attendance.tsv");
        Counts c = countEdges(file, false);
        Set<String> women = new HashSet<>();
        Set<String> events = new HashSet<>();
        for (List<String> p : c.pairs()) {
            // Pairs were ordered for counting; the event ids start with E.
            women.add(p.get(0).startsWith("E") && p.get(0).length() <= 3 ? p.get(1) : p.get(0));
            events.add(p.get(0).startsWith("E") && p.get(0).length() <= 3 ? p.get(0) : p.get(1));
        }
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(new EdgeListOptions(false, null, true, false)).convert(file, null, out);

        assertEquals(18, women.size());
        assertEquals(14, events.size());
        assertEquals(18L, summary.rowsPerFile().get("employees.csv"));
        assertEquals(14L, summary.rowsPerFile().get("conversations.csv"));
        assertEquals(89L, summary.rowsPerFile().get("participations.csv"));
        assertEquals(0L, summary.rowsPerFile().get("ties.csv"));
        var people = Imports.rows(out.resolve("employees.csv"));
        assertTrue(people.stream().anyMatch(r -> r.get("id").equals("p-brenda_rogers") && r.get("name").equals("Brenda Rogers")));
        var event = Imports.rows(out.resolve("conversations.csv")).get(0);
        assertEquals("event", event.get("channel"));
        assertEquals("1970-01-01T00:00:00Z", event.get("createdAt"));
        try (TinkerPopGraphStore store = Imports.load(out)) {
            assertEquals(89L, store.counts().get("PARTICIPATED_IN"));
            assertEquals(14L, store.counts().get("Conversation"));
            assertTrue(store.participantsOf("ev-e1").contains("p-brenda_rogers"));
        }
    }

    // ------------------------------------------------------------------ tiny hand-made files

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private static List<String> ties(Path out) {
        return Imports.rows(out.resolve("ties.csv")).stream()
                .map(r -> r.get("fromId") + "," + r.get("toId") + "," + r.get("kind") + "," + r.get("strength") + "," + r.get("since"))
                .toList();
    }

    @Test
    void shouldSkipCommentsAndBlankLinesAndAggregateRepeatedPairs() throws IOException {
        Path file = write("edges.txt", "# a comment\n\n  # an indented comment\nb a\na  b\n\r\nb c\n   \na b\n");
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        assertEquals(0, summary.skippedInputRecords());
        assertEquals(List.of("p-a,p-b,knows,0.75,", "p-b,p-c,knows,0.5,"), ties(out));
        assertEquals(3L, summary.rowsPerFile().get("employees.csv"));
        Imports.load(out).close();
    }

    @Test
    void shouldNameFileAndLineOfALineWithOneColumn() throws IOException {
        Path file = write("edges.txt", "a b\n# ok\nc\n");

        FormatException e = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(file, null, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith(file + ":3: "), e.getMessage());
    }

    @Test
    void shouldIgnoreAThirdColumnThatIsNotAlwaysANumber() throws IOException {
        Path file = write("edges.txt", "a b 3\nb c x\nc d 1\n");
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        assertEquals(List.of("p-a,p-b,knows,0.5,", "p-b,p-c,knows,0.5,", "p-c,p-d,knows,0.5,"), ties(out));
        assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith(file + ":2: 'x' is not a number")), summary.warnings().toString());
        Imports.load(out).close();
    }

    @Test
    void shouldSkipASelfLoopWithAWarning() throws IOException {
        Path file = write("edges.txt", "a a\na b\nb b\n");
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        assertEquals(2, summary.skippedInputRecords());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith(file + ":1: self loop on 'a'")), summary.warnings().toString());
        assertEquals(List.of("p-a,p-b,knows,0.5,"), ties(out));
        Imports.load(out).close();
    }

    @Test
    void shouldRefuseTwoIdsThatWouldCollide() throws IOException {
        Path file = write("edges.tsv", "Medici\tStrozzi\nMEDICI\tAlbizzi\n");

        FormatException e = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(file, null, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        assertTrue(e.getMessage().contains("'Medici'") && e.getMessage().contains("'MEDICI'"), e.getMessage());
    }

    @Test
    void shouldSplitOnTabsOnlyWhenTheFileHasTabs() throws IOException {
        Path file = write("edges.tsv", "Ana Lima\tBo\tx\nBo\tCy Z\n");
        Path out = tmp.resolve("out");

        new EdgeListConverter(new EdgeListOptions(true, TieKind.INTERACTED, false, true)).convert(file, null, out);

        assertEquals(List.of("p-ana_lima,p-bo,interacted,0.5,", "p-bo,p-cy_z,interacted,0.5,"), ties(out));
        assertEquals(List.of("Ana Lima", "Bo", "Cy Z"), Imports.rows(out.resolve("customers.csv")).stream().map(r -> r.get("name")).toList());
        Imports.load(out).close();
    }

    @Test
    void shouldTakeTimestampsAsSinceAndWeightsAsStrength() throws IOException {
        Path stamps = write("stamps.txt", "a b 1082040961\nb a 1082040000\nb c 1100000000\n");
        Path out = tmp.resolve("out");
        new EdgeListConverter(DIRECTED).convert(stamps, null, out);
        assertEquals(List.of("p-a,p-b,follows,0.5,2004-04-15T14:56:01Z", "p-b,p-a,follows,0.5,2004-04-15T14:40:00Z",
                "p-b,p-c,follows,0.5,2004-11-09T11:33:20Z"), ties(out));

        Path weights = write("weights.txt", "a b 2\nb a 2\nb c 0.5\nc d 0\nd e -1\n");
        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(weights, null, out);
        assertEquals(List.of("p-a,p-b,knows,1,", "p-b,p-c,knows,0.125,"), ties(out));
        assertEquals(2, summary.skippedInputRecords(), "the weights 0 and -1");
        assertEquals(5L, summary.rowsPerFile().get("employees.csv"));
        Imports.load(out).close();
    }

    @Test
    void shouldSetDepartmentsFromAttributesAndWarnAboutUnknownIds() throws IOException {
        Path edges = write("edges.tsv", "a\tb\n");
        Path attributes = write("groups.tsv", "# id\tgroup\na\tred team\nzz\tblue\n");
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(edges, attributes, out);

        assertEquals(List.of("red team", ""), Imports.rows(out.resolve("employees.csv")).stream().map(r -> r.get("department")).toList());
        assertEquals(1, summary.skippedInputRecords());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.startsWith(attributes + ":3: id 'zz'")), summary.warnings().toString());
    }

    @Test
    void shouldReadASmallDirectedGml() throws IOException {
        Path file = write("g.gml", """
                Creator "test"
                graph
                [
                  directed 1
                  # a comment
                  node [ id 1 label "Ana &amp; Bo" value "x" ]
                  node [ id 2 label "Cy" graphics [ x 1.5 y -2 ] ]
                  node [ id 3 ]
                  edge [ source 1 target 2 value 4 ]
                  edge [ source 2 target 1 value 2 ]
                ]
                """);
        Path out = tmp.resolve("out");

        ConversionSummary summary = new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        assertEquals(List.of("p-1,p-2,follows,1,", "p-2,p-1,follows,0.5,"), ties(out));
        assertEquals(List.of("Ana & Bo", "Cy", "3"), Imports.rows(out.resolve("employees.csv")).stream().map(r -> r.get("name")).toList());
        assertTrue(summary.warnings().stream().anyMatch(w -> w.contains("directed 1")), summary.warnings().toString());
        Imports.load(out).close();
    }

    @Test
    void shouldNameTheLineOfABrokenGml() throws IOException {
        Path unknown = write("a.gml", "graph [\n node [ id 1 ]\n edge [ source 1 target 9 ]\n]\n");
        FormatException e1 = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(unknown, null, tmp.resolve("out")));
        assertTrue(e1.getMessage().startsWith(unknown + ":3: "), e1.getMessage());

        Path unclosed = write("b.gml", "graph [\n node [ id 1 label \"x ]\n]\n");
        FormatException e2 = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(unclosed, null, tmp.resolve("out")));
        assertTrue(e2.getMessage().startsWith(unclosed + ":2: "), e2.getMessage());

        Path twice = write("c.gml", "graph [\n node [ id 1 ]\n node [ id 1 ]\n]\n");
        FormatException e3 = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(twice, null, tmp.resolve("out")));
        assertTrue(e3.getMessage().startsWith(twice + ":3: "), e3.getMessage());
    }

    @Test
    void shouldNameTheFileOfATruncatedGzip() throws IOException {
        byte[] all = Files.readAllBytes(NETWORKS.resolve("CollegeMsg.txt.gz"));
        Path file = tmp.resolve("CollegeMsg.txt.gz");
        Files.write(file, Arrays.copyOf(all, all.length / 3));

        FormatException e = assertThrows(FormatException.class,
                () -> new EdgeListConverter(DIRECTED).convert(file, null, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void shouldRejectBytesThatAreNotUtf8() throws IOException {
        Path file = tmp.resolve("edges.txt");
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write("a b\nc d\n".getBytes(StandardCharsets.UTF_8));
            o.write(new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', 'x', '\n'});
        }

        FormatException e = assertThrows(FormatException.class,
                () -> new EdgeListConverter(UNDIRECTED).convert(file, null, tmp.resolve("out")));

        assertTrue(e.getMessage().startsWith(file + ":3: not valid UTF-8"), e.getMessage());
    }

    @Test
    void shouldRefuseBipartiteWithDirectionOrKind() {
        assertThrows(IllegalArgumentException.class, () -> new EdgeListOptions(true, null, true, false));
        assertThrows(IllegalArgumentException.class, () -> new EdgeListOptions(false, TieKind.KNOWS, true, false));
    }

    @Test
    void shouldWriteGzippedInputToo() throws IOException {
        Path file = tmp.resolve("edges.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write("1 2\n2 3\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = tmp.resolve("out");

        new EdgeListConverter(UNDIRECTED).convert(file, null, out);

        assertEquals(List.of("p-1,p-2,knows,0.5,", "p-2,p-3,knows,0.5,"), ties(out));
    }
}
