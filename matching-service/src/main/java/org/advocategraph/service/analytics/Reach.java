package org.advocategraph.service.analytics;

import java.util.Arrays;

/**
 * The audience of a set of people within a few hops: a breadth-first search from all of them at once (multi-source
 * BFS, Moore 1959) along {@link PeopleGraph#VOICE} entries, that is from each person to those who hear them (their
 * followers and their mutual ties). O(V + E) time for the people and entries within reach, an int per person.
 */
public final class Reach {
    private Reach() {
    }

    /**
     * @param seeds people to start from (repeats are ignored)
     * @param hops  most hops, at least 1
     * @return how many people are first reached at each distance 1..hops (index 0 is distance 1); the seeds
     *         themselves are at distance 0 and not counted
     */
    public static long[] perHop(PeopleGraph g, int[] seeds, int hops) {
        if (hops < 1) {
            throw new IllegalArgumentException("hops must be at least 1, was " + hops);
        }
        int[] distance = new int[g.size()];
        Arrays.fill(distance, -1);
        int[] queue = new int[g.size()];
        int tail = 0;
        for (int s : seeds) {
            if (distance[s] < 0) {
                distance[s] = 0;
                queue[tail++] = s;
            }
        }
        long[] counts = new long[hops];
        for (int head = 0; head < tail; head++) {
            int u = queue[head];
            if (distance[u] == hops) {
                break;
            }
            for (int e = g.start(u); e < g.end(u); e++) {
                int v = g.target(e);
                if (distance[v] < 0 && g.has(e, PeopleGraph.VOICE)) {
                    distance[v] = distance[u] + 1;
                    counts[distance[v] - 1]++;
                    queue[tail++] = v;
                }
            }
        }
        return counts;
    }
}
