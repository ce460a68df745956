package org.advocategraph.tools.connect;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.advocategraph.service.analytics.PeopleGraph;
import org.advocategraph.service.analytics.ProjectionCache;
import org.advocategraph.service.analytics.ReachAnalytics;
import org.advocategraph.store.tinkerpop.TinkerPopGraphStore;

/**
 * Measures reach and recruitment on a generated dataset (a benchmark, not a test): {@code java ... ReachFigures DIR}.
 */
public final class ReachFigures {
    private ReachFigures() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (TinkerPopGraphStore store = Imports.load(Path.of(args[0]))) {
            System.out.printf("imported in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ProjectionCache cache = new ProjectionCache(store, Duration.ofDays(1), Clock.systemUTC());
            PeopleGraph g = cache.current().graph();
            ReachAnalytics reach = new ReachAnalytics(store, cache);
            List<String> advocates = new ArrayList<>();
            int employees = 0;
            for (int u = 0; u < g.size(); u++) {
                employees += g.isEmployee(u) ? 1 : 0;
                if (g.isAdvocate(u)) {
                    advocates.add(g.id(u));
                }
            }
            System.out.printf("%d people, %d tied pairs, %d employees, %d advocates%n", g.size(), g.pairs(), employees,
                    advocates.size());
            Collections.shuffle(advocates, new Random(7));
            for (int seeds : new int[] {100, 1000}) {
                for (int hops = 1; hops <= 3; hops++) {
                    reach.reach(ReachAnalytics.SeedSource.ADVOCATES, advocates.subList(0, seeds), hops);
                    long s = System.nanoTime();
                    ReachAnalytics.Reach r = reach.reach(ReachAnalytics.SeedSource.ADVOCATES, advocates.subList(0, seeds),
                            hops);
                    System.out.printf("reach %d seeds, %d hops: %d people (%.1f ms, answer says %d ms), sumOfDirect %d,"
                            + " duplication %s, perSeed %d, notes %s%n", seeds, hops, r.reach(),
                            (System.nanoTime() - s) / 1e6, r.millis(), r.sumOfDirect(),
                            r.overlap() == null ? "-" : r.overlap().duplication(), r.perSeed().size(), r.notes());
                }
            }
            for (String program : new String[] {null, "p001"}) {
                for (String model : new String[] {"coverage", "cascade"}) {
                    for (int hops : model.equals("coverage") ? new int[] {1, 2, 3} : new int[] {2}) {
                        long s = System.nanoTime();
                        ReachAnalytics.Recruits r = reach.recruits(50, model, hops, program, 0.1, null);
                        System.out.printf("recruits k=50 %s hops %d base %s (%d): %.2f s, candidates %d, baseValue %.1f,"
                                        + " first gain %.2f, total %.2f, truncated %s, details %s%n", model, hops,
                                program == null ? "advocates" : program, r.base(), (System.nanoTime() - s) / 1e9,
                                r.candidates(), r.baseValue(), r.recruits().isEmpty() ? 0 : r.recruits().get(0).gain(),
                                r.recruits().isEmpty() ? 0 : r.recruits().get(r.recruits().size() - 1).cumulative(),
                                r.truncated(), r.details());
                    }
                }
            }
        }
    }
}
