package org.advocategraph.tools.generate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.Purpose;
import org.advocategraph.tools.format.ImportFile;

/**
 * The employees: a reporting tree per department, titles from the tree, certifications and purposes that
 * follow the department, capacity, flags, and expertise drawn from the department's topics.
 *
 * <p>Reporting lines: members of a department, in id order, are placed breadth-first: the first is the head
 * (no manager), each later one reports to the earliest member whose span of control (drawn from 4..10 per
 * manager, around the usual 7) is not yet full. This gives a tree of depth about log7(size) in which about one
 * employee in seven manages others.
 */
final class Workforce {
    static final int MAX_EXPERTISE = 5;
    /** Span of control: direct reports per manager, around the 7 usually recommended. */
    static final int MIN_SPAN = 4;
    static final int MAX_SPAN = 10;
    static final double ACTIVE = 0.95;
    private static final String[] SOURCES = {"self", "manager", "answers"};
    private static final double[] SOURCE_WEIGHTS = {0.5, 0.3, 0.2};
    private static final double[] STRONG_SOURCE_WEIGHTS = {0.3, 0.2, 0.5};
    private static final double[] EXPERTISE_COUNT = {0.25, 0.30, 0.20, 0.15, 0.10};

    private final Population pop;
    final int[] manager;
    final int[] reports;
    final byte[] depth;
    final byte[] certifications;
    /** Allowed purposes, one bit per {@link Purpose} ordinal. */
    final byte[] purposes;
    final byte[] capacity;
    final boolean[] active;
    final boolean[] optedIn;
    final byte[] expertiseCount;
    final int[] expertiseTopic;
    final double[] expertiseLevel;
    /** Employees with expertise in topic t: {@code experts[expertStart[t] .. expertStart[t + 1])}, employee order. */
    final int[] expertStart;
    final int[] experts;
    final float[] expertLevel;
    /** The same, by topic root (an employee appears once per topic of the root it knows). */
    final int[] rootExpertStart;
    final int[] rootExperts;
    final float[] rootExpertLevel;
    /** Active sales employees per region, to own accounts. */
    final int[][] salesByRegion;

