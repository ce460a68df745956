package org.advocategraph.tools.generate;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.advocategraph.model.Tie;
import org.advocategraph.model.TieKind;
import org.advocategraph.tools.format.ImportFile;

/**
 * ties.csv: a degree-corrected stochastic block model (Karrer and Newman 2011) realised as two Chung–Lu
 * graphs, one inside each community and one across communities, plus the ties the organisation and the
 * conversations imply.
 *
 * <p>Budget: {@code round(people * meanDegree / 2)} ties in all. The fixed ties come first (every employee to
 * their manager; account owners to the first three customers of their accounts; {@code interacted} ties from
 * conversations); the rest is split 80% inside communities and 20% across (the mixing parameter of LFR), and
 * the Chung–Lu scale of each part is calibrated so that its exact expected edge count meets its share.
 *
 * <p>Kinds follow the endpoints: two employees are colleagues (85% when in the same department, 45% across,
 * else they know each other); a customer follows an employee (75%) or knows them (always when the employee
 * owns the customer's account); two customers of one account know each other (85%), others know each other
 * (30%) or the less fit follows the fitter (80% of follows). Mutual kinds are written from the lower person
 * index; structural pairs that repeat a manager or owner tie are dropped, so no (from, to, kind) repeats.
 */
final class SocialGraph {
    /** Share of the structural ties that cross communities. */
    static final double MIXING = 0.2;
    private static final long YEAR = 365L * 86_400;

    private final Population pop;
    private final Workforce workforce;
    private final CustomerBase customers;
    private final Conversations conversations;
    private final long reference;

    SocialGraph(Population pop, Workforce workforce, CustomerBase customers, Conversations conversations, Instant reference) {
        this.pop = pop;
        this.workforce = workforce;
        this.customers = customers;
        this.conversations = conversations;
        this.reference = reference.getEpochSecond();
    }

    void write(Sinks sinks, long budget, SplittableRandom rng) {
        long[] interactions = conversations.interactions();
        long interacted = 0;
        for (int k = 0; k < interactions.length; k++) {
            if (k == 0 || Conversations.pairOf(interactions[k]) != Conversations.pairOf(interactions[k - 1])) {
                interacted++;
            }
        }
        long managerTies = 0;
        for (int i = 0; i < pop.employees; i++) {
            managerTies += workforce.manager[i] >= 0 ? 1 : 0;
        }
        long ownerTies = 0;
        for (int j = 0; j < pop.customers; j++) {
            int a = customers.account[j];
            if (a >= 0 && customers.accountRank[j] < CustomerBase.CONTACTS_PER_ACCOUNT) {
                ownerTies += (customers.accountOwners[2 * a] >= 0 ? 1 : 0) + (customers.accountOwners[2 * a + 1] >= 0 ? 1 : 0);
            }
        }
        double structural = Math.max(0, budget - interacted - managerTies - ownerTies);

        int communities = pop.communityCount;
        double[] mass = new double[communities];
        for (int c = 0; c < communities; c++) {
            mass[c] = pop.memberCumulative[pop.communityStart[c + 1]] - pop.memberCumulative[pop.communityStart[c]];
        }
        DoubleUnaryOperator intra = lambda -> {
            double sum = 0;
            for (int c = 0; c < communities; c++) {
                if (mass[c] > 0) {
                    sum += ChungLu.expectedEdges(pop.memberFitness, pop.memberCumulative, pop.communityStart[c],
                            pop.communityStart[c + 1], lambda / mass[c]);
                }
            }
            return sum;
        };
        double lambdaIntra = ChungLu.calibrate(intra, (1 - MIXING) * structural);
        double acrossTarget = Math.max(0, structural - intra.applyAsDouble(lambdaIntra));

        int n = pop.people;
        int[] order = new int[n];
        for (int p = 0; p < n; p++) {
            order[p] = p;
        }
        Population.sortByFitness(order, 0, n, pop.fitness);
        float[] weight = new float[n];
        double[] cumulative = new double[n + 1];
        for (int k = 0; k < n; k++) {
            weight[k] = pop.fitness[order[k]];
            cumulative[k + 1] = cumulative[k] + weight[k];
        }
        double total = cumulative[n];
        DoubleUnaryOperator across = lambda -> {
            double inside = 0;
            for (int c = 0; c < communities; c++) {
                inside += ChungLu.expectedEdges(pop.memberFitness, pop.memberCumulative, pop.communityStart[c],
                        pop.communityStart[c + 1], lambda / total);
            }
            return ChungLu.expectedEdges(weight, cumulative, 0, n, lambda / total) - inside;
        };
        double lambdaAcross = ChungLu.calibrate(across, acrossTarget);
        double acrossReached = across.applyAsDouble(lambdaAcross);
        if (acrossReached < acrossTarget - 0.5) {
            // too few communities to cross between (small datasets): place the rest inside them
            lambdaIntra = ChungLu.calibrate(intra, structural - acrossReached);
        }

        for (int c = 0; c < communities; c++) {
            if (mass[c] > 0) {
                ChungLu.enumerate(pop.memberFitness, pop.communityStart[c], pop.communityStart[c + 1], lambdaIntra / mass[c], rng,
                        (i, j) -> structural(sinks, rng, pop.members[i], pop.members[j]));
            }
        }
        ChungLu.enumerate(weight, 0, n, lambdaAcross / total, rng, (i, j) -> {
            int a = order[i];
            int b = order[j];
            // pairs inside a community belong to the first graph
            if (pop.community[a] != pop.community[b]) {
                structural(sinks, rng, a, b);
            }
        });
        writeImplied(sinks, rng, interactions);
    }

