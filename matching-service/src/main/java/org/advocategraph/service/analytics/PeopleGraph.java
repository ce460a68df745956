package org.advocategraph.service.analytics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The people-and-ties graph as a compact, immutable adjacency structure for the analytics (compressed sparse
 * rows): people are numbered 0..n-1 in the order of their ids (whatever order they were added in, so that every
 * store gives the same projection), and each person's ties are one slice of two parallel arrays.
 *
 * <p>Every tie appears in the rows of both its ends, so a person's row lists everyone they share a tie with.
 * Several ties between the same two people (kinds, directions) are one entry per end, with the union of the
 * directions below. Each entry carries two direction flags, packed into the two high bits of the target:
 * <ul>
 * <li><b>attention</b> ({@link #ATTENTION}): the row's person pays attention to the target (follows them, or has a
 * mutual tie with them). PageRank walks these: influence is the attention one receives.</li>
 * <li><b>voice</b> ({@link #VOICE}): the row's person is heard by the target (is followed by them, or has a mutual
 * tie with them). Reach walks these: the audience of a person.</li>
 * </ul>
 * A {@code colleague}, {@code knows} or {@code interacted} tie is mutual (both flags at both ends); {@code a follows
 * b} is attention at a's entry for b and voice at b's entry for a.
 *
 * <p>An entry's strength is that of the row person's attention to the target: the strongest tie by which they
 * attend to them; for an entry with voice only, the strongest tie by which the target attends to the row person.
 * So a walk along attention entries sees each direction's own strength, and the two entries of a pair differ
 * only when the two directions do; {@link #weight} is the symmetric strength undirected algorithms use.
 *
 * <p>Strengths are dictionary-encoded, exactly: when the entries hold at most 256 distinct strengths, each entry
 * keeps a one-byte code into a sorted table of them; at most 65,536, a two-byte code; more, the float itself.
 * Strengths recorded to a few decimals, as ties usually are, take one byte.
 *
 * <p>Memory: per entry an int target with its flags and a strength of 1, 2 or 4 bytes, so 10, 12 or 16 bytes per
 * pair of tied people, plus 4 bytes per person for the row offsets, besides the ids and the id index.
 */
public final class PeopleGraph {
    /** Flag: the row's person pays attention to the target. */
    public static final int ATTENTION = 1 << 30;
    /** Flag: the row's person is heard by the target. */
    public static final int VOICE = 1 << 31;
    /** Mask of the target's index in an entry. */
    static final int INDEX = ATTENTION - 1;
    /** Most people a projection can hold. */
    public static final int MAX_PEOPLE = INDEX;
    /** Most entries (two per tie) a projection can hold: the largest Java array, rounded down to an even size. */
    static final int MAX_ENTRIES = Integer.MAX_VALUE - 9;

    private final String[] ids;
    private final boolean[] employee;
    private final boolean[] advocate;
    private final Map<String, Integer> index;
    private final int[] offsets;
    private final int[] entries;
    private final Strengths strengths;

    private PeopleGraph(String[] ids, boolean[] employee, boolean[] advocate, Map<String, Integer> index, int[] offsets,
                        int[] entries, Strengths strengths) {
        this.ids = ids;
        this.employee = employee;
        this.advocate = advocate;
        this.index = index;
        this.offsets = offsets;
        this.entries = entries;
        this.strengths = strengths;
    }

    /** @return how many people */
    public int size() {
        return ids.length;
    }

    /** @return how many pairs of tied people (each counted once) */
    public long pairs() {
        return entries.length / 2;
    }

    /** @return the person's id */
    public String id(int person) {
        return ids[person];
    }

    /** @return the person's number, or -1 when the projection does not hold them */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** @return true for an employee, false for a customer */
    public boolean isEmployee(int person) {
        return employee[person];
    }

    /** @return true for an employee who may be matched (active, opted in, with capacity): someone who can be asked to advocate */
    public boolean isAdvocate(int person) {
        return advocate[person];
    }

    /** @return where the person's entries start */
    public int start(int person) {
        return offsets[person];
    }

    /** @return where the person's entries end (exclusive) */
    public int end(int person) {
        return offsets[person + 1];
    }

    /** @return the number of people the person shares a tie with */
    public int degree(int person) {
        return offsets[person + 1] - offsets[person];
    }

    /** @return the person at entry {@code e} */
    public int target(int e) {
        return entries[e] & INDEX;
    }

    /** @return true when entry {@code e} has every flag of {@code flags} */
    public boolean has(int e, int flags) {
        return (entries[e] & flags) == flags;
    }

    /** @return the strength of entry {@code e}, 0..1 */
    public float strength(int e) {
        return strengths.get(e);
    }

    /** @return how many bytes each entry's strength takes: 1, 2 or 4 (see the class comment) */
    public int strengthBytes() {
        return strengths.bytesPerEntry();
    }

    /**
     * @return the symmetric strength of entry {@code e} of person {@code u}: the larger of the two entries of the
     *         pair (rows are sorted by target, so the other entry is found by binary search)
     */
    public float weight(int u, int e) {
        int v = target(e);
        int lo = offsets[v];
        int hi = offsets[v + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = entries[mid] & INDEX;
            if (t < u) {
                lo = mid + 1;
            } else if (t > u) {
                hi = mid - 1;
            } else {
                return Math.max(strengths.get(e), strengths.get(mid));
            }
        }
        throw new IllegalStateException("entry " + e + " of " + u + " has no reverse entry");
    }

    /** @return bytes held by the adjacency arrays (offsets, entries, strengths with their table) */
    public long adjacencyBytes() {
        return 4L * offsets.length + 4L * entries.length + strengths.bytes();
    }

    /**
     * Each entry's strength, dictionary-encoded when there are few distinct ones: exactly the floats given, in less
     * memory. One of the three arrays holds the entries; the table holds the distinct strengths in ascending order.
     */
    private record Strengths(byte[] small, char[] medium, float[] plain, float[] table) {
        /** Most distinct strengths a two-byte code tells apart. */
        private static final int MEDIUM = 1 << 16;

        float get(int e) {
            if (small != null) {
                return table[small[e] & 0xFF];
            }
            return medium != null ? table[medium[e]] : plain[e];
        }

        int bytesPerEntry() {
            return small != null ? 1 : medium != null ? 2 : 4;
        }

        long bytes() {
            long n = small != null ? small.length : medium != null ? 2L * medium.length : 4L * plain.length;
            return n + 4L * table.length;
        }

        /**
         * @return the strengths, encoded in the fewest bytes that keep every one exactly: one pass gives each new
         *         strength the next provisional code, a second maps those codes to ranks in the sorted table
         */
        static Strengths encode(float[] strengths) {
            DistinctFloats distinct = new DistinctFloats(MEDIUM);
            char[] provisional = new char[strengths.length];
            for (int e = 0; e < strengths.length; e++) {
                int code = distinct.add(strengths[e]);
                if (code < 0) {
                    return new Strengths(null, null, strengths, new float[0]);
                }
                provisional[e] = (char) code;
            }
            float[] table = distinct.sorted();
            char[] rank = distinct.ranks();
            if (table.length <= 256) {
                byte[] small = new byte[strengths.length];
                for (int e = 0; e < strengths.length; e++) {
                    small[e] = (byte) rank[provisional[e]];
                }
                return new Strengths(small, null, null, table);
            }
            for (int e = 0; e < strengths.length; e++) {
                provisional[e] = rank[provisional[e]];
            }
            return new Strengths(null, provisional, null, table);
        }
    }

    /**
     * A set of at most {@code limit} floats, told apart by their bits, in an open-addressing table, each numbered in
     * the order added; once sorted, each number knows its rank.
     */
    private static final class DistinctFloats {
        private static final int EMPTY = Float.floatToRawIntBits(Float.NaN) ^ 1;
        private final int limit;
        private final int[] keys;
        private final int[] numbers;
        private final float[] added;
        private final int shift;
        private int size;

        /** @param limit most floats held, a power of two: the table has four slots for each */
        DistinctFloats(int limit) {
            this.limit = limit;
            this.keys = new int[Integer.highestOneBit(limit) * 4];
            this.numbers = new int[keys.length];
            this.added = new float[limit];
            this.shift = 32 - Integer.numberOfTrailingZeros(keys.length);
            Arrays.fill(keys, EMPTY);
        }

        /** @return the float's number, in the order added; -1 when it is new and the set already holds {@code limit} */
        int add(float f) {
            int bits = Float.floatToRawIntBits(f);
            int slot = slot(bits);
            if (keys[slot] == bits) {
                return numbers[slot];
            }
            if (size == limit) {
                return -1;
            }
            keys[slot] = bits;
            numbers[slot] = size;
            added[size] = f;
            return size++;
        }

        /** @return the floats in ascending order */
        float[] sorted() {
            float[] values = Arrays.copyOf(added, size);
            Arrays.sort(values);
            return values;
        }

        /** @return for each number, the rank of its float in ascending order */
        char[] ranks() {
            float[] values = sorted();
            char[] rank = new char[size];
            for (int r = 0; r < size; r++) {
                rank[numbers[slot(Float.floatToRawIntBits(values[r]))]] = (char) r;
            }
            return rank;
        }

        /** @return the slot holding the bits, or the empty one where they would go (linear probing) */
        private int slot(int bits) {
            int mask = keys.length - 1;
            int slot = (bits * 0x9E3779B9) >>> shift;
            while (keys[slot] != EMPTY && keys[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    /**
     * Collects people and ties, then builds the rows. Ties to people never added are an error, so that a
     * projection never silently drops a tie.
     */
    public static final class Builder {
        private String[] ids = new String[1024];
        private boolean[] employee = new boolean[1024];
        private boolean[] advocate = new boolean[1024];
        private final Map<String, Integer> index = new HashMap<>();
        private int people;
        private int[] from = new int[4096];
        private int[] to = new int[4096];
        private int[] flags = new int[4096];
        private float[] strength = new float[4096];
        private int ties;
        private boolean built;

        /**
         * Adds a person, once.
         *
         * @param employee true for an employee
         * @param advocate true for an employee who may be asked to advocate
         */
        public Builder person(String id, boolean employee, boolean advocate) {
            open();
            Objects.requireNonNull(id, "id");
            if (index.containsKey(id)) {
                throw new IllegalArgumentException("person " + id + " added twice");
            }
            if (people == MAX_PEOPLE) {
                throw new IllegalStateException("a projection holds at most " + MAX_PEOPLE + " people");
            }
            if (people == ids.length) {
                int n = ids.length * 2;
                ids = Arrays.copyOf(ids, n);
                this.employee = Arrays.copyOf(this.employee, n);
                this.advocate = Arrays.copyOf(this.advocate, n);
            }
            index.put(id, people);
            ids[people] = id;
            this.employee[people] = employee;
            this.advocate[people] = advocate;
            people++;
            return this;
        }

        /**
         * Adds a tie between two people already added.
         *
         * @param mutual true for a tie both ways (colleague, knows, interacted); false for {@code fromId} following
         *               {@code toId}
         */
        public Builder tie(String fromId, String toId, boolean mutual, double strength) {
            open();
            return tie(require(fromId), require(toId), mutual, strength);
        }

        /**
         * Adds a tie between two people already added, named by the order they were added in, from
         * 0. The same as {@link #tie(String, String, boolean, double)} without looking the ids up.
         *
         * @param mutual true for a tie both ways (colleague, knows, interacted); false for {@code a} following
         *               {@code b}
         */
        public Builder tie(int a, int b, boolean mutual, double strength) {
            open();
            if (a < 0 || a >= people || b < 0 || b >= people) {
                throw new IllegalArgumentException("a tie names person " + (a < 0 || a >= people ? a : b) + " of "
                        + people + " added");
            }
            if (!(strength >= 0 && strength <= 1)) {
                throw new IllegalArgumentException("strength must be in 0..1, was " + strength + " (" + ids[a] + " -> "
                        + ids[b] + ")");
            }
            if (a == b) {
                throw new IllegalArgumentException("a person cannot be tied to themselves: " + ids[a]);
            }
            if (ties + 2 > from.length) {
                if (from.length >= MAX_ENTRIES) {
                    throw new IllegalStateException("a projection holds at most " + MAX_ENTRIES / 2 + " ties");
                }
                int n = (int) Math.min(MAX_ENTRIES, 2L * from.length);
                from = Arrays.copyOf(from, n);
                to = Arrays.copyOf(to, n);
                flags = Arrays.copyOf(flags, n);
                this.strength = Arrays.copyOf(this.strength, n);
            }
            add(a, b, mutual ? ATTENTION | VOICE : ATTENTION, (float) strength);
            add(b, a, mutual ? ATTENTION | VOICE : VOICE, (float) strength);
            return this;
        }

        private void open() {
            if (built) {
                throw new IllegalStateException("this builder has built its projection and may not be used again");
            }
        }

        private int require(String id) {
            Integer i = index.get(id);
            if (i == null) {
                throw new IllegalArgumentException("a tie names " + id + ", who is not in the projection");
            }
            return i;
        }

        private void add(int a, int b, int f, float s) {
            from[ties] = a;
            to[ties] = b;
            flags[ties] = f;
            strength[ties] = s;
            ties++;
        }

        /**
         * Renumbers the people in the order of their ids (and the ties' ends with them), so that a projection of
         * the same graph is the same whatever order a store handed its people over in: the algorithms that depend
         * on the numbering (Leiden's and the cascade's random choices, tie-breaks) then give the same answers on
         * every store. Nothing is moved when the people came in id order. O(n log n) for the sort.
         */
        private void numberById() {
            boolean ordered = true;
            for (int p = 1; p < people && ordered; p++) {
                ordered = ids[p - 1].compareTo(ids[p]) < 0;
            }
            if (ordered) {
                return;
            }
            String[] sorted = Arrays.copyOf(ids, people);
            Arrays.parallelSort(sorted);
            int[] rank = new int[people];
            for (int r = 0; r < people; r++) {
                rank[index.get(sorted[r])] = r;
            }
            for (int i = 0; i < ties; i++) {
                from[i] = rank[from[i]];
                to[i] = rank[to[i]];
            }
            boolean[] employees = new boolean[people];
            boolean[] advocates = new boolean[people];
            for (int p = 0; p < people; p++) {
                employees[rank[p]] = employee[p];
                advocates[rank[p]] = advocate[p];
            }
            index.replaceAll((id, p) -> rank[p]);
            ids = sorted;
            employee = employees;
            advocate = advocates;
        }

        /** @return the projection; the builder must not be used afterwards */
        public PeopleGraph build() {
            open();
            built = true;
            numberById();
            // Counting sort of the directed entries by their row, then per row by target, merging duplicates.
            int[] count = new int[people + 1];
            for (int i = 0; i < ties; i++) {
                count[from[i] + 1]++;
            }
            for (int p = 0; p < people; p++) {
                count[p + 1] += count[p];
            }
            // Each directed entry as its target and its place among the added ones, in the slice of its row.
            int[] position = Arrays.copyOf(count, people);
            long[] sorted = new long[ties];
            for (int i = 0; i < ties; i++) {
                sorted[position[from[i]]++] = ((long) to[i] << 32) | i;
            }
            from = null;
            to = null;
            position = null;
            int[] offsets = new int[people + 1];
            int[] entries = new int[ties];
            float[] strengths = new float[ties];
            int written = 0;
            for (int p = 0; p < people; p++) {
                int lo = count[p];
                int hi = count[p + 1];
                Arrays.sort(sorted, lo, hi);
                offsets[p] = written;
                int last = -1;
                float attention = -1;
                float voice = -1;
                for (int k = lo; k < hi; k++) {
                    int tie = (int) sorted[k];
                    int target = (int) (sorted[k] >>> 32);
                    if (target != last) {
                        if (last >= 0) {
                            strengths[written - 1] = attention >= 0 ? attention : voice;
                        }
                        entries[written++] = target;
                        last = target;
                        attention = -1;
                        voice = -1;
                    }
                    entries[written - 1] |= flags[tie];
                    if ((flags[tie] & ATTENTION) != 0) {
                        attention = Math.max(attention, strength[tie]);
                    } else {
                        voice = Math.max(voice, strength[tie]);
                    }
                }
                if (last >= 0) {
                    strengths[written - 1] = attention >= 0 ? attention : voice;
                }
            }
            offsets[people] = written;
            flags = null;
            strength = null;
            return new PeopleGraph(Arrays.copyOf(ids, people), Arrays.copyOf(employee, people),
                    Arrays.copyOf(advocate, people), index, offsets,
                    written == ties ? entries : Arrays.copyOf(entries, written),
                    Strengths.encode(written == ties ? strengths : Arrays.copyOf(strengths, written)));
        }
    }
}
