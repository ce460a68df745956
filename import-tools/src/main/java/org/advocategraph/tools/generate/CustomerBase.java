package org.advocategraph.tools.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.advocategraph.model.Account;
import org.advocategraph.model.AccountOwnership;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Interest;
import org.advocategraph.tools.format.ImportFile;

/**
 * The customers: accounts (customer organisations) nested in communities, one or two owners per account,
 * followers and interests.
 *
 * <p>Account sizes follow Zipf's law for firm sizes (Axtell 2001): {@code P(size >= k) = 1/k}, truncated at 1000;
 * 20% of customers belong to no account (community members). Follower counts are log-normal (median 150,
 * sigma 1.3) scaled by fitness^0.8, which gives the heavy tail measured on Twitter (Kwak et al. 2010).
 * Interests: 1..5 per customer, 60% from the community's topic root, the rest from global Zipf popularity.
 */
final class CustomerBase {
    static final int MAX_INTERESTS = 5;
    static final int MAX_ACCOUNT_SIZE = 1000;
    /** The owner of an account knows its first few customers personally. */
    static final int CONTACTS_PER_ACCOUNT = 3;
    static final double NO_ACCOUNT = 0.2;
    private static final double[] INTEREST_COUNT = {0.30, 0.30, 0.20, 0.12, 0.08};

    private final Population pop;
    /** Account of customer j (person {@code E + j}), or -1. */
    final int[] account;
    /** Position of customer j in its account, capped at 127. */
    final byte[] accountRank;
    final int[] followers;
    final byte[] interestCount;
    final int[] interestTopic;
    final double[] interestWeight;
    final int accountCount;
    final int[] accountSize;
    final byte[] accountRegion;
    /** Up to two owning employees per account ({@code accountOwners[2a]}, {@code [2a+1]}), -1 when absent. */
    final int[] accountOwners;
    final int width;

    CustomerBase(Population pop, Workforce workforce, TopicCatalog topics, SplittableRandom rng) {
        this.pop = pop;
        int c = pop.customers;
        account = new int[c];
        accountRank = new byte[c];
        int[] open = new int[pop.communityCount];
        int[] remaining = new int[pop.communityCount];
        Arrays.fill(open, -1);
        int[] sizes = new int[Math.max(16, c / 4)];
        byte[] regions = new byte[sizes.length];
        int accounts = 0;
        for (int j = 0; j < c; j++) {
            int p = pop.employees + j;
            int k = pop.community[p];
            if (Sampling.chance(rng, NO_ACCOUNT)) {
                account[j] = -1;
                continue;
            }
            if (remaining[k] == 0) {
                if (accounts == sizes.length) {
                    sizes = Arrays.copyOf(sizes, sizes.length * 2);
                    regions = Arrays.copyOf(regions, regions.length * 2);
                }
                open[k] = accounts;
                regions[accounts] = pop.region[p];
                remaining[k] = (int) Math.floor(Sampling.truncatedPareto(rng, 1, MAX_ACCOUNT_SIZE + 1, 2));
                accounts++;
            }
            int a = open[k];
            account[j] = a;
            accountRank[j] = (byte) Math.min(127, sizes[a]);
            sizes[a]++;
            remaining[k]--;
        }
        accountCount = accounts;
        accountSize = Arrays.copyOf(sizes, accounts);
        accountRegion = Arrays.copyOf(regions, accounts);
        width = Ids.width(accounts);

        accountOwners = new int[2 * accounts];
        Arrays.fill(accountOwners, -1);
        int[] anySales = concat(workforce.salesByRegion);
        for (int a = 0; a < accounts; a++) {
            int[] candidates = workforce.salesByRegion[accountRegion[a]];
            if (candidates.length == 0) {
                candidates = anySales;
            }
            int first = candidates.length == 0 ? rng.nextInt(pop.employees) : candidates[rng.nextInt(candidates.length)];
            accountOwners[2 * a] = first;
            if (candidates.length > 1 && Sampling.chance(rng, 0.2)) {
                int second = candidates[rng.nextInt(candidates.length)];
                if (second != first) {
                    accountOwners[2 * a + 1] = second;
                }
            }
        }

        followers = new int[c];
        for (int j = 0; j < c; j++) {
            double f = Sampling.logNormal(rng, 150, 1.3) * StrictMath.pow(pop.fitness[pop.employees + j], 0.8);
            followers[j] = (int) Math.min(50_000_000, Math.round(f));
        }

        interestCount = new byte[c];
        interestTopic = new int[c * MAX_INTERESTS];
        interestWeight = new double[c * MAX_INTERESTS];
        Cdf counts = Cdf.of(INTEREST_COUNT);
        double[] w = new double[MAX_INTERESTS];
        for (int j = 0; j < c; j++) {
            int home = pop.communityHomeRoot[pop.community[pop.employees + j]];
            int want = 1 + counts.sample(rng);
            int n = 0;
            for (int attempt = 0; attempt < 4 * want && n < want; attempt++) {
                int t = Sampling.chance(rng, 0.6) ? topics.byRoot[home].sample(rng) : topics.global.sample(rng);
                if (t < 0 || Workforce.contains(interestTopic, j * MAX_INTERESTS, n, t)) {
                    continue;
                }
                interestTopic[j * MAX_INTERESTS + n] = t;
                w[n] = 0.2 + 0.8 * Sampling.beta(rng, 2, 2);
                n++;
            }
            // the first interest is the strongest: conversations start from it most often
            Arrays.sort(w, 0, n);
            for (int k = 0; k < n; k++) {
                interestWeight[j * MAX_INTERESTS + k] = Sampling.round(w[n - 1 - k], 0, 1, 2);
            }
            interestCount[j] = (byte) n;
        }
    }

