package org.advocategraph.tools.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.advocategraph.model.About;
import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.ConversationStatus;
import org.advocategraph.model.Participation;
import org.advocategraph.model.Purpose;
import org.advocategraph.tools.format.ImportFile;

/**
 * Conversations in chronological order with their topics, participants and assignments; collects the
 * {@code interacted} ties that participation implies, for {@link SocialGraph} to write.
 *
 * <p>Arrival times: uniform over the 90 days before the reference instant, thinned by a weekly rhythm
 * (weekends at 60%) and a daily one peaking at 15:00 UTC, when the Americas and Europe are both awake.
 * Authors are customers drawn by fitness. Response delays are log-normal, as measured for service times in
 * call centres (Brown et al. 2005): assignment a median 1.5 h after the post, response a median 2.5 h later.
 * A conversation of age a days is done with probability {@code min(0.97, 1 - exp(-a / 2.5))}.
 */
final class Conversations {
    static final double PER_PERSON = 0.5;
    static final long WINDOW_SECONDS = 90L * 86_400;
    /** Mean number of participants besides the author and the responding advocate. */
    static final double MEAN_PARTICIPANTS = 1.6;
    /** Participants per conversation, as estimated for the interacted-tie budget: the above plus responders. */
    static final double EXPECTED_INTERACTIONS = 2.1;
    static final int MAX_PARTICIPANTS = 8;
    private static final int CANDIDATES = 8;
    private static final double UNCLASSIFIED = 0.05;
    private static final Purpose[] PURPOSES = Purpose.values();
    private static final double[] ABOUT_COUNT = {0.50, 0.35, 0.15};
    /** Share of negative posts and mean of the rest, by purpose ordinal; last entry: unclassified. */
    private static final double[] NEGATIVE_SHARE = {0.06, 0.08, 0.40, 0.12, 0.90, 0.04, 0.20};
    private static final double[] POSITIVE_MEAN = {0.50, 0.35, 0.25, 0.25, -0.10, 0.45, 0.15};
    /** Row of {@link Vocabulary#TEXT_EN} for complaints whose purpose has no complaining templates. */
    private static final int NEGATIVE_TEXT = 7;
    private static final int CONVERSATION_BITS = 21;

    private final Population pop;
    private final Workforce workforce;
    private final CustomerBase customers;
    private final TopicCatalog topics;
    private final long reference;
    private final double interactProbability;
    final int count;
    /** Creation time (epoch seconds) of conversation v, ascending. */
    final long[] created;
    private final LongList interacted = new LongList();
    private final Cdf authors;
    private final Cdf aboutCounts = Cdf.of(ABOUT_COUNT);
    private final Cdf[] purposeByRoot = new Cdf[Vocabulary.TOPIC_ROOTS.length];
    private final Cdf[] channelBySegment = new Cdf[Vocabulary.SEGMENTS.length];
    private final Cdf[] outcomes = new Cdf[Vocabulary.OUTCOMES.length];
    private final int width;
    private final int assignmentWidth;
    /** Open assignments per employee so far, never above capacity. */
    private final int[] openLoad;
    private int assignmentCount;

    /** One conversation being generated: what the later steps need to know about it. */
    private record Post(int index, String id, long createdAt, int author, int person, int[] about, Purpose purpose,
                        double sentiment, int language) {
    }

    /** What the care workflow did with a conversation. */
    private record Handling(ConversationStatus status, int responder, List<Assignment> assignments) {
    }

    Conversations(Population pop, Workforce workforce, CustomerBase customers, TopicCatalog topics, Instant reference,
                  double interactProbability, SplittableRandom rng) {
        this.pop = pop;
        this.workforce = workforce;
        this.customers = customers;
        this.topics = topics;
        this.reference = reference.getEpochSecond();
        this.interactProbability = interactProbability;
        this.count = countFor(pop.people);
        if (count >= 1 << CONVERSATION_BITS) {
            throw new IllegalStateException("too many conversations to pack: " + count);
        }
        this.created = creationTimes(rng);
        double[] activity = new double[pop.customers];
        for (int j = 0; j < pop.customers; j++) {
            activity[j] = pop.fitness[pop.employees + j];
        }
        this.authors = Cdf.of(activity);
        for (int r = 0; r < purposeByRoot.length; r++) {
            purposeByRoot[r] = Cdf.of(Vocabulary.ROOT_PURPOSE[r]);
        }
        for (int k = 0; k < channelBySegment.length; k++) {
            channelBySegment[k] = Cdf.of(Vocabulary.CHANNEL_BY_SEGMENT[k]);
        }
        for (int k = 0; k < outcomes.length; k++) {
            outcomes[k] = Cdf.of(Vocabulary.OUTCOME_WEIGHTS[k]);
        }
        this.width = Ids.width(count);
        this.assignmentWidth = Ids.width(2L * count);
        this.openLoad = new int[pop.employees];
    }