    Workforce(Population pop, TopicCatalog topics, SplittableRandom rng) {
        this.pop = pop;
        int e = pop.employees;
        manager = new int[e];
        reports = new int[e];
        depth = new byte[e];
        int departments = Vocabulary.DEPARTMENTS.length;
        int[] seen = new int[departments];
        // breadth-first fill: the current manager of a department takes reports until their span is full
        int[] currentManager = new int[departments];
        int[] span = new int[departments];
        int[] taken = new int[departments];
        int[][] byDept = new int[departments][];
        int[] deptSize = new int[departments];
        for (int i = 0; i < e; i++) {
            deptSize[pop.department[i]]++;
        }
        for (int d = 0; d < departments; d++) {
            byDept[d] = new int[deptSize[d]];
        }
        for (int i = 0; i < e; i++) {
            int d = pop.department[i];
            int k = seen[d]++;
            byDept[d][k] = i;
            if (k == 0) {
                manager[i] = -1;
                span[d] = MIN_SPAN + rng.nextInt(MAX_SPAN - MIN_SPAN + 1);
            } else {
                if (taken[d] == span[d]) {
                    currentManager[d]++;
                    taken[d] = 0;
                    span[d] = MIN_SPAN + rng.nextInt(MAX_SPAN - MIN_SPAN + 1);
                }
                taken[d]++;
                int m = byDept[d][currentManager[d]];
                manager[i] = m;
                reports[m]++;
                depth[i] = (byte) Math.min(127, depth[m] + 1);
            }
        }

        certifications = new byte[e];
        purposes = new byte[e];
        capacity = new byte[e];
        active = new boolean[e];
        optedIn = new boolean[e];
        Cdf capacities = Cdf.of(Vocabulary.CAPACITY_WEIGHTS);
        for (int i = 0; i < e; i++) {
            int d = pop.department[i];
            int certs = 0;
            int purp = 0;
            for (int c = 0; c < Vocabulary.CERTIFICATIONS.length; c++) {
                if (Sampling.chance(rng, Vocabulary.CERTIFICATION_ODDS[d][c])) {
                    certs |= 1 << c;
                    purp |= 1 << Vocabulary.CERTIFICATION_PURPOSE[c].ordinal();
                }
            }
            for (Purpose p : Purpose.values()) {
                if (Sampling.chance(rng, Vocabulary.DEPARTMENT_PURPOSE_ODDS[d][p.ordinal()])) {
                    purp |= 1 << p.ordinal();
                }
            }
            certifications[i] = (byte) certs;
            purposes[i] = (byte) purp;
            int cap = 1 + capacities.sample(rng);
            if (d == Vocabulary.SUPPORT) {
                cap += 2;
            }
            if (reports[i] > 0) {
                cap -= 2;
            }
            capacity[i] = (byte) Math.max(1, Math.min(10, cap));
            active[i] = Sampling.chance(rng, ACTIVE);
            optedIn[i] = Sampling.chance(rng, certs != 0 ? 0.75 : 0.45);
        }

        expertiseCount = new byte[e];
        expertiseTopic = new int[e * MAX_EXPERTISE];
        expertiseLevel = new double[e * MAX_EXPERTISE];
        Cdf counts = Cdf.of(EXPERTISE_COUNT);
        for (int i = 0; i < e; i++) {
            int want = 1 + counts.sample(rng);
            int n = 0;
            for (int attempt = 0; attempt < 4 * want && n < want; attempt++) {
                int t = Sampling.chance(rng, 0.7) ? topics.byDepartment[pop.department[i]].sample(rng) : topics.global.sample(rng);
                if (t < 0 || contains(expertiseTopic, i * MAX_EXPERTISE, n, t)) {
                    continue;
                }
                double level;
                if (Sampling.chance(rng, 0.05)) {
                    level = Sampling.beta(rng, 6, 2);
                } else if (n == 0) {
                    level = Sampling.beta(rng, 2, 3);
                } else {
                    level = Sampling.beta(rng, 2, 5);
                }
                expertiseTopic[i * MAX_EXPERTISE + n] = t;
                expertiseLevel[i * MAX_EXPERTISE + n] = Sampling.round(level, 0, 1, 3);
                n++;
            }
            expertiseCount[i] = (byte) n;
        }

        expertStart = new int[topics.count + 1];
        rootExpertStart = new int[Vocabulary.TOPIC_ROOTS.length + 1];
        for (int i = 0; i < e; i++) {
            for (int k = 0; k < expertiseCount[i]; k++) {
                int t = expertiseTopic[i * MAX_EXPERTISE + k];
                expertStart[t + 1]++;
                rootExpertStart[topics.root[t] + 1]++;
            }
        }
        for (int t = 0; t < topics.count; t++) {
            expertStart[t + 1] += expertStart[t];
        }
        for (int r = 0; r < Vocabulary.TOPIC_ROOTS.length; r++) {
            rootExpertStart[r + 1] += rootExpertStart[r];
        }
        experts = new int[expertStart[topics.count]];
        expertLevel = new float[experts.length];
        rootExperts = new int[experts.length];
        rootExpertLevel = new float[experts.length];
        int[] fill = expertStart.clone();
        int[] rootFill = rootExpertStart.clone();
        for (int i = 0; i < e; i++) {
            for (int k = 0; k < expertiseCount[i]; k++) {
                int t = expertiseTopic[i * MAX_EXPERTISE + k];
                float level = (float) expertiseLevel[i * MAX_EXPERTISE + k];
                experts[fill[t]] = i;
                expertLevel[fill[t]++] = level;
                int r = topics.root[t];
                rootExperts[rootFill[r]] = i;
                rootExpertLevel[rootFill[r]++] = level;
            }
        }

        List<List<Integer>> sales = new ArrayList<>();
        for (int r = 0; r < Vocabulary.REGIONS.length; r++) {
            sales.add(new ArrayList<>());
        }
        for (int i = 0; i < e; i++) {
            if (pop.department[i] == Vocabulary.SALES && active[i]) {
                sales.get(pop.region[i]).add(i);
            }
        }
        salesByRegion = new int[Vocabulary.REGIONS.length][];
        for (int r = 0; r < salesByRegion.length; r++) {
            salesByRegion[r] = sales.get(r).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** @return true when the employee can take a new assignment now, capacity aside */
    boolean eligible(int i) {
        return active[i] && optedIn[i];
    }

    boolean allows(int i, Purpose p) {
        return p != null && (purposes[i] & (1 << p.ordinal())) != 0;
    }

    boolean speaks(int i, int language) {
        return (pop.languageMask[i] & (1 << language)) != 0;
    }

    /** Writes employees.csv and expertise.csv. */
    void write(Sinks sinks, TopicCatalog topics, SplittableRandom rng) {
        for (int i = 0; i < pop.employees; i++) {
            int d = pop.department[i];
            int r = pop.region[i];
            String name = Names.person(rng, r, false);
            Set<String> certs = new TreeSet<>();
            for (int c = 0; c < Vocabulary.CERTIFICATIONS.length; c++) {
                if ((certifications[i] & (1 << c)) != 0) {
                    certs.add(Vocabulary.CERTIFICATIONS[c]);
                }
            }
            Set<Purpose> purp = EnumSet.noneOf(Purpose.class);
            for (Purpose p : Purpose.values()) {
                if (allows(i, p)) {
                    purp.add(p);
                }
            }
            sinks.write(ImportFile.EMPLOYEES, new Employee(pop.personIds[i], name, title(i, rng), Vocabulary.DEPARTMENTS[d],
                    Vocabulary.REGIONS[r], pop.languages(i), certs, purp, capacity[i], active[i], optedIn[i],
                    manager[i] < 0 ? null : pop.personIds[manager[i]]));
        }
        Cdf sources = Cdf.of(SOURCE_WEIGHTS);
        Cdf strongSources = Cdf.of(STRONG_SOURCE_WEIGHTS);
        for (int i = 0; i < pop.employees; i++) {
            for (int k = 0; k < expertiseCount[i]; k++) {
                double level = expertiseLevel[i * MAX_EXPERTISE + k];
                // strong experts are the ones whose answers others have seen
                String source = SOURCES[(level > 0.6 ? strongSources : sources).sample(rng)];
                sinks.write(ImportFile.EXPERTISE, new Expertise(pop.personIds[i],
                        topics.ids[expertiseTopic[i * MAX_EXPERTISE + k]], level, source));
            }
        }
    }

    private String title(int i, SplittableRandom rng) {
        String dept = Vocabulary.DEPARTMENT_NAMES[pop.department[i]];
        if (manager[i] < 0) {
            return "VP of " + dept;
        }
        if (reports[i] > 0) {
            return depth[i] == 1 ? "Director of " + dept : dept + " Manager";
        }
        String[] titles = Vocabulary.TITLES[pop.department[i]];
        return titles[rng.nextInt(titles.length)];
    }

    static boolean contains(int[] a, int from, int n, int value) {
        for (int i = from; i < from + n; i++) {
            if (a[i] == value) {
                return true;
            }
        }
        return false;
    }
}
