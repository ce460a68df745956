package org.advocategraph.tools.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everyone, in primitive arrays indexed by person: employees are persons {@code 0..E-1}, customers
 * {@code E..N-1}. Holds what the social graph and the conversations need about any person: department
 * (employees), community, fitness (expected-degree weight), region and languages.
 *
 * <p>Communities follow the LFR benchmark (Lancichinetti, Fortunato and Radicchi 2008): sizes drawn from a
 * power law with exponent 1.5, here between {@code max(20, 3 * meanDegree)} and {@code people / 8}. Each
 * community has a home department, region and topic root; 70% of employees join a community of their own
 * department, and 75% of members live in its home region, which is what makes colleagues of one department and
 * customers of one region cluster.
 */
final class Population {
    /** Density exponent of community sizes (LFR uses 1..2). */
    static final double COMMUNITY_SIZE_EXPONENT = 1.5;
    /** Density exponent of fitness, hence of expected degree: social networks measure 2..3 (Clauset, Shalizi and Newman 2009). */
    static final double FITNESS_EXPONENT = 2.5;
    static final double EMPLOYEE_HOME_DEPARTMENT = 0.7;
    static final double HOME_REGION = 0.75;

    final int people;
    final int employees;
    final int customers;
    final String[] personIds;
    /** Department index of each employee. */
    final byte[] department;
    final int communityCount;
    final int[] community;
    final int[] communityHomeDepartment;
    final int[] communityHomeRegion;
    final int[] communityHomeRoot;
    /** Members of community c are {@code members[communityStart[c] .. communityStart[c + 1])}, by fitness, highest first. */
    final int[] communityStart;
    final int[] members;
    /** Fitness of {@code members[k]}, and its running sum ({@code memberCumulative[k]} = sum of the first k). */
    final float[] memberFitness;
    final double[] memberCumulative;
    /** Expected-degree weight of each person, mean about 1. */
    final float[] fitness;
    final byte[] region;
    /** Languages spoken, one bit per {@link Vocabulary#LANGUAGES} index. */
    final int[] languageMask;
    /** First language: what a customer writes in. */
    final byte[] primaryLanguage;

