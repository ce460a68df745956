package org.advocategraph.service.analytics;

import java.util.Objects;

/**
 * The k-core decomposition of a {@link PeopleGraph} taken as undirected: a person's core number is the largest k
 * such that they belong to a k-core, a maximal group in which everyone has ties to at least k others of the group.
 * The largest core number is the graph's degeneracy. Equal to networkx's {@code core_number}.
 *
 * <p>The bucket algorithm of V. Batagelj and M. Zaversnik ("An O(m) algorithm for cores decomposition of
 * networks", 2003): people sorted by degree with a counting sort, then repeatedly the person of least remaining
 * degree is removed, which fixes their core number, and each neighbour of larger remaining degree moves down one
 * bucket in constant time. O(V + E) time, four int arrays of V (the degrees become the core numbers).
 */
public final class CoreNumbers {
    /**
     * @param core       the core number of each person; 0 for someone without ties
     * @param degeneracy the largest core number; 0 for a graph without ties
     */
    public record Result(int[] core, int degeneracy) {
    }

    private CoreNumbers() {
    }

    /** @return the core number of each person */
    public static Result run(PeopleGraph g) {
        Objects.requireNonNull(g, "g");
        int n = g.size();
        int[] degree = new int[n];
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            degree[v] = g.degree(v);
            maxDegree = Math.max(maxDegree, degree[v]);
        }
        // bin[d]: where the people of degree d start in vert; pos[v]: where v is in vert.
        int[] bin = new int[maxDegree + 1];
        for (int v = 0; v < n; v++) {
            bin[degree[v]]++;
        }
        for (int d = 0, start = 0; d <= maxDegree; d++) {
            int count = bin[d];
            bin[d] = start;
            start += count;
        }
        int[] vert = new int[n];
        int[] pos = new int[n];
        for (int v = 0; v < n; v++) {
            pos[v] = bin[degree[v]]++;
            vert[pos[v]] = v;
        }
        for (int d = maxDegree; d > 0; d--) {
            bin[d] = bin[d - 1];
        }
        bin[0] = 0;
        int degeneracy = 0;
        for (int i = 0; i < n; i++) {
            int v = vert[i];
            degeneracy = Math.max(degeneracy, degree[v]);
            for (int e = g.start(v), end = g.end(v); e < end; e++) {
                int u = g.target(e);
                if (degree[u] > degree[v]) {
                    // Swap u with the first person of its bucket, then shrink the bucket past it.
                    int du = degree[u];
                    int pu = pos[u];
                    int pw = bin[du];
                    int w = vert[pw];
                    if (u != w) {
                        pos[u] = pw;
                        vert[pu] = w;
                        pos[w] = pu;
                        vert[pw] = u;
                    }
                    bin[du]++;
                    degree[u]--;
                }
            }
        }
        return new Result(degree, degeneracy);
    }
}
