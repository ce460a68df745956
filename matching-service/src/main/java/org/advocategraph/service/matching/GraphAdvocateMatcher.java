package org.advocategraph.service.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.advocategraph.model.Assignment;
import org.advocategraph.model.AssignmentStatus;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Expertise;
import org.advocategraph.model.Purpose;
import org.advocategraph.model.SubtopicOf;
import org.advocategraph.model.Tie;
import org.advocategraph.model.Topic;
import org.advocategraph.service.NotFoundException;
import org.advocategraph.store.AssignmentQuery;
import org.advocategraph.store.EngagementStats;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.WeightedId;

/**
 * Ranks advocates by a weighted mean of seven factors (expertise, proximity, credibility, audience, availability,
 * activity, fairness; weights per purpose, {@link PurposeWeights}), after hard filters (active, opted in, purpose,
 * language, capacity, then the {@link RoutingPolicy}: program policies and account ownership), and explains
 * every match.
 *
 * <p>Expertise: for each requested topic, the advocate's best evidence, counting a narrower topic at
 * {@value #NARROWER} and a broader one at {@value #BROADER} of its level; then the mean over requested topics
 * weighted by their weight, so an advocate who covers every topic beats one who covers one.
 *
 * <p>The person seeking help (the seeker) is the request's customer or person, else the conversation's author:
 * a customer, or an employee asking colleagues. Proximity and audience are measured from them, and they are never
 * a candidate.
 *
 * <p>Proximity: the best path of at most three ties from the seeker ({@link ProximitySearch}), shared
 * connections, and ownership of the seeker's account (customers only), combined as independent chances:
 * {@code 1 - (1 - path)(1 - shared)(1 - owner)}.
 *
 * <p>Credibility: holding a certification (0.4) and how past assignments ended (0.6): of the resolved ones whose
 * sentiment after was recorded ({@code rated}), the share that ended positive, smoothed as
 * {@code (positive + 1) / (rated + 2)}, so an advocate with no rated outcome counts as even. An outcome nobody
 * recorded is evidence neither way: counting it as not positive would make every unrated resolution lower the
 * advocate's credibility, so the more an advocate resolved, the less credible they would look.
 *
 * <p>Audience: the share of the affected community (the conversation's participants and the seeker's direct
 * contacts, the advocate excluded) the advocate has a tie with.
 *
 * <p>Availability: the share of capacity still free. Advocates at capacity are filtered out, never ranked.
 *
 * <p>Activity: how much the advocate responded lately. Each response (the {@link EngagementStats#recentResponses
 * latest ones}) counts {@code exp(-age in days / }{@value #ACTIVITY_DAYS}{@code )}, so one from today counts 1,
 * one from two weeks ago 0.37; the factor is {@code ln(1 + A) / ln(1 + max(A_max, 1))} for the advocate's sum
 * {@code A} and the largest among the advocates considered, as triage scales reach. Whoever has been answering
 * lately is the likeliest to answer now (Li and King, "Routing questions to appropriate answerers in community
 * question answering services", CIKM 2010, estimate an answerer's availability from their recent activity); a
 * logarithm because ten times as active is not ten times as likely; relative to the most active so that the
 * factor does not depend on how busy the program is as a whole, but never to less than one response just now,
 * so that when nobody has responded for weeks the least idle does not count as fully active. It applies when
 * someone considered has responded at all.
 * With topics, the advocates of the {@value #RECENT_ASSIGNMENTS} most recent assignments are candidates besides
 * the experts: recorded expertise is never complete, and someone who answers a lot may answer this too. Without
 * topics they are not, since a request on a person alone asks who is close to that person.
 *
 * <p>Fairness: {@code 1 - exp(-days since last asked / }{@value #FAIRNESS_DAYS}{@code )}; never asked is 1.
 *
 * <p>Work is bounded: one neighbourhood fetch of the seeker's ties, one of the ties of the
 * {@value #MAX_SECOND_HOP} strongest neighbours, one of the candidates' ties; at most {@value #MAX_CANDIDATES}
 * expert candidates are scored in full, besides the advocates of the {@value #RECENT_ASSIGNMENTS} most recent
 * assignments.
 */
