package org.advocategraph.service.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.advocategraph.model.Expertise;
import org.junit.jupiter.api.Test;

class ExpertTableTest {

    @Test
    void shouldKeepTheBestEvidencePerTopicAndWeighTheTopics() {
        // Given two topics weighted 3 and 1, and evidence offered in any order
        ExpertTable table = new ExpertTable(2);
        Expertise weak = new Expertise("e1", "k8s", 0.2, "self");
        Expertise strong = new Expertise("e1", "cloud", 0.9, "answers");
        Expertise other = new Expertise("e1", "sso", 0.5, "");
        table.offer("e1", 0, 0.2, weak);
        table.offer("e1", 0, 0.45, strong);
        table.offer("e1", 0, 0.3, weak);
        table.offer("e1", 1, 0.5, other);

        // When scored
        table.score(new double[] {3, 1}, 4);

        // Then each topic keeps its best value and source, and the score is their weighted mean
        assertArrayEquals(new double[] {0.45, 0.5}, table.values("e1"));
        assertArrayEquals(new Expertise[] {strong, other}, table.sources("e1"));
        assertEquals((3 * 0.45 + 0.5) / 4, table.score("e1"), 1e-12);
        assertEquals(0, table.score("nobody"));
        assertNull(table.sources("nobody"));
        assertEquals(1, table.size());
    }

    @Test
    void shouldPickTheStrongestLikeASortOfEveryExpert() {
        // Given thousands of experts (the table grows many times), with many equal scores
        Random random = new Random(7);
        ExpertTable table = new ExpertTable(3, 100);
        Map<String, double[]> best = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String id = "e" + random.nextInt(5_000);
            int topic = random.nextInt(3);
            double value = random.nextInt(20) / 20.0;
            table.offer(id, topic, value, new Expertise(id, "t" + topic, value, ""));
            best.computeIfAbsent(id, k -> new double[3])[topic] = Math.max(best.get(id)[topic], value);
        }
        table.score(new double[] {1, 2, 1}, 4);

        // When the strongest 500 are picked, Then they are the first 500 of all sorted by score, then id
        List<Map.Entry<String, Double>> all = new ArrayList<>();
        best.forEach((id, v) -> all.add(Map.entry(id, (v[0] + 2 * v[1] + v[2]) / 4)));
        all.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        assertEquals(best.size(), table.size());
        assertEquals(all.subList(0, 500).stream().map(Map.Entry::getKey).toList(), table.strongest(500));
        assertEquals(all.stream().map(Map.Entry::getKey).toList(), table.strongest(1_000_000));
        for (var e : all) {
            assertEquals(e.getValue(), table.score(e.getKey()), 1e-12, e.getKey());
        }
        assertEquals(List.of(), new ExpertTable(2).strongest(10));
    }

    @Test
    void shouldStartEmptyWhenReusedByTheSameThread() {
        // Given this thread's table, filled for three topics
        ExpertTable first = ExpertTable.forThisThread(3, 10);
        first.offer("e1", 2, 0.9, new Expertise("e1", "t", 0.9, ""));
        first.offer("e2", 0, 0.5, new Expertise("e2", "t", 0.5, ""));

        // When the thread asks for a table for one topic and fills it
        ExpertTable next = ExpertTable.forThisThread(1, 5);
        next.offer("e3", 0, 0.4, new Expertise("e3", "t", 0.4, ""));
        next.score(new double[] {1}, 1);

        // Then it holds only what was offered since
        assertEquals(1, next.size());
        assertEquals(List.of("e3"), next.strongest(10));
        assertEquals(0, next.score("e1"));
        assertArrayEquals(new double[] {0.4}, next.values("e3"));
    }
}
