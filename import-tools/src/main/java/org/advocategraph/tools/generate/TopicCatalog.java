package org.advocategraph.tools.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Topic;
import org.advocategraph.tools.format.ImportFile;

/**
 * The topics: a dozen fixed roots, named children taken round-robin from the vocabulary, then numbered
 * children when more are needed; popularity follows Zipf's law over a random ranking of the named topics
 * (numbered ones rank last, so that the talked-about topics have real names).
 */
final class TopicCatalog {
    /** Zipf exponent of topic popularity: word and tag frequencies are close to 1 (Zipf 1949; Adamic and Huberman 2002). */
    static final double ZIPF_EXPONENT = 1.1;

    final int count;
    final String[] ids;
    final String[] names;
    /** Parent topic index, -1 for roots; roots are topics 0..11 in {@link Vocabulary#TOPIC_ROOTS} order. */
    final int[] parent;
    /** Root index of each topic (a root is its own root). */
    final int[] root;
    /** Zipf weight of each topic. */
    final double[] popularity;
    final Cdf global;
    /** Topics of a root's subtree, by popularity. */
    final Cdf[] byRoot;
    /** Topics under the roots a department works on, by popularity. */
    final Cdf[] byDepartment;
    /** For a department, its roots weighted by the popularity of their subtrees (index into the department's roots). */
    final Cdf[] departmentRoots;

    private TopicCatalog(String[] ids, String[] names, int[] parent, int[] root, double[] popularity) {
        this.count = ids.length;
        this.ids = ids;
        this.names = names;
        this.parent = parent;
        this.root = root;
        this.popularity = popularity;
        this.global = Cdf.of(popularity);
        int roots = Vocabulary.TOPIC_ROOTS.length;
        this.byRoot = new Cdf[roots];
        double[] rootMass = new double[roots];
        for (int r = 0; r < roots; r++) {
            double[] w = new double[count];
            for (int i = 0; i < count; i++) {
                if (root[i] == r) {
                    w[i] = popularity[i];
                    rootMass[r] += w[i];
                }
            }
            byRoot[r] = Cdf.of(w);
        }
        int departments = Vocabulary.DEPARTMENTS.length;
        this.byDepartment = new Cdf[departments];
        this.departmentRoots = new Cdf[departments];
        for (int d = 0; d < departments; d++) {
            int[] deptRoots = Vocabulary.DEPARTMENT_ROOTS[d];
            double[] w = new double[count];
            double[] rw = new double[deptRoots.length];
            for (int k = 0; k < deptRoots.length; k++) {
                rw[k] = rootMass[deptRoots[k]];
                for (int i = 0; i < count; i++) {
                    if (root[i] == deptRoots[k]) {
                        w[i] = popularity[i];
                    }
                }
            }
            byDepartment[d] = Cdf.of(w);
            departmentRoots[d] = Cdf.of(rw);
        }
    }

    /** Grows like people^0.3: about 40 topics for a thousand people, about 320 for a million. */
    static int countFor(int people) {
        return Math.max(2 * Vocabulary.TOPIC_ROOTS.length, (int) Math.round(40 * StrictMath.pow(people / 1000.0, 0.3)));
    }

    static TopicCatalog build(SplittableRandom rng, int people) {
        int roots = Vocabulary.TOPIC_ROOTS.length;
        int count = countFor(people);
        String[] ids = new String[count];
        String[] names = new String[count];
        int[] parent = new int[count];
        int[] root = new int[count];
        boolean[] numbered = new boolean[count];
        int n = 0;
        for (int r = 0; r < roots; r++) {
            String[] idName = Vocabulary.TOPIC_ROOTS[r].split(":", 2);
            ids[n] = idName[0];
            names[n] = idName[1];
            parent[n] = -1;
            root[n] = r;
            n++;
        }
        for (int k = 0; n < count; k++) {
            for (int r = 0; r < roots && n < count; r++) {
                String[] children = Vocabulary.TOPIC_CHILDREN[r];
                if (k < children.length) {
                    String[] idName = children[k].split(":", 2);
                    ids[n] = idName[0];
                    names[n] = idName[1];
                } else {
                    int number = k - children.length + 1;
                    ids[n] = ids[r] + "-" + number;
                    names[n] = names[r] + " topic " + number;
                    numbered[n] = true;
                }
                parent[n] = r;
                root[n] = r;
                n++;
            }
        }
        int named = 0;
        for (boolean b : numbered) {
            named += b ? 0 : 1;
        }
        int[] order = new int[count];
        int a = 0;
        int b = named;
        for (int i = 0; i < count; i++) {
            order[numbered[i] ? b++ : a++] = i;
        }
        // shuffle named and numbered topics separately: every named topic outranks every numbered one
        Sampling.shuffle(rng, order, named);
        int[] tail = Arrays.copyOfRange(order, named, count);
        Sampling.shuffle(rng, tail, tail.length);
        System.arraycopy(tail, 0, order, named, tail.length);
        double[] zipf = Sampling.zipf(count, ZIPF_EXPONENT);
        double[] popularity = new double[count];
        for (int rank = 0; rank < count; rank++) {
            popularity[order[rank]] = zipf[rank];
        }
        return new TopicCatalog(ids, names, parent, root, popularity);
    }

    /** Writes topics.csv and subtopics.csv. */
    void write(Sinks sinks) {
        for (int i = 0; i < count; i++) {
            sinks.write(ImportFile.TOPICS, new Topic(ids[i], names[i]));
        }
        for (int i = 0; i < count; i++) {
            if (parent[i] >= 0) {
                sinks.write(ImportFile.SUBTOPICS, new SubtopicOf(ids[i], ids[parent[i]]));
            }
        }
    }
}