    /** @return how many conversations a dataset of this many people has */
    static int countFor(int people) {
        return (int) Math.max(1, Math.round(people * PER_PERSON));
    }

    /** @return packed {@code ((from * people + to) << 21) | conversation} keys of interactions, sorted */
    long[] interactions() {
        long[] a = interacted.toArray();
        Arrays.sort(a);
        return a;
    }

    static int conversationOf(long key) {
        return (int) (key & ((1 << CONVERSATION_BITS) - 1));
    }

    static long pairOf(long key) {
        return key >>> CONVERSATION_BITS;
    }

    /** Writes conversations.csv, about.csv, participations.csv and assignments.csv. */
    void write(Sinks sinks, SplittableRandom rng) {
        for (int v = 0; v < count; v++) {
            Post post = post(rng, v);
            Handling handling = handle(rng, post);
            int channel = channelBySegment[customers.segment(post.author())].sample(rng);
            String prefix = Vocabulary.CHANNEL_URL[channel];
            sinks.write(ImportFile.CONVERSATIONS, new Conversation(post.id(), Vocabulary.CHANNELS[channel],
                    prefix.isEmpty() ? "" : prefix + post.id(), text(rng, post), Vocabulary.LANGUAGES[post.language()],
                    post.sentiment(), Instant.ofEpochSecond(post.createdAt()), handling.status(), post.purpose(),
                    customers.followers[post.author()], pop.personIds[post.person()]));
            for (int k = 0; k < post.about().length; k++) {
                double weight = k == 0 ? 0.6 + 0.4 * rng.nextDouble() : 0.2 + 0.4 * rng.nextDouble();
                sinks.write(ImportFile.ABOUT, new About(post.id(), topics.ids[post.about()[k]], Sampling.round(weight, 0, 1, 2)));
            }
            for (Assignment a : handling.assignments()) {
                sinks.write(ImportFile.ASSIGNMENTS, a);
            }
            participate(sinks, rng, post, handling.responder());
        }
    }

    /** Draws the author, topics, purpose and sentiment of conversation v. */
    private Post post(SplittableRandom rng, int v) {
        int author = authors.sample(rng);
        int wanted = 1 + aboutCounts.sample(rng);
        int[] about = new int[wanted];
        int n = 0;
        for (int attempt = 0; attempt < 8 && n < wanted; attempt++) {
            boolean fromInterests = customers.interestCount[author] > 0 && Sampling.chance(rng, n == 0 ? 0.85 : 0.6);
            int topic = fromInterests ? interest(rng, author) : topics.global.sample(rng);
            if (!Workforce.contains(about, 0, n, topic)) {
                about[n++] = topic;
            }
        }
        Purpose purpose = Sampling.chance(rng, UNCLASSIFIED) ? null : PURPOSES[purposeByRoot[topics.root[about[0]]].sample(rng)];
        int p = purpose == null ? PURPOSES.length : purpose.ordinal();
        double sentiment = Sampling.chance(rng, NEGATIVE_SHARE[p])
                ? Sampling.truncatedNormal(rng, -0.55, 0.25, -1, 1) : Sampling.truncatedNormal(rng, POSITIVE_MEAN[p], 0.25, -1, 1);
        int person = pop.employees + author;
        return new Post(v, Ids.of('v', v, width), created[v], author, person, Arrays.copyOf(about, n), purpose,
                Sampling.round(sentiment, -1, 1, 3), pop.primaryLanguage[person]);
    }

