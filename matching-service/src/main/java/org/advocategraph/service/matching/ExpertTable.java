package org.advocategraph.service.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.advocategraph.model.Expertise;

/**
 * One request's expertise scores: for each expert, the best discounted level and its source for each requested
 * topic, then the weighted score. The matcher's widest loop fills it (every expert of every credited topic,
 * thousands for a popular one), so it keeps everything in a few flat arrays (an open-addressing index from
 * expert id to a dense row) instead of a map of objects per expert: a request allocates a handful of arrays, not
 * thousands of small objects for the collector to sweep. Not thread-safe; one per request.
 */
final class ExpertTable {
    private int topics;
    /** open-addressing index: slot -> row + 1, 0 for an empty slot */
    private int[] index;
    private String[] ids;
    private double[] values;
    private Expertise[] sources;
    private double[] scores;
    private int rows;

    /** @param topics how many topics were requested */
    ExpertTable(int topics) {
        this(topics, 32);
    }

    /**
     * @param topics  how many topics were requested
     * @param experts how many experts to make room for at first (the number of evidence rows bounds it), so that
     *                the arrays need not grow
     */
    ExpertTable(int topics, int experts) {
        this.topics = topics;
        int rowsRoom = Math.max(16, experts);
        index = new int[Integer.highestOneBit(rowsRoom * 2 - 1) << 1];
        ids = new String[rowsRoom];
        values = new double[rowsRoom * topics];
        sources = new Expertise[rowsRoom * topics];
    }

    /**
     * A table for this thread's next request, made of the arrays of its previous one where they are big enough:
     * at a hundred requests a second, fresh arrays of this size for every request are most of what the collector
     * has to sweep. The table is this thread's until its next call.
     */
    static ExpertTable forThisThread(int topics, int experts) {
        ExpertTable t = REUSED.get();
        if (t == null || t.ids.length < experts || t.values.length < t.ids.length * topics) {
            t = new ExpertTable(topics, Math.max(experts, t == null ? 0 : t.ids.length));
            REUSED.set(t);
            return t;
        }
        t.clear(topics);
        return t;
    }

    private static final ThreadLocal<ExpertTable> REUSED = new ThreadLocal<>();

    private void clear(int newTopics) {
        java.util.Arrays.fill(index, 0);
        java.util.Arrays.fill(ids, 0, rows, null);
        java.util.Arrays.fill(sources, 0, rows * topics, null);
        java.util.Arrays.fill(values, 0, rows * topics, 0);
        topics = newTopics;
        rows = 0;
        scores = null;
    }

    /** Keeps {@code value} from {@code source} as the expert's evidence for the topic if it beats what is there. */
    void offer(String expert, int topic, double value, Expertise source) {
        int row = rowOf(expert, true);
        int i = row * topics + topic;
        if (sources[i] == null || value > values[i]) {
            values[i] = value;
            sources[i] = source;
        }
    }

    /** Computes each expert's score: the weighted sum of their values over {@code total}. */
    void score(double[] weight, double total) {
        scores = new double[rows];
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int t = 0; t < topics; t++) {
                sum += weight[t] * values[r * topics + t];
            }
            scores[r] = sum / total;
        }
    }

    /** @return how many experts the table holds */
    int size() {
        return rows;
    }

    /** @return the expert's score, 0 for someone not in the table */
    double score(String expert) {
        int row = rowOf(expert, false);
        return row < 0 ? 0 : scores[row];
    }

    /** @return the expert's evidence for each requested topic (null where none), by topic index; null if absent */
    Expertise[] sources(String expert) {
        int row = rowOf(expert, false);
        return row < 0 ? null : Arrays.copyOfRange(sources, row * topics, row * topics + topics);
    }

    /** @return the expert's discounted value for each requested topic, by topic index; null if absent */
    double[] values(String expert) {
        int row = rowOf(expert, false);
        return row < 0 ? null : Arrays.copyOfRange(values, row * topics, row * topics + topics);
    }

    /**
     * @return the ids of the {@code k} best-scored experts, best first, equal scores by id: a bounded heap over
     *         rows, O(n log k)
     */
    List<String> strongest(int k) {
        // A min-heap of rows: the worst of the best k on top.
        int[] heap = new int[Math.min(k, rows)];
        int size = 0;
        for (int r = 0; r < rows; r++) {
            if (size < heap.length) {
                heap[size] = r;
                up(heap, size++);
            } else if (heap.length > 0 && better(r, heap[0])) {
                heap[0] = r;
                down(heap, size);
            }
        }
        Integer[] best = new Integer[size];
        for (int i = 0; i < size; i++) {
            best[i] = heap[i];
        }
        Arrays.sort(best, (a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
        List<String> out = new ArrayList<>(size);
        for (int r : best) {
            out.add(ids[r]);
        }
        return out;
    }

    private boolean better(int a, int b) {
        return scores[a] > scores[b] || scores[a] == scores[b] && ids[a].compareTo(ids[b]) < 0;
    }

    private void up(int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i])) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private void down(int[] heap, int size) {
        int i = 0;
        while (true) {
            int worst = i;
            for (int c = 2 * i + 1; c <= 2 * i + 2 && c < size; c++) {
                if (better(heap[worst], heap[c])) {
                    worst = c;
                }
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private int rowOf(String id, boolean add) {
        int mask = index.length - 1;
        int slot = spread(id.hashCode()) & mask;
        while (index[slot] != 0) {
            int row = index[slot] - 1;
            if (ids[row].equals(id)) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        if (!add) {
            return -1;
        }
        if (rows == ids.length) {
            ids = Arrays.copyOf(ids, rows * 2);
            values = Arrays.copyOf(values, rows * 2 * topics);
            sources = Arrays.copyOf(sources, rows * 2 * topics);
        }
        ids[rows] = id;
        index[slot] = ++rows;
        if (rows * 2 > index.length) {
            rehash();
        }
        return rows - 1;
    }

    private void rehash() {
        index = new int[index.length * 2];
        int mask = index.length - 1;
        for (int r = 0; r < rows; r++) {
            int slot = spread(ids[r].hashCode()) & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = r + 1;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