    /** Writes the ties the organisation and the conversations imply: to managers, to account contacts, interacted. */
    private void writeImplied(Sinks sinks, SplittableRandom rng, long[] interactions) {
        for (int i = 0; i < pop.employees; i++) {
            int m = workforce.manager[i];
            if (m >= 0) {
                write(sinks, i, m, TieKind.COLLEAGUE, 0.7 + 0.3 * rng.nextDouble(), since(rng, 1.5, 8));
            }
        }
        for (int j = 0; j < pop.customers; j++) {
            int a = customers.account[j];
            if (a >= 0 && customers.accountRank[j] < CustomerBase.CONTACTS_PER_ACCOUNT) {
                for (int k = 0; k < 2; k++) {
                    int e = customers.accountOwners[2 * a + k];
                    if (e >= 0) {
                        write(sinks, e, pop.employees + j, TieKind.KNOWS, 0.5 + 0.45 * rng.nextDouble(), since(rng, 2, 10));
                    }
                }
            }
        }
        int k = 0;
        while (k < interactions.length) {
            long pair = Conversations.pairOf(interactions[k]);
            int first = Conversations.conversationOf(interactions[k]);
            int times = 0;
            while (k < interactions.length && Conversations.pairOf(interactions[k]) == pair) {
                times++;
                k++;
            }
            int from = (int) (pair / pop.people);
            int to = (int) (pair % pop.people);
            double strength = Math.min(1, 0.25 + 0.12 * (times - 1) + 0.15 * rng.nextDouble());
            write(sinks, from, to, TieKind.INTERACTED, strength, conversations.created[first]);
        }
    }

    /** Writes the tie of a structural pair, with kind, direction and strength from the two people. */
    private void structural(Sinks sinks, SplittableRandom rng, int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        boolean loEmployee = pop.isEmployee(lo);
        boolean hiEmployee = pop.isEmployee(hi);
        if (loEmployee && hiEmployee) {
            if (workforce.manager[lo] == hi || workforce.manager[hi] == lo) {
                return;
            }
            boolean sameDepartment = pop.department[lo] == pop.department[hi];
            if (Sampling.chance(rng, sameDepartment ? 0.85 : 0.45)) {
                double strength = (sameDepartment ? 0.45 : 0.3) + 0.45 * Sampling.beta(rng, 2, 2);
                write(sinks, lo, hi, TieKind.COLLEAGUE, strength, since(rng, 2, 8));
            } else {
                write(sinks, lo, hi, TieKind.KNOWS, 0.2 + 0.5 * rng.nextDouble(), since(rng, 3, 10));
            }
        } else if (loEmployee) {
            // employees have the lower indices: lo is the employee, hi the customer
            int customer = hi - pop.employees;
            int account = customers.account[customer];
            if (customers.isOwnerContact(lo, customer)) {
                return;
            }
            boolean owner = account >= 0 && (customers.accountOwners[2 * account] == lo || customers.accountOwners[2 * account + 1] == lo);
            if (owner) {
                write(sinks, lo, hi, TieKind.KNOWS, 0.5 + 0.4 * rng.nextDouble(), since(rng, 2, 10));
            } else if (Sampling.chance(rng, 0.75)) {
                write(sinks, hi, lo, TieKind.FOLLOWS, 0.05 + 0.3 * rng.nextDouble(), since(rng, 1.5, 6));
            } else {
                write(sinks, lo, hi, TieKind.KNOWS, 0.2 + 0.4 * rng.nextDouble(), since(rng, 3, 10));
            }
        } else {
            int ca = customers.account[lo - pop.employees];
            boolean sameAccount = ca >= 0 && ca == customers.account[hi - pop.employees];
            if (sameAccount && Sampling.chance(rng, 0.85)) {
                write(sinks, lo, hi, TieKind.KNOWS, 0.5 + 0.4 * rng.nextDouble(), since(rng, 3, 10));
            } else if (Sampling.chance(rng, 0.3)) {
                write(sinks, lo, hi, TieKind.KNOWS, 0.2 + 0.5 * rng.nextDouble(), since(rng, 3, 10));
            } else {
                boolean loLeads = pop.fitness[lo] >= pop.fitness[hi];
                boolean usual = Sampling.chance(rng, 0.8);
                int followed = loLeads == usual ? lo : hi;
                int follower = followed == lo ? hi : lo;
                write(sinks, follower, followed, TieKind.FOLLOWS, 0.05 + 0.3 * rng.nextDouble(), since(rng, 1.5, 6));
            }
        }
    }

    /** @return epoch seconds an exponential number of years (given mean, capped) before the reference, at least a day */
    private long since(SplittableRandom rng, double meanYears, double capYears) {
        double years = Math.min(capYears, -meanYears * StrictMath.log(1 - rng.nextDouble()));
        return reference - Math.max(86_400, (long) (years * YEAR));
    }

    private void write(Sinks sinks, int from, int to, TieKind kind, double strength, long since) {
        sinks.write(ImportFile.TIES, new Tie(pop.personIds[from], pop.personIds[to], kind,
                Sampling.round(strength, 0, 1, 2), Instant.ofEpochSecond(since)));
    }
}