public final class GraphAdvocateMatcher implements AdvocateMatcher {
    static final double NARROWER = 0.8;
    static final double BROADER = 0.5;
    static final int MAX_HOPS = 3;
    static final int MAX_SECOND_HOP = 200;
    static final int MAX_CANDIDATES = 500;
    static final double FAIRNESS_DAYS = 7.0;
    /** Days over which a response's weight in activity falls to 1/e: about two weeks, a working cycle. */
    static final double ACTIVITY_DAYS = 14.0;
    /** The activity (one response just now) below which the most active advocate is not scaled up to 1. */
    static final double ACTIVITY_FLOOR = 1.0;
    /** How many of the most recent assignments bring their advocates in as candidates. */
    static final int RECENT_ASSIGNMENTS = 500;

    private final GraphStore store;
    private final PurposeWeights weights;
    private final RoutingPolicy policy;
    private final Clock clock;

    /**
     * @param store   the graph
     * @param weights factor weights, the same for every purpose
     */
    public GraphAdvocateMatcher(GraphStore store, ScoringWeights weights) {
        this(store, PurposeWeights.uniform(weights), RoutingPolicy.NONE, Clock.systemUTC());
    }

    /**
     * @param store   the graph
     * @param weights factor weights per purpose
     * @param policy  the routing policy (program rules, account ownership)
     * @param clock   the time fairness measures from
     */
    public GraphAdvocateMatcher(GraphStore store, PurposeWeights weights, RoutingPolicy policy, Clock clock) {
        this.store = store;
        this.weights = weights;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public MatchResult match(MatchRequest request) {
        List<String> notes = new ArrayList<>();
        Conversation conversation = request.conversationId() == null ? null
                : store.conversation(request.conversationId()).orElseThrow(
                        () -> new NotFoundException("conversationId", "conversation", List.of(request.conversationId())));
        Seeker seeker = resolveSeeker(request, conversation, notes);
        Customer customer = seeker == null ? null : seeker.customer();
        Map<String, String> topicNames = new HashMap<>();
        Map<String, Double> topicWeights = resolveTopics(request, conversation, customer, notes, topicNames);
        Purpose purpose = request.purpose() != null ? request.purpose() : conversation == null ? null : conversation.purpose();
        String language = request.language() != null ? request.language()
                : conversation == null || conversation.language().isEmpty() ? null : conversation.language();
        String channel = request.channel() != null ? request.channel() : conversation == null ? null : conversation.channel();

        Map<String, TopicCredit> credits = expertiseCredits(topicWeights);
        nameTopics(credits.keySet(), topicNames);

        // Candidates: the strongest experts, plus the seeker's direct contacts and account owners.
        ExpertTable expertise = scoreExpertise(topicWeights, credits);
        Set<String> candidates = new LinkedHashSet<>();
        candidates.addAll(expertise.strongest(MAX_CANDIDATES));
        if (expertise.size() > MAX_CANDIDATES) {
            notes.add("scored the " + MAX_CANDIDATES + " strongest of " + expertise.size() + " experts in full");
        }

        if (!topicWeights.isEmpty()) {
            candidates.addAll(recentlyActive());
        }
        Proximity proximity = seeker == null ? null : proximity(seeker, candidates, notes);
        if (proximity != null) {
            candidates.addAll(proximity.direct());
            candidates.addAll(proximity.owners());
        }
        if (seeker != null && candidates.remove(seeker.id())) {
            notes.add("left out " + seeker.id() + ", who is asking");
        }

        List<Employee> employees = store.employees(candidates);
        Map<String, EngagementStats> history = store.engagementOf(candidates);
        Set<String> community = community(conversation, proximity, candidates);
        // Ties of the community's members: each candidate's neighbours among them is what audience counts.
        Map<String, Set<String>> neighbours = community.isEmpty() ? Map.of() : neighbours(community);
        Set<String> owners = proximity == null ? Set.of() : proximity.owners();
        RoutingPolicy.Check rules = policy.check(new RoutingPolicy.Context(purpose, channel, request.programId(), customer, owners));
        Map<String, Integer> excluded = new TreeMap<>();
        List<Eligible> eligible = new ArrayList<>();
        double mostActive = 0;
        for (Employee e : employees) {
            EngagementStats h = history.getOrDefault(e.id(), EngagementStats.none(e.id()));
            String filter = filter(e, purpose, language, h.open());
            if (filter == null) {
                filter = rules.exclude(e);
            }
            if (filter != null) {
                excluded.merge(filter, 1, Integer::sum);
                continue;
            }
            double recent = recentActivity(h);
            eligible.add(new Eligible(e, h, recent));
            mostActive = Math.max(mostActive, recent);
        }
        ScoringWeights w = weights.forPurpose(purpose);
        // Which factors this request can use, in ScoringWeights.FACTORS order, and the weight each gets: 0 if unused.
        boolean[] used = {!topicWeights.isEmpty(), proximity != null, true, !community.isEmpty(), true, mostActive > 0, true};
        double[] weightOf = new double[used.length];
        double weightSum = 0;
        for (int f = 0; f < used.length; f++) {
            weightOf[f] = used[f] ? w.of(ScoringWeights.FACTORS.get(f)) : 0;
            weightSum += weightOf[f];
        }

        // Score every candidate; explain (which costs string formatting) only those returned.
        List<Scored> scored = new ArrayList<>();
        for (Eligible candidate : eligible) {
            Employee e = candidate.employee();
            double exp = expertise.score(e.id());
            ProximityScore prox = proximity != null ? proximity.score(e.id(), false) : ProximityScore.NONE;
            double active = Math.log1p(candidate.recent()) / Math.log1p(Math.max(mostActive, ACTIVITY_FLOOR));
            if (exp == 0 && prox.value() == 0 && active == 0) {
                continue;
            }
            double[] factors = factors(e, candidate.history(), exp, prox.value(), active, community, neighbours, null);
            double score = 0;
            for (int f = 0; f < factors.length; f++) {
                score += weightOf[f] * factors[f];
            }
            scored.add(new Scored(e, candidate.history(), exp, active, round(score / weightSum)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(x -> x.employee().id()));
        List<Match> matches = new ArrayList<>();
        for (Scored x : scored.subList(0, Math.min(request.limit(), scored.size()))) {
            Employee e = x.employee();
            ProximityScore prox = proximity != null ? proximity.score(e.id(), true) : ProximityScore.NONE;
            List<String> reasons = new ArrayList<>(prox.reasons());
            List<Evidence> evidence = evidence(expertise, e.id(), credits);
            for (Evidence ev : evidence) {
                reasons.add(ev.describe(topicNames));
            }
            if (!topicWeights.isEmpty() && x.expertise() == 0) {
                reasons.add("No recorded expertise on the requested topics");
            }
            double[] values = factors(e, x.history(), x.expertise(), prox.value(), x.activity(), community, neighbours,
                    reasons);
            Map<String, Double> factors = new LinkedHashMap<>();
            for (int f = 0; f < values.length; f++) {
                factors.put(ScoringWeights.FACTORS.get(f), round(values[f]));
            }
            matches.add(new Match(e.id(), e.name(), e.title(), e.department(), x.score(), factors, prox.path(), reasons,
                    List.copyOf(e.certifications()), x.history().open(), e.capacity(), coverage(evidence)));
        }
        int considered = scored.size();
        List<Match> top = matches;

        if (top.isEmpty()) {
            notes.add(emptyExplanation(seeker, topicWeights, excluded, proximity));
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("customerId", customer == null ? null : customer.id());
        resolved.put("personId", seeker == null ? null : seeker.id());
        resolved.put("conversationId", conversation == null ? null : conversation.id());
        resolved.put("topics", List.copyOf(topicWeights.keySet()));
        resolved.put("purpose", purpose == null ? null : purpose.key());
        resolved.put("language", language);
        resolved.put("channel", channel);
        resolved.put("programId", request.programId());
        Map<String, Double> usedWeights = new LinkedHashMap<>();
        for (int f = 0; f < weightOf.length; f++) {
            usedWeights.put(ScoringWeights.FACTORS.get(f), weightOf[f]);
        }
        return new MatchResult(top, resolved, considered + excluded.values().stream().mapToInt(Integer::intValue).sum(),
                excluded, notes, usedWeights);
    }

    /** The person seeking help: the request's customer or person, else the conversation's author, else null. */
    private Seeker resolveSeeker(MatchRequest request, Conversation conversation, List<String> notes) {
        if (request.customerId() != null) {
            return store.customer(request.customerId()).map(Seeker::of).orElseThrow(
                    () -> new NotFoundException("customerId", "customer", List.of(request.customerId())));
        }
        if (request.personId() != null) {
            return person(request.personId()).orElseThrow(
                    () -> new NotFoundException("personId", "person", List.of(request.personId())));
        }
        if (conversation != null && conversation.authorId() != null) {
            Optional<Seeker> author = person(conversation.authorId());
            if (author.isEmpty()) {
                notes.add("the conversation's author " + conversation.authorId() + " is not a known person; proximity not used");
            }
            return author.orElse(null);
        }
        return null;
    }

    private Optional<Seeker> person(String id) {
        Optional<Seeker> customer = store.customer(id).map(Seeker::of);
        return customer.isPresent() ? customer : store.employee(id).map(Seeker::of);
    }

    /** The topics to match on, by weight; the names of topics it had to read are put in {@code names}. */
    private Map<String, Double> resolveTopics(MatchRequest request, Conversation conversation, Customer customer,
                                              List<String> notes, Map<String, String> names) {
        Map<String, Double> topics = new LinkedHashMap<>();
        if (!request.topics().isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(request.topics());
            Set<String> found = new HashSet<>();
            for (Topic t : store.topics(wanted)) {
                found.add(t.id());
                names.put(t.id(), t.name());
            }
            List<String> unknown = wanted.stream().filter(t -> !found.contains(t)).toList();
            if (!unknown.isEmpty()) {
                throw new NotFoundException("topics", "topic", unknown);
            }
            wanted.forEach(t -> topics.put(t, 1.0));
            return topics;
        }
        List<WeightedId> source = List.of();
        if (conversation != null) {
            source = store.topicsOf(conversation.id());
            if (source.isEmpty()) {
                notes.add("conversation " + conversation.id() + " has no topics");
            }
        }
        if (source.isEmpty() && customer != null) {
            source = store.interestsOf(customer.id());
            if (!source.isEmpty()) {
                notes.add("no topics given: matched on the customer's interests");
            }
        }
        for (WeightedId w : source) {
            topics.put(w.id(), Math.max(w.weight(), 0.05));
        }
        if (topics.isEmpty()) {
            notes.add("no topics to match on: ranked by relationship to the person seeking help only");
        }
        return topics;
    }

    /** For each topic with expertise that counts: which requested topic it serves, and at what discount. */
    private Map<String, TopicCredit> expertiseCredits(Map<String, Double> requested) {
        Map<String, TopicCredit> credits = new HashMap<>();
        if (requested.isEmpty()) {
            return credits;
        }
        Map<String, Integer> index = new HashMap<>();
        for (String t : requested.keySet()) {
            index.put(t, index.size());
            credits.put(t, new TopicCredit(t, index.get(t), 1.0, Relation.SAME));
        }
        for (SubtopicOf link : store.topicLinks(requested.keySet())) {
            if (requested.containsKey(link.parentId())) {
                credits.putIfAbsent(link.childId(), new TopicCredit(link.parentId(), index.get(link.parentId()), NARROWER,
                        Relation.NARROWER));
            }
            if (requested.containsKey(link.childId())) {
                credits.putIfAbsent(link.parentId(), new TopicCredit(link.childId(), index.get(link.childId()), BROADER,
                        Relation.BROADER));
            }
        }
        return credits;
    }

    /** Adds the names of the given topics that {@code names} does not hold yet, in one read. */
    private void nameTopics(Set<String> ids, Map<String, String> names) {
        Set<String> missing = new HashSet<>(ids);
        missing.removeAll(names.keySet());
        if (missing.isEmpty()) {
            return;
        }
        for (Topic t : store.topics(missing)) {
            names.put(t.id(), t.name());
        }
    }

    /**
     * Scores every expert of the credited topics: their best discounted level for each requested topic, weighted
     * by the topic's weight.
     */
    private ExpertTable scoreExpertise(Map<String, Double> requested, Map<String, TopicCredit> credits) {
        if (credits.isEmpty()) {
            return new ExpertTable(requested.size());
        }
        List<Expertise> rows = store.expertiseIn(credits.keySet());
        ExpertTable table = ExpertTable.forThisThread(requested.size(), rows.size());
        String lastTopic = null;
        TopicCredit credit = null;
        for (Expertise x : rows) {
            // Rows come grouped by topic: look the credit up once per run of a topic.
            if (!x.topicId().equals(lastTopic)) {
                lastTopic = x.topicId();
                credit = credits.get(lastTopic);
            }
            if (credit != null) {
                table.offer(x.employeeId(), credit.index(), x.level() * credit.factor(), x);
            }
        }
        double[] weight = new double[requested.size()];
        double total = 0;
        int i = 0;
        for (double w : requested.values()) {
            weight[i++] = w;
            total += w;
        }
        table.score(weight, total);
        return table;
    }

    /** @return an expert's evidence, strongest first */
    private static List<Evidence> evidence(ExpertTable table, String expert, Map<String, TopicCredit> credits) {
        Expertise[] sources = table.sources(expert);
        if (sources == null) {
            return List.of();
        }
        double[] values = table.values(expert);
        List<Evidence> out = new ArrayList<>();
        for (int t = 0; t < sources.length; t++) {
            if (sources[t] != null) {
                out.add(new Evidence(values[t], sources[t], credits.get(sources[t].topicId())));
            }
        }
        out.sort(Comparator.comparingDouble(Evidence::value).reversed());
        return out;
    }

    /** @return the best discounted level per requested topic the evidence covers */
    private static Map<String, Double> coverage(List<Evidence> evidence) {
        Map<String, Double> covered = new LinkedHashMap<>();
        for (Evidence ev : evidence) {
            covered.put(ev.credit().serves(), round(ev.value()));
        }
        return covered;
    }

    private Proximity proximity(Seeker seeker, Set<String> candidates, List<String> notes) {
        List<Tie> ties = new ArrayList<>(store.tiesOf(List.of(seeker.id())));
        Map<String, Double> direct = new HashMap<>();
        for (Tie t : ties) {
            direct.merge(t.other(seeker.id()), t.strength(), Math::max);
        }
        List<String> secondHop = direct.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SECOND_HOP).map(Map.Entry::getKey).toList();
        if (direct.size() > MAX_SECOND_HOP) {
            notes.add("paths explored through the " + MAX_SECOND_HOP + " strongest of " + direct.size() + " ties of "
                    + seeker.id());
        }
        ties.addAll(store.tiesOf(secondHop));
        // A candidate further out is within three hops only through a tie to someone already reached: keep just
        // those of its ties (the rest would only make the search bigger).
        Set<String> near = new HashSet<>();
        for (Tie t : ties) {
            near.add(t.fromId());
            near.add(t.toId());
        }
        // The account's owners are candidates too, whatever their expertise: find their paths as well.
        List<String> owners = seeker.accountId() == null ? List.of() : store.ownersOf(seeker.accountId());
        Set<String> far = new LinkedHashSet<>(candidates);
        far.addAll(owners);
        far.removeAll(direct.keySet());
        ties.addAll(store.tiesBetween(far, near));
        ProximitySearch search = new ProximitySearch(ties);
        return new Proximity(seeker, search, search.bestPaths(seeker.id(), MAX_HOPS), Set.copyOf(direct.keySet()),
                Set.copyOf(owners));
    }

    /** A candidate's score, before it is explained. */
    private record Scored(Employee employee, EngagementStats history, double expertise, double activity, double score) {
    }

    /**
     * The seven factors of one advocate, in {@link ScoringWeights#FACTORS} order (an array, not a map: scoring asks
     * this of every candidate); with {@code reasons} not null, the reasons of those after proximity are added to it.
     */
    private double[] factors(Employee e, EngagementStats h, double expertise, double proximity, double activity,
                             Set<String> community, Map<String, Set<String>> neighbours, List<String> reasons) {
        double credibility = credibility(e, h, reasons);
        double audience = audience(e.id(), community, neighbours, reasons);
        if (reasons != null) {
            reasons.add("Has capacity: " + h.open() + " of " + e.capacity() + " open assignments");
            describeActivity(h, reasons);
        }
        return new double[] {expertise, proximity, credibility, audience, 1.0 - (double) h.open() / e.capacity(),
                activity, fairness(h, reasons)};
    }

    /** The people a conversation touches: its participants and the customer's direct contacts. */
    private Set<String> community(Conversation conversation, Proximity proximity, Set<String> candidates) {
        Set<String> community = new HashSet<>();
        if (conversation != null) {
            community.addAll(store.participantsOf(conversation.id()));
        }
        if (proximity != null) {
            community.addAll(proximity.direct());
            community.remove(proximity.seeker().id());
        }
        return community;
    }

    private Map<String, Set<String>> neighbours(Set<String> people) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Tie t : store.tiesOf(people)) {
            out.computeIfAbsent(t.fromId(), k -> new HashSet<>()).add(t.toId());
            out.computeIfAbsent(t.toId(), k -> new HashSet<>()).add(t.fromId());
        }
        return out;
    }

    private static double audience(String advocate, Set<String> community, Map<String, Set<String>> neighbours,
                                   List<String> reasons) {
        if (community.isEmpty()) {
            return 0;
        }
        int size = community.size() - (community.contains(advocate) ? 1 : 0);
        if (size == 0) {
            return 0;
        }
        int known = 0;
        for (String n : neighbours.getOrDefault(advocate, Set.of())) {
            if (!n.equals(advocate) && community.contains(n)) {
                known++;
            }
        }
        if (reasons != null && known > 0) {
            reasons.add("Connected to " + known + " of the " + size + " people this conversation touches");
        }
        return (double) known / size;
    }

    private static double credibility(Employee e, EngagementStats h, List<String> reasons) {
        double certified = e.certifications().isEmpty() ? 0 : 1;
        if (reasons != null && certified > 0) {
            reasons.add("Certified: " + String.join(", ", new java.util.TreeSet<>(e.certifications())));
        }
        int rated = h.resolvedRated();
        if (reasons == null) {
            // scored only
        } else if (rated > 0) {
            reasons.add("Ended " + h.resolvedPositive() + " of " + rated + " past assignments with a recorded sentiment"
                    + " on a positive note");
        } else if (h.count(AssignmentStatus.RESOLVED) > 0) {
            reasons.add("Resolved " + h.count(AssignmentStatus.RESOLVED) + " past assignments, none with a recorded sentiment");
        }
        return 0.4 * certified + 0.6 * (h.resolvedPositive() + 1.0) / (rated + 2.0);
    }

    /** The advocates of the most recent assignments they responded to, newest first. */
    private List<String> recentlyActive() {
        Set<String> out = new LinkedHashSet<>();
        for (Assignment a : store.assignments(new AssignmentQuery(null, null, null, RECENT_ASSIGNMENTS))) {
            if (a.status() == AssignmentStatus.RESPONDED || a.status() == AssignmentStatus.RESOLVED) {
                out.add(a.employeeId());
            }
        }
        return List.copyOf(out);
    }

    /** @return the sum over the advocate's recent responses of {@code exp(-age in days / ACTIVITY_DAYS)} */
    private double recentActivity(EngagementStats h) {
        Instant now = clock.instant();
        double sum = 0;
        for (Instant t : h.recentResponses()) {
            double days = Math.max(0, Duration.between(t, now).toMillis() / 86_400_000.0);
            sum += Math.exp(-days / ACTIVITY_DAYS);
        }
        return sum;
    }

    private void describeActivity(EngagementStats h, List<String> reasons) {
        if (h.recentResponses().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays((long) ACTIVITY_DAYS));
        long lately = h.recentResponses().stream().filter(t -> t.isAfter(since) && !t.isAfter(now)).count();
        if (lately > 0) {
            reasons.add("Responded " + lately + (lately == 1 ? " time" : " times") + " in the last "
                    + (long) ACTIVITY_DAYS + " days");
        } else {
            double days = Math.max(0, Duration.between(h.recentResponses().get(0), now).toMinutes() / 1440.0);
            reasons.add(String.format(Locale.ROOT, "Last responded %.0f days ago", days));
        }
    }

    private double fairness(EngagementStats h, List<String> reasons) {
        if (h.lastAskedAt() == null || h.lastAskedAt().isAfter(clock.instant())) {
            if (reasons != null) {
                reasons.add("Not asked before");
            }
            return 1.0;
        }
        double days = Math.max(0, Duration.between(h.lastAskedAt(), clock.instant()).toMinutes() / 1440.0);
        if (reasons != null) {
            reasons.add(String.format(Locale.ROOT, "Last asked %.1f days ago", days));
        }
        return 1 - Math.exp(-days / FAIRNESS_DAYS);
    }

    private static String filter(Employee e, Purpose purpose, String language, int load) {
        if (!e.active()) {
            return "inactive";
        }
        if (!e.optedIn()) {
            return "optedOut";
        }
        if (purpose != null && !e.purposes().contains(purpose)) {
            return "purpose";
        }
        if (!e.speaks(language)) {
            return "language";
        }
        if (load >= e.capacity()) {
            return "atCapacity";
        }
        return null;
    }

    private static String emptyExplanation(Seeker seeker, Map<String, Double> topics, Map<String, Integer> excluded,
                                           Proximity proximity) {
        if (topics.isEmpty() && (proximity == null || proximity.direct().isEmpty())) {
            return seeker == null ? "nothing to match on"
                    : (seeker.customer() != null ? "customer " + seeker.id() + " has no ties and no topic interests"
                    : "employee " + seeker.id() + " has no ties and no topics were given") + ": nothing to match on";
        }
        if (!excluded.isEmpty()) {
            return "every candidate was excluded by a hard filter: " + excluded;
        }
        return "no advocate has expertise on these topics or a connection to the customer";
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private enum Relation { SAME, NARROWER, BROADER }

    /** An advocate past the hard filters, with their record and the sum behind their activity. */
    private record Eligible(Employee employee, EngagementStats history, double recent) {
    }

    /**
     * @param serves the requested topic the expertise counts for
     * @param index  that topic's position among the requested ones
     * @param factor the discount of the expertise's level
     */
    private record TopicCredit(String serves, int index, double factor, Relation relation) {
    }

    private record Evidence(double value, Expertise expertise, TopicCredit credit) {
        String describe(Map<String, String> names) {
            String topic = names.getOrDefault(expertise.topicId(), expertise.topicId());
            String level = String.format(Locale.ROOT, "level %.2f", expertise.level());
            String source = expertise.source().isEmpty() ? "" : ", " + expertise.source();
            return switch (credit.relation()) {
                case SAME -> "Expert in " + topic + " (" + level + source + ")";
                case NARROWER -> "Expert in " + topic + ", part of " + names.getOrDefault(credit.serves(), credit.serves())
                        + " (" + level + source + ")";
                case BROADER -> "Expert in " + topic + ", which covers " + names.getOrDefault(credit.serves(), credit.serves())
                        + " (" + level + source + ")";
            };
        }
    }
}