    /**
     * Decides the status of a conversation and its assignments: resolved ones often have a history, open ones
     * may have an open assignment to an expert who still has capacity.
     */
    private Handling handle(SplittableRandom rng, Post post) {
        long t = post.createdAt();
        double ageDays = (reference - t) / 86_400.0;
        // nothing is done within its first hour: that keeps every assignment between post and reference
        boolean done = ageDays > 1.0 / 24 && Sampling.chance(rng, Math.min(0.97, 1 - StrictMath.exp(-ageDays / 2.5)));
        if (done) {
            ConversationStatus status = Sampling.chance(rng, 0.8) ? ConversationStatus.RESOLVED : ConversationStatus.CLOSED;
            long at = after(t, delay(rng, 1.5));
            if (status == ConversationStatus.RESOLVED && Sampling.chance(rng, 0.65)) {
                List<Assignment> history = new ArrayList<>(2);
                int declined = -1;
                if (Sampling.chance(rng, 0.1)) {
                    declined = chooseExpert(rng, post, false, -1);
                    if (declined >= 0) {
                        history.add(declined(post, declined, at));
                        at = after(at, delay(rng, 1.0));
                    }
                }
                int e = chooseExpert(rng, post, false, declined);
                if (e < 0) {
                    return new Handling(status, -1, history);
                }
                long responded = after(at, delay(rng, 2.5));
                int o = post.purpose() == null ? Vocabulary.OUTCOMES.length - 1 : post.purpose().ordinal();
                double improved = Sampling.round(Sampling.truncatedNormal(rng, post.sentiment() + 0.35, 0.25, -1, 1), -1, 1, 3);
                history.add(new Assignment(nextAssignmentId(), pop.personIds[e], post.id(), Instant.ofEpochSecond(at),
                        AssignmentStatus.RESOLVED, Instant.ofEpochSecond(responded),
                        Vocabulary.OUTCOMES[o][outcomes[o].sample(rng)], improved));
                return new Handling(status, e, history);
            }
            if (status == ConversationStatus.CLOSED && Sampling.chance(rng, 0.25)) {
                int e = chooseExpert(rng, post, false, -1);
                if (e >= 0) {
                    return new Handling(status, -1, List.of(declined(post, e, at)));
                }
            }
            return new Handling(status, -1, List.of());
        }
        if (!Sampling.chance(rng, 0.55)) {
            return new Handling(ConversationStatus.OPEN, -1, List.of());
        }
        int e = chooseExpert(rng, post, true, -1);
        if (e < 0) {
            return new Handling(ConversationStatus.OPEN, -1, List.of());
        }
        long at = after(t, delay(rng, 1.5));
        double r = rng.nextDouble();
        AssignmentStatus s = r < 0.4 ? AssignmentStatus.PROPOSED
                : r < 0.85 || reference - at < 7_200 ? AssignmentStatus.ACCEPTED : AssignmentStatus.RESPONDED;
        Instant responded = s == AssignmentStatus.RESPONDED ? Instant.ofEpochSecond(after(at, delay(rng, 2.5))) : null;
        openLoad[e]++;
        var assignment = new Assignment(nextAssignmentId(), pop.personIds[e], post.id(), Instant.ofEpochSecond(at), s,
                responded, "", null);
        return new Handling(s == AssignmentStatus.PROPOSED ? ConversationStatus.OPEN : ConversationStatus.ASSIGNED,
                s == AssignmentStatus.RESPONDED ? e : -1, List.of(assignment));
    }

    private Assignment declined(Post post, int employee, long at) {
        return new Assignment(nextAssignmentId(), pop.personIds[employee], post.id(), Instant.ofEpochSecond(at),
                AssignmentStatus.DECLINED, null, "declined", null);
    }

    private String nextAssignmentId() {
        return Ids.of('s', assignmentCount++, assignmentWidth);
    }

    /** Text in the author's language where there are templates for it, matching purpose and mood. */
    private String text(SplittableRandom rng, Post post) {
        String[] local = Vocabulary.TEXT_LOCAL[post.language()];
        String template;
        if (local != null) {
            template = local[post.sentiment() < 0 ? 0 : 1];
        } else {
            Purpose purpose = post.purpose();
            boolean complaint = post.sentiment() < -0.3 && purpose != Purpose.CARE && purpose != Purpose.CRISIS;
            String[] en = Vocabulary.TEXT_EN[complaint ? NEGATIVE_TEXT : purpose == null ? PURPOSES.length : purpose.ordinal()];
            template = en[rng.nextInt(en.length)];
        }
        return template.replace("{t}", topics.names[post.about()[0]]);
    }