    /** @return the segment index of a customer: by account size, or community when without an account */
    int segment(int customer) {
        int a = account[customer];
        if (a < 0) {
            return Vocabulary.COMMUNITY_SEGMENT;
        }
        int size = accountSize[a];
        return size >= 25 ? 0 : size >= 5 ? 1 : 2;
    }

    String accountId(int a) {
        return Ids.of('a', a, width);
    }

    /** @return true when employee e owns the account of customer j and knows j as one of its contacts */
    boolean isOwnerContact(int e, int customer) {
        int a = account[customer];
        return a >= 0 && accountRank[customer] < CONTACTS_PER_ACCOUNT
                && (accountOwners[2 * a] == e || accountOwners[2 * a + 1] == e);
    }

    /** Writes accounts.csv, account_owners.csv, customers.csv and interests.csv. */
    void write(Sinks sinks, TopicCatalog topics, SplittableRandom rng) {
        Cdf industries = Cdf.of(Vocabulary.INDUSTRY_WEIGHTS);
        for (int a = 0; a < accountCount; a++) {
            int r = accountRegion[a];
            String[] suffixes = Vocabulary.COMPANY_SUFFIXES[r];
            String name = Vocabulary.COMPANY_PREFIXES[rng.nextInt(Vocabulary.COMPANY_PREFIXES.length)] + " "
                    + Vocabulary.COMPANY_NOUNS[rng.nextInt(Vocabulary.COMPANY_NOUNS.length)]
                    + suffixes[rng.nextInt(suffixes.length)];
            sinks.write(ImportFile.ACCOUNTS, new Account(accountId(a), name, Vocabulary.INDUSTRIES[industries.sample(rng)]));
        }
        for (int a = 0; a < accountCount; a++) {
            for (int k = 0; k < 2; k++) {
                int e = accountOwners[2 * a + k];
                if (e >= 0) {
                    sinks.write(ImportFile.ACCOUNT_OWNERS, new AccountOwnership(pop.personIds[e], accountId(a)));
                }
            }
        }
        for (int j = 0; j < pop.customers; j++) {
            int p = pop.employees + j;
            int r = pop.region[p];
            boolean kanji = pop.primaryLanguage[p] == Vocabulary.JA && Sampling.chance(rng, 0.3);
            String name = Names.person(rng, r, kanji);
            double h = rng.nextDouble();
            List<String> handles = new ArrayList<>(2);
            if (h < 0.8) {
                handles.add(Names.handle(rng, r));
            }
            if (h < 0.15) {
                String second = Names.handle(rng, r);
                if (!handles.contains(second)) {
                    handles.add(second);
                }
            }
            int a = account[j];
            sinks.write(ImportFile.CUSTOMERS, new Customer(pop.personIds[p], name, a < 0 ? null : accountId(a),
                    Vocabulary.SEGMENTS[segment(j)], Vocabulary.REGIONS[r], pop.languages(p), handles, followers[j]));
        }
        for (int j = 0; j < pop.customers; j++) {
            for (int k = 0; k < interestCount[j]; k++) {
                sinks.write(ImportFile.INTERESTS, new Interest(pop.personIds[pop.employees + j],
                        topics.ids[interestTopic[j * MAX_INTERESTS + k]], interestWeight[j * MAX_INTERESTS + k]));
            }
        }
    }

    private static int[] concat(int[][] arrays) {
        return Arrays.stream(arrays).flatMapToInt(Arrays::stream).toArray();
    }
}
