package org.advocategraph.service.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;

/**
 * Best short paths from one person over a small, already fetched neighbourhood of ties.
 *
 * <p>Ties count both ways (people who know each other can introduce each other whichever way the tie was
 * recorded); between two people the strongest tie counts. A path's score is the product of its ties'
 * strengths, halved for every hop after the first, so a strong direct tie beats any longer path and a path of
 * weak ties fades quickly. With at most {@code maxHops} hops this is a bounded Bellman-Ford: O(maxHops * E) for
 * E fetched ties.
 */
final class ProximitySearch {
    /** Score multiplier for each hop after the first. */
    static final double HOP_DECAY = 0.5;

    private final Map<String, Map<String, Tie>> adjacency = new HashMap<>();

    ProximitySearch(Collection<Tie> ties) {
        for (Tie t : ties) {
            link(t.fromId(), t.toId(), t);
            link(t.toId(), t.fromId(), t);
        }
    }

    private void link(String a, String b, Tie t) {
        Map<String, Tie> edges = adjacency.computeIfAbsent(a, k -> new HashMap<>());
        Tie current = edges.get(b);
        if (current == null || t.strength() > current.strength()) {
            edges.put(b, t);
        }
    }

    /** @return the people tied to {@code person} in the fetched neighbourhood */
    Set<String> neighbours(String person) {
        return adjacency.getOrDefault(person, Map.of()).keySet();
    }

    /** @return the strongest tie between two people, or null */
    Tie tie(String a, String b) {
        return adjacency.getOrDefault(a, Map.of()).get(b);
    }

    /**
     * The best path from the source to every person within {@code maxHops}.
     *
     * @return best paths by target, the source excluded
     */
    Map<String, Path> bestPaths(String source, int maxHops) {
        // layers.get(h): for each person reachable in exactly h hops, the best score and the person before.
        List<Map<String, Step>> layers = new ArrayList<>();
        layers.add(Map.of(source, new Step(1.0, null)));
        for (int h = 1; h <= maxHops; h++) {
            double decay = h == 1 ? 1.0 : HOP_DECAY;
            Map<String, Step> next = new HashMap<>();
            for (var entry : layers.get(h - 1).entrySet()) {
                String u = entry.getKey();
                for (var edge : adjacency.getOrDefault(u, Map.of()).entrySet()) {
                    String v = edge.getKey();
                    double score = entry.getValue().score() * edge.getValue().strength() * decay;
                    Step current = next.get(v);
                    if (!v.equals(source) && (current == null || score > current.score())) {
                        next.put(v, new Step(score, u));
                    }
                }
            }
            if (next.isEmpty()) {
                break;
            }
            layers.add(next);
        }
        Map<String, Path> paths = new HashMap<>();
        for (int h = 1; h < layers.size(); h++) {
            for (var entry : layers.get(h).entrySet()) {
                Path known = paths.get(entry.getKey());
                if (known == null || entry.getValue().score() > known.score()) {
                    paths.put(entry.getKey(), walkBack(layers, entry.getKey(), h));
                }
            }
        }
        return paths;
    }

    private Path walkBack(List<Map<String, Step>> layers, String target, int hops) {
        List<String> nodes = new ArrayList<>();
        String at = target;
        for (int h = hops; h >= 0; h--) {
            nodes.add(at);
            at = layers.get(h).get(at).previous();
        }
        Collections.reverse(nodes);
        List<TieKind> kinds = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            kinds.add(tie(nodes.get(i - 1), nodes.get(i)).kind());
        }
        return new Path(nodes, kinds, layers.get(hops).get(target).score());
    }

    private record Step(double score, String previous) {
    }

    /**
     * A path of people.
     *
     * @param nodes ids from the source to the target
     * @param kinds the kind of each hop's tie
     * @param score product of strengths with hop decay, in 0..1
     */
    record Path(List<String> nodes, List<TieKind> kinds, double score) {
        int hops() {
            return nodes.size() - 1;
        }
    }
}