    Population(GeneratorSpec spec, TopicCatalog topics, SplittableRandom rng) {
        people = spec.people();
        employees = spec.employees();
        customers = spec.customers();
        int width = Ids.width(people);
        personIds = new String[people];
        for (int p = 0; p < people; p++) {
            personIds[p] = p < employees ? Ids.of('e', p, width) : Ids.of('c', p - employees, width);
        }

        Cdf departments = Cdf.of(Vocabulary.DEPARTMENT_WEIGHTS);
        department = new byte[employees];
        for (int i = 0; i < employees; i++) {
            department[i] = (byte) departments.sample(rng);
        }

        // community sizes, then homes
        double smin = Math.min(people, Math.max(20, 3 * spec.meanDegree()));
        double smax = Math.max(smin, people / 8.0);
        List<Double> sizes = new ArrayList<>();
        double total = 0;
        while (total < people) {
            double s = Math.floor(Sampling.truncatedPareto(rng, smin, smax, COMMUNITY_SIZE_EXPONENT));
            sizes.add(s);
            total += s;
        }
        communityCount = sizes.size();
        double[] sizeWeights = new double[communityCount];
        for (int c = 0; c < communityCount; c++) {
            sizeWeights[c] = sizes.get(c);
        }
        Cdf regions = Cdf.of(Vocabulary.REGION_WEIGHTS);
        communityHomeDepartment = new int[communityCount];
        communityHomeRegion = new int[communityCount];
        communityHomeRoot = new int[communityCount];
        for (int c = 0; c < communityCount; c++) {
            int d = departments.sample(rng);
            communityHomeDepartment[c] = d;
            communityHomeRegion[c] = regions.sample(rng);
            communityHomeRoot[c] = Vocabulary.DEPARTMENT_ROOTS[d][topics.departmentRoots[d].sample(rng)];
        }
        Cdf anyCommunity = Cdf.of(sizeWeights);
        Cdf[] deptCommunity = new Cdf[Vocabulary.DEPARTMENTS.length];
        for (int d = 0; d < deptCommunity.length; d++) {
            double[] w = new double[communityCount];
            for (int c = 0; c < communityCount; c++) {
                w[c] = communityHomeDepartment[c] == d ? sizeWeights[c] : 0;
            }
            deptCommunity[d] = Cdf.of(w);
        }
        community = new int[people];
        for (int p = 0; p < people; p++) {
            int c = -1;
            if (p < employees && Sampling.chance(rng, EMPLOYEE_HOME_DEPARTMENT)) {
                c = deptCommunity[department[p]].sample(rng);
            }
            community[p] = c >= 0 ? c : anyCommunity.sample(rng);
        }

        // fitness: Pareto with mean 1, capped so that one hub cannot swallow a small dataset
        double xmin = (FITNESS_EXPONENT - 2) / (FITNESS_EXPONENT - 1);
        double cap = Math.max(10, StrictMath.sqrt(people) / 2);
        fitness = new float[people];
        for (int p = 0; p < people; p++) {
            fitness[p] = (float) Math.min(cap, Sampling.pareto(rng, xmin, FITNESS_EXPONENT));
        }

        communityStart = new int[communityCount + 1];
        for (int p = 0; p < people; p++) {
            communityStart[community[p] + 1]++;
        }
        for (int c = 0; c < communityCount; c++) {
            communityStart[c + 1] += communityStart[c];
        }
        members = new int[people];
        int[] fill = Arrays.copyOf(communityStart, communityCount);
        for (int p = 0; p < people; p++) {
            members[fill[community[p]]++] = p;
        }
        for (int c = 0; c < communityCount; c++) {
            sortByFitness(members, communityStart[c], communityStart[c + 1], fitness);
        }
        memberFitness = new float[people];
        memberCumulative = new double[people + 1];
        for (int k = 0; k < people; k++) {
            memberFitness[k] = fitness[members[k]];
            memberCumulative[k + 1] = memberCumulative[k] + memberFitness[k];
        }

        region = new byte[people];
        languageMask = new int[people];
        primaryLanguage = new byte[people];
        Cdf[] primary = new Cdf[Vocabulary.REGIONS.length];
        Cdf[] local = new Cdf[Vocabulary.REGIONS.length];
        for (int r = 0; r < primary.length; r++) {
            primary[r] = Cdf.of(Vocabulary.PRIMARY_LANGUAGE[r]);
            double[] w = Vocabulary.PRIMARY_LANGUAGE[r].clone();
            w[Vocabulary.EN] = 0;
            local[r] = Cdf.of(w);
        }
        Cdf anyLanguage = Cdf.of(uniform(Vocabulary.LANGUAGES.length));
        for (int p = 0; p < people; p++) {
            int r = Sampling.chance(rng, HOME_REGION) ? communityHomeRegion[community[p]] : regions.sample(rng);
            region[p] = (byte) r;
            int first;
            int mask;
            if (p < employees) {
                // English is the company language; many also speak their region's language
                first = Vocabulary.EN;
                mask = 1 << Vocabulary.EN;
                if (Sampling.chance(rng, 0.5) && local[r].total() > 0) {
                    mask |= 1 << local[r].sample(rng);
                }
            } else {
                first = primary[r].sample(rng);
                mask = 1 << first;
                if (first != Vocabulary.EN && Sampling.chance(rng, 0.7)) {
                    mask |= 1 << Vocabulary.EN;
                }
            }
            if (Sampling.chance(rng, 0.08)) {
                mask |= 1 << anyLanguage.sample(rng);
            }
            primaryLanguage[p] = (byte) first;
            languageMask[p] = mask;
        }
    }

    boolean isEmployee(int person) {
        return person < employees;
    }

    /** @return the languages of a person, first language first, then in vocabulary order */
    List<String> languages(int person) {
        int first = primaryLanguage[person];
        int mask = languageMask[person];
        List<String> out = new ArrayList<>(Integer.bitCount(mask));
        out.add(Vocabulary.LANGUAGES[first]);
        for (int l = 0; l < Vocabulary.LANGUAGES.length; l++) {
            if (l != first && (mask & (1 << l)) != 0) {
                out.add(Vocabulary.LANGUAGES[l]);
            }
        }
        return out;
    }

    /**
     * Samples a member of a community in proportion to fitness (active people take part more).
     *
     * @return a person index
     */
    int sampleMember(SplittableRandom rng, int c) {
        int from = communityStart[c];
        int to = communityStart[c + 1];
        double lo = memberCumulative[from];
        double r = lo + rng.nextDouble() * (memberCumulative[to] - lo);
        int i = Arrays.binarySearch(memberCumulative, from, to + 1, r);
        int k = i >= 0 ? i : -i - 2;
        return members[Math.max(from, Math.min(to - 1, k))];
    }

    int communitySize(int c) {
        return communityStart[c + 1] - communityStart[c];
    }

    private static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** Sorts {@code a[from..to)} by fitness, highest first, ties by person index: deterministic and allocation-light. */
    static void sortByFitness(int[] a, int from, int to, float[] fitness) {
        int n = to - from;
        if (n < 2) {
            return;
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int p = a[from + i];
            // positive floats order like their bit patterns; invert for descending, person index in the low bits
            long bits = 0x7FFFFFFFL - Float.floatToIntBits(fitness[p]);
            keys[i] = (bits << 21) | p;
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            a[from + i] = (int) (keys[i] & ((1 << 21) - 1));
        }
    }
}
