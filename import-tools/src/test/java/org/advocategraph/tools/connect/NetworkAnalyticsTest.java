package org.advocategraph.tools.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.advocategraph.model.Employee;
import org.advocategraph.service.analytics.Communities;
import org.advocategraph.service.analytics.PageRank;
import org.advocategraph.service.analytics.PeopleGraph;
import org.advocategraph.service.analytics.ProjectionLoader;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * The analytics on real networks with known answers, along the product's whole path: the file is converted by
 * {@code import edges}, imported into a store, projected, and analysed. PageRank is compared with networkx
 * (values in {@code analytics/pagerank_reference.json}, made by the script beside it); communities are scored
 * by normalized mutual information against each network's ground-truth groups, with the shared data's Louvain
 * figures (networkx, seed 42) as the bar.
 */
class NetworkAnalyticsTest {
    private static final Path NETWORKS = Path.of(System.getProperty("advocates.data", "/work/shared/data")).resolve("networks");
    private static final EdgeListOptions UNDIRECTED = new EdgeListOptions(false, null, false, false);
    private static final EdgeListOptions DIRECTED = new EdgeListOptions(true, null, false, false);

    @TempDir
    Path dir;

    private TinkerPopGraphStore load(String file, EdgeListOptions options) {
        Path out = dir.resolve("converted");
        new EdgeListConverter(options).convert(NETWORKS.resolve(file), null, out);
        return Imports.load(out);
    }

    /** @return person id -> name (the id in the source file, or its GML label) */
    private static Map<String, String> names(TinkerPopGraphStore store) {
        Map<String, String> names = new HashMap<>();
        store.scan(Employee.class, 10_000, batch -> batch.forEach(e -> names.put(e.id(), e.name())));
        return names;
    }

    @ParameterizedTest
    @CsvSource({"karate_zachary_edges.tsv, false", "les_miserables_edges.tsv, false", "football.gml, false",
            "CollegeMsg.txt.gz, true"})
    void shouldComputePageRankAsNetworkxDoesWithinOneMillionth(String file, boolean directed) throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/analytics/pagerank_reference.json")) {
            reference = new ObjectMapper().readTree(in).get(file);
        }
        try (TinkerPopGraphStore store = load(file, directed ? DIRECTED : UNDIRECTED)) {
            PeopleGraph g = ProjectionLoader.load(store);
            Map<String, String> names = names(store);
            PageRank.Result result = new PageRank(PageRank.DEFAULT_DAMPING, 1e-12, 10_000).run(g);
            assertTrue(result.converged(), file + " did not converge");
            assertEquals(reference.size(), g.size(), file + ": people");
            double worst = 0;
            for (int u = 0; u < g.size(); u++) {
                JsonNode expected = reference.get(names.get(g.id(u)));
                assertTrue(expected != null, file + ": no reference value for " + names.get(g.id(u)));
                worst = Math.max(worst, Math.abs(expected.asDouble() - result.scores()[u]));
            }
            System.out.printf("PageRank %s: %d people, largest difference from networkx %.2e%n", file, g.size(), worst);
            assertTrue(worst <= 1e-6, file + ": largest difference from networkx " + worst);
        }
    }

    @ParameterizedTest
    @CsvSource({"karate_newman_with_value.gml, 0.576", "football.gml, 0.890", "polbooks.gml, 0.504",
            "dolphins.gml, 0.516"})
    void shouldFindCommunitiesAtLeastAsCloseToTheGroundTruthAsLouvain(String file, double bar) {
        try (TinkerPopGraphStore store = load(file, UNDIRECTED)) {
            PeopleGraph g = ProjectionLoader.load(store);
            Map<String, String> truth = new HashMap<>();
            store.scan(Employee.class, 10_000, batch -> batch.forEach(e -> truth.put(e.id(), e.department())));
            Communities.Result found = new Communities(1.0, 10, 42).detect(g);
            int[] groups = new int[g.size()];
            Map<String, Integer> groupIds = new HashMap<>();
            for (int u = 0; u < g.size(); u++) {
                groups[u] = groupIds.computeIfAbsent(truth.get(g.id(u)), k -> groupIds.size());
            }
            double nmi = nmi(found.community(), groups);
            System.out.printf("Communities %s: %d found, modularity %.4f, NMI %.3f (Louvain bar %.3f)%n", file,
                    found.count(), found.modularity(), nmi, bar);
            assertTrue(nmi >= bar, file + ": NMI " + nmi + " below Louvain's " + bar);
            if (file.startsWith("karate")) {
                // The karate club's largest modularity is proven: 0.4198 (Brandes et al., IEEE TKDE 20, 2008).
                assertEquals(0.4198, found.modularity(), 5e-5);
                assertEquals(4, found.count());
            }
        }
    }

    /** Normalized mutual information, arithmetic mean of the entropies (as scikit-learn's default). */
    static double nmi(int[] a, int[] b) {
        int n = a.length;
        Map<Long, Integer> joint = new HashMap<>();
        Map<Integer, Integer> ca = new HashMap<>();
        Map<Integer, Integer> cb = new HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) a[i] << 32) | b[i], 1, Integer::sum);
            ca.merge(a[i], 1, Integer::sum);
            cb.merge(b[i], 1, Integer::sum);
        }
        double mi = 0;
        for (Iterator<Map.Entry<Long, Integer>> it = joint.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Integer> e = it.next();
            int x = (int) (e.getKey() >>> 32);
            int y = (int) (long) e.getKey();
            double pxy = e.getValue() / (double) n;
            mi += pxy * Math.log(pxy / ((ca.get(x) / (double) n) * (cb.get(y) / (double) n)));
        }
        double ha = entropy(ca, n);
        double hb = entropy(cb, n);
        return ha + hb == 0 ? 1 : 2 * mi / (ha + hb);
    }

    private static double entropy(Map<Integer, Integer> counts, int n) {
        double h = 0;
        for (int c : counts.values()) {
            double p = c / (double) n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