    /**
     * Writes the participants: people of the author's community, by fitness, and the responding advocate;
     * each may leave an interacted tie to the author.
     */
    private void participate(Sinks sinks, SplittableRandom rng, Post post, int responder) {
        int person = post.person();
        int c = pop.community[person];
        int wanted = Sampling.geometric(rng, MEAN_PARTICIPANTS, Math.min(MAX_PARTICIPANTS, pop.communitySize(c) - 1));
        int[] participants = new int[wanted + 1];
        int m = 0;
        for (int attempt = 0; attempt < 4 * wanted + 4 && m < wanted; attempt++) {
            int q = pop.sampleMember(rng, c);
            if (q != person && !Workforce.contains(participants, 0, m, q)) {
                participants[m++] = q;
            }
        }
        if (responder >= 0 && !Workforce.contains(participants, 0, m, responder)) {
            participants[m++] = responder;
        }
        for (int k = 0; k < m; k++) {
            int q = participants[k];
            sinks.write(ImportFile.PARTICIPATIONS, new Participation(pop.personIds[q], post.id()));
            double odds = q == responder ? Math.min(1, 2 * interactProbability) : interactProbability;
            if (Sampling.chance(rng, odds)) {
                interacted.add((((long) q * pop.people + person) << CONVERSATION_BITS) | post.index());
            }
        }
    }

    private int interest(SplittableRandom rng, int customer) {
        int base = customer * CustomerBase.MAX_INTERESTS;
        int n = customers.interestCount[customer];
        double total = 0;
        for (int k = 0; k < n; k++) {
            total += customers.interestWeight[base + k];
        }
        double r = rng.nextDouble() * total;
        for (int k = 0; k < n - 1; k++) {
            r -= customers.interestWeight[base + k];
            if (r < 0) {
                return customers.interestTopic[base + k];
            }
        }
        return customers.interestTopic[base + n - 1];
    }

    /**
     * Picks an advocate for a conversation: a few random experts of its first topic that has any (falling back to
     * experts of the first topic's root), the best by level, language and purpose.
     *
     * @param open    an open assignment: only eligible employees below their capacity qualify
     * @param exclude an employee who must not be chosen, or -1
     * @return the employee, or -1
     */
    private int chooseExpert(SplittableRandom rng, Post post, boolean open, int exclude) {
        int[] load = open ? openLoad : null;
        for (int t : post.about()) {
            int best = best(rng, workforce.experts, workforce.expertLevel, workforce.expertStart[t], workforce.expertStart[t + 1],
                    post.language(), post.purpose(), load, exclude);
            if (best >= 0) {
                return best;
            }
        }
        int r = topics.root[post.about()[0]];
        return best(rng, workforce.rootExperts, workforce.rootExpertLevel, workforce.rootExpertStart[r],
                workforce.rootExpertStart[r + 1], post.language(), post.purpose(), load, exclude);
    }

    private int best(SplittableRandom rng, int[] experts, float[] levels, int from, int to, int language, Purpose purpose,
                     int[] openLoad, int exclude) {
        if (from >= to) {
            return -1;
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < CANDIDATES; s++) {
            int k = from + rng.nextInt(to - from);
            int e = experts[k];
            if (e == exclude || openLoad != null && (!workforce.eligible(e) || openLoad[e] >= workforce.capacity[e])) {
                continue;
            }
            double score = levels[k] + (workforce.speaks(e, language) ? 0.25 : 0) + (workforce.allows(e, purpose) ? 0.15 : 0)
                    + (workforce.active[e] ? 0 : -0.5) + 0.1 * rng.nextDouble();
            if (score > bestScore) {
                bestScore = score;
                best = e;
            }
        }
        return best;
    }

    /**
     * @return {@code delay} seconds after {@code start}, but at most half-way to the reference, so that a chain
     * of events stays in order and before the reference
     */
    private long after(long start, long delay) {
        return start + Math.min(delay, (reference - start) / 2);
    }

    /** @return a log-normal delay in seconds with the given median in hours, at least a minute */
    private static long delay(SplittableRandom rng, double medianHours) {
        return Math.max(60, Math.round(Sampling.logNormal(rng, medianHours * 3600, 1.0)));
    }

    private long[] creationTimes(SplittableRandom rng) {
        long start = reference - WINDOW_SECONDS;
        long[] t = new long[count];
        for (int i = 0; i < count; i++) {
            long s;
            do {
                s = start + (long) (rng.nextDouble() * WINDOW_SECONDS);
            } while (rng.nextDouble() >= rhythm(s));
            t[i] = s;
        }
        Arrays.sort(t);
        return t;
    }

    /** Relative posting rate at an instant, at most 1. */
    private static double rhythm(long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400);
        int weekday = Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
        double hour = Math.floorMod(epochSecond, 86_400) / 3600.0;
        double daily = 0.55 + 0.45 * StrictMath.cos(2 * Math.PI * (hour - 15) / 24);
        return (weekday >= 5 ? 0.6 : 1.0) * daily;
    }

    /** A growable array of longs, so that a million interactions cost 8 MB rather than boxed objects. */
    private static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
