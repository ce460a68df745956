package org.advocategraph.service.analytics;

import java.util.Arrays;


/**
 * Unique reach over a {@link PeopleGraph}: a multi-source breadth-first walk along {@link PeopleGraph#VOICE}
 * entries (a person's audience), bounded by a number of hops.
 *
 * <p>A walk costs O(visited people + their entries): the visited marks are stamped with a walk number, so the
 * buffers (one int per person for the marks, one for the queue) are allocated once per instance and reused by
 * every walk without clearing. An instance is therefore not thread-safe; make one per request or per thread.
 *
 * <p>After {@link #walk}, {@link #visited(int)} lists the people visited in breadth-first order: the distinct seeds
 * first, then the people reached at hop 1, hop 2, and so on.
 */
public final class ProjectedReach {
    private final PeopleGraph graph;
    private final int[] mark;
    private final int[] queue;
    private final int[] layerEnd;
    private int stamp;
    private int seeds;
    private int visited;

    /** @param graph the projection to walk; allocates two ints per person */
    public ProjectedReach(PeopleGraph graph) {
        this.graph = graph;
        this.mark = new int[graph.size()];
        this.queue = new int[graph.size()];
        this.layerEnd = new int[ReachAnalytics.MAX_HOPS + 1];
    }

    /** @return the projection walked */
    public PeopleGraph graph() {
        return graph;
    }

    /**
     * Walks from the seeds along voice entries up to {@code hops} hops.
     *
     * @param seeds     people numbers; repeats are counted once
     * @param seedCount how many of {@code seeds} to use (a prefix)
     * @param hops      {@value ReachAnalytics#MIN_HOPS}..{@value ReachAnalytics#MAX_HOPS}
     * @return distinct people reached, seeds excluded
     */
    public int walk(int[] seeds, int seedCount, int hops) {
        if (hops < ReachAnalytics.MIN_HOPS || hops > ReachAnalytics.MAX_HOPS) {
            throw new IllegalArgumentException("hops must be in " + ReachAnalytics.MIN_HOPS + ".." + ReachAnalytics.MAX_HOPS
                    + ", was " + hops);
        }
        nextStamp();
        int tail = 0;
        for (int i = 0; i < seedCount; i++) {
            int s = seeds[i];
            if (mark[s] != stamp) {
                mark[s] = stamp;
                queue[tail++] = s;
            }
        }
        this.seeds = tail;
        layerEnd[0] = tail;
        int head = 0;
        for (int h = 1; h <= hops; h++) {
            int end = tail;
            while (head < end) {
                int u = queue[head++];
                for (int e = graph.start(u), last = graph.end(u); e < last; e++) {
                    if (graph.has(e, PeopleGraph.VOICE)) {
                        int v = graph.target(e);
                        if (mark[v] != stamp) {
                            mark[v] = stamp;
                            queue[tail++] = v;
                        }
                    }
                }
            }
            layerEnd[h] = tail;
        }
        for (int h = hops + 1; h < layerEnd.length; h++) {
            layerEnd[h] = tail;
        }
        this.visited = tail;
        return tail - this.seeds;
    }

    /** @return walks from one person: {@link #walk} with that person alone */
    public int walk(int person, int hops) {
        return walk(new int[] {person}, 1, hops);
    }

    /** @return people visited by the last walk, seeds included */
    public int visitedCount() {
        return visited;
    }

    /** @return distinct seeds of the last walk */
    public int seedCount() {
        return seeds;
    }

    /** @return the i-th person visited by the last walk (seeds first, then by hop) */
    public int visited(int i) {
        return queue[i];
    }

    /** @return true when the last walk visited the person (seeds included) */
    public boolean wasVisited(int person) {
        return mark[person] == stamp;
    }

    /** @return people first reached at each hop 1..{@code hops} of the last walk */
    public long[] byHop(int hops) {
        long[] out = new long[hops];
        for (int h = 1; h <= hops; h++) {
            out[h - 1] = layerEnd[h] - layerEnd[h - 1];
        }
        return out;
    }

    private void nextStamp() {
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(mark, 0);
            stamp = 0;
        }
        stamp++;
    }
}
