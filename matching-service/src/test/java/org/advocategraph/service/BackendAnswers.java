package org.advocategraph.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.Purpose;
import org.advocategraph.service.analytics.ReachAnalytics;
import org.advocategraph.service.api.ApiServer;
import org.advocategraph.service.matching.GraphAdvocateMatcher;
import org.advocategraph.service.matching.MatchRequest;
import org.advocategraph.service.matching.PurposeWeights;
import org.advocategraph.service.outcomes.EngagementOutcomes;
import org.advocategraph.service.policy.AccountPolicy;
import org.advocategraph.service.policy.PolicyBook;
import org.advocategraph.service.policy.ProgramPolicy;
import org.advocategraph.service.triage.Triage;
import org.advocategraph.store.GraphStore;
import org.advocategraph.store.memory.CachedGraphStore;

/**
 * Every answer the backend equivalence test compares, computed over one store as the service computes it (the
 * engines of {@link ApiServer.Engines} over a {@link CachedGraphStore} wrapping the store), each as a JSON tree under
 * the question it answers, in a fixed order.
 *
 * <p>Two kinds of answer: what the store holds ({@link #STORED}: every record type scanned in key order, counts,
 * policy documents), which must be equal exactly, value for value; and what the engines compute from it, whose
 * doubles may differ by {@value #TOLERANCE} (relative beyond 1) and whose timings and ages are left out
 * ({@link #VOLATILE}).
 */
final class BackendAnswers {
    /** How far two computed doubles may be apart: absolute up to 1, relative beyond. */
    static final double TOLERANCE = 1e-9;
    /** Fields that measure this run, not the data: times taken, when and how fast a projection was built. */
    static final Set<String> VOLATILE = Set.of("millis", "tookMs", "computeMillis", "builtAt", "ageSeconds",
            "buildSeconds");
    static final String STORED = "stored: ";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Records per scanned batch: a prime, so that batches end at no round number. */
    private static final int SCAN_BATCH = 97;
    /** GraphML node data that only draws the network (colour, size), derived from what is compared already. */
    private static final Set<String> DRAWING = Set.of("n_r", "n_g", "n_b", "n_size");
    /** GraphML data that are numbers, compared as such. */
    private static final Set<String> MEASURES = Set.of("n_pagerank", "n_degree", "n_betweenness", "n_kcore",
            "e_strength");

    /** The fields that make up the key of a relationship record, in the order they are shown. */
    private static final List<String> KEY_FIELDS = List.of("fromId", "toId", "kind", "employeeId", "customerId",
            "personId", "conversationId", "childId", "parentId", "topicId", "programId", "accountId", "a", "b");

    private final Map<String, JsonNode> answers = new LinkedHashMap<>();

    private BackendAnswers() {
    }

    /** @return the questions, in the order asked */
    Iterable<String> questions() {
        return answers.keySet();
    }

    /** @return how many questions */
    int size() {
        return answers.size();
    }

    /** @return the answer to a question, or null */
    JsonNode get(String question) {
        return answers.get(question);
    }

    /**
     * Wires the engines over the store as the service does and asks every question. Program and account policies are
     * set first, through the API's policy book, so that the routing filters take part.
     *
     * @param store a store holding the dataset; closed by the caller
     * @param data  the dataset, for the ids the questions name
     * @param clock "now" for matching's fairness and activity and for triage
     */
    static BackendAnswers over(GraphStore store, SeededDataset data, Clock clock) {
        BackendAnswers a = new BackendAnswers();
        CachedGraphStore graph = new CachedGraphStore(store);
        PolicyBook policies = new PolicyBook(graph, new ObjectMapper());
        policies.putProgram("p1", new ProgramPolicy(Set.of(Purpose.CARE), Set.of("twitter", "forum"),
                Map.of(Purpose.CARE, Set.of("social-care"))));
        policies.putProgram("p4", new ProgramPolicy(Set.of(Purpose.CRISIS), Set.of(), Map.of()));
        policies.putAccount("a003", new AccountPolicy(false));
        policies.putAccount("a007", new AccountPolicy(true));
        var matcher = new GraphAdvocateMatcher(graph, PurposeWeights.DEFAULT, policies, clock);
        ApiServer.Engines engines = ApiServer.Engines.on(graph, matcher, policies);

        for (Class<? extends GraphElement> type : data.byType.keySet()) {
            List<GraphElement> scanned = new ArrayList<>();
            graph.scan(type, SCAN_BATCH, batch -> scanned.addAll(batch));
            a.stored("scan of " + type.getSimpleName(), () -> scanned);
        }
        a.stored("counts", () -> new TreeMap<>(graph.counts()));
        a.stored("program policies", () -> graph.documents("program-policy"));
        a.stored("account policies", () -> graph.documents("account-policy"));

        List<MatchRequest> requests = requests(data);
        for (int i = 0; i < requests.size(); i++) {
            MatchRequest r = requests.get(i);
            a.computed("match #" + (i + 1) + " " + describe(r), () -> matcher.match(r));
        }

        var influence = engines.influence();
        for (String algorithm : List.of("pagerank", "degree", "betweenness", "kcore")) {
            a.computed("influencers by " + algorithm, () -> influence.influencers(algorithm, 100, false, List.of()));
        }
        a.computed("influencers by pagerank, advocates only",
                () -> influence.influencers("pagerank", 30, true, List.of()));
        List<String> seeds = List.of(data.customerIds.get(3), data.employeeIds.get(10), data.employeeIds.get(140));
        a.computed("influencers by pagerank personalized to " + seeds,
                () -> influence.influencers("pagerank", 30, false, seeds));
        a.computed("communities at resolution 1", () -> influence.communities(1.0, 100, 5));
        a.computed("communities at resolution 0.5", () -> influence.communities(0.5, 20, 3));
        a.computed("every person's community, centralities and ties (GraphML export)",
                () -> exportedNetwork(engines));

        a.computed("gaps by topic", () -> engines.gaps().gaps("topic", 100, 1.0));
        a.computed("gaps by community", () -> engines.gaps().gaps("community", 30, 1.0));

        var reach = engines.reach();
        List<String> advocates = data.employeeIds.subList(20, 32);
        for (int hops = 1; hops <= 3; hops++) {
            int h = hops;
            a.computed("reach of " + advocates.size() + " advocates in " + h + " hops",
                    () -> reach.reach(ReachAnalytics.SeedSource.ADVOCATES, advocates, h));
        }
        a.computed("reach of program p2 in 2 hops", () -> reach.reach(ReachAnalytics.SeedSource.PROGRAM, List.of("p2"), 2));
        a.computed("reach of department sales in 2 hops",
                () -> reach.reach(ReachAnalytics.SeedSource.DEPARTMENT, List.of("sales"), 2));
        a.computed("recruits by coverage, k 8, 1 hop", () -> reach.recruits(8, "coverage", 1, null, 0.1, null));
        a.computed("recruits for program p3 by coverage, k 5, 1 hop", () -> reach.recruits(5, "coverage", 1, "p3", 0.1, null));
        a.computed("recruits by weighted cascade, k 8", () -> reach.recruits(8, "cascade", 2, null, 0.1, null));
        a.computed("recruits for program p2 by uniform cascade 0.05, k 5",
                () -> reach.recruits(5, "cascade", 2, "p2", 0.2, 0.05));

        var outcomes = engines.outcomes();
        Instant from = SeededDataset.START;
        Instant to = SeededDataset.NOW;
        a.computed("engagement by advocate", () -> outcomes.report(new EngagementOutcomes.Query(
                EngagementOutcomes.GroupBy.ADVOCATE, from, to, null, null, 100, 2, EngagementOutcomes.Bucket.WEEK)));
        a.computed("engagement by program", () -> outcomes.report(new EngagementOutcomes.Query(
                EngagementOutcomes.GroupBy.PROGRAM, from, to, null, EngagementOutcomes.Sort.ASSIGNMENTS, 10, 1, null)));
        a.computed("triage", () -> new Triage(graph, matcher, clock).rank(25, true));
        for (String v : List.of(data.conversationIds.get(0), data.conversationIds.get(41), data.conversationIds.get(99))) {
            a.computed("team for " + v, () -> engines.teams().mobilize(v, 4));
        }
        return a;
    }

    /**
     * A few dozen requests: customers alone (matched on their interests), conversations alone, customers with topics
     * under every purpose, topics with a language and channel, each program, employees asking colleagues, and the
     * largest limit.
     */
    static List<MatchRequest> requests(SeededDataset data) {
        Random random = new Random(61);
        List<MatchRequest> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(new MatchRequest(data.customerIds.get(i * 21), null, List.of(), null, null, null, 10));
        }
        for (int i = 0; i < 8; i++) {
            out.add(new MatchRequest(null, data.conversationIds.get(i * 19), List.of(), null, null, null, 10));
        }
        for (Purpose p : Purpose.values()) {
            out.add(new MatchRequest(pick(random, data.customerIds), null, topics(random, data, 2), p, null, null, 15));
        }
        String[] channels = {"twitter", "forum", "email", "linkedin", "twitter"};
        String[] languages = {"en", "de", "fr", "ja", "es"};
        for (int i = 0; i < channels.length; i++) {
            out.add(new MatchRequest(null, null, topics(random, data, 1 + i % 3), Purpose.values()[i], channels[i],
                    languages[i], 20));
        }
        Purpose[] programPurposes = {Purpose.CARE, Purpose.MARKETING, Purpose.SALES, Purpose.CRISIS};
        for (int i = 0; i < data.programIds.size(); i++) {
            out.add(new MatchRequest(pick(random, data.customerIds), null, topics(random, data, 1), programPurposes[i],
                    "twitter", null, 10, data.programIds.get(i)));
        }
        for (int i = 0; i < 3; i++) {
            out.add(new MatchRequest(null, null, topics(random, data, 2), null, null, null, 10, null,
                    data.employeeIds.get(5 + i * 60)));
        }
        out.add(new MatchRequest(data.customerIds.get(7), data.conversationIds.get(3), List.of(), Purpose.CARE, null,
                null, 10));
        out.add(new MatchRequest(null, data.conversationIds.get(130), List.of(), null, "email", null, 5));
        out.add(new MatchRequest(null, null, data.topicIds.subList(0, 12), null, null, null, MatchRequest.MAX_LIMIT));
        out.add(new MatchRequest(data.customerIds.get(1), null, List.of(), Purpose.SALES, null, null, MatchRequest.MAX_LIMIT));
        // the customers of account a003, whose owners alone may answer them, and of a007, which lets anyone
        out.add(new MatchRequest(customerOf(data, "a003"), null, List.of(), Purpose.SALES, null, null, 10));
        out.add(new MatchRequest(customerOf(data, "a007"), null, List.of(), Purpose.SALES, null, null, 10));
        out.add(new MatchRequest(null, null, List.of("no-such-topic"), null, null, null, 10));
        return out;
    }

    private static String customerOf(SeededDataset data, String account) {
        return data.byType.get(org.advocategraph.model.Customer.class).stream()
                .map(e -> (org.advocategraph.model.Customer) e).filter(c -> account.equals(c.accountId()))
                .map(org.advocategraph.model.Customer::id).sorted().findFirst().orElseThrow();
    }

    private static List<String> topics(Random random, SeededDataset data, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            String t = pick(random, data.topicIds);
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String describe(MatchRequest r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("customerId", r.customerId());
        d.put("personId", r.personId());
        d.put("conversationId", r.conversationId());
        d.put("topics", r.topics().isEmpty() ? null : r.topics());
        d.put("purpose", r.purpose() == null ? null : r.purpose().key());
        d.put("channel", r.channel());
        d.put("language", r.language());
        d.put("programId", r.programId());
        d.put("limit", r.limit());
        d.values().removeIf(v -> v == null);
        return d.toString();
    }

    /**
     * The network export (GraphML, every measure and the communities) read back per person and per tie: the whole
     * partition, not only the communities listed, and every person's centralities. Communities are named by their
     * smallest member's id, so that two equal partitions compare equal however their communities are numbered.
     */
    private static Map<String, Object> exportedNetwork(ApiServer.Engines engines) throws Exception {
        var export = engines.export();
        var request = export.request("graphml", List.of("community", "pagerank", "degree", "betweenness", "kcore"),
                null, 1.0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.prepare(request).writeTo(out);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        Map<String, Map<String, Object>> people = new TreeMap<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "node");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            people.put(n.getAttribute("id"), data(n));
        }
        Map<String, String> representative = new HashMap<>();
        people.forEach((id, d) -> representative.merge((String) d.get("n_community"), id,
                (x, y) -> x.compareTo(y) <= 0 ? x : y));
        people.values().forEach(d -> d.put("n_community", representative.get((String) d.get("n_community"))));
        Map<String, Map<String, Object>> ties = new TreeMap<>();
        NodeList edges = doc.getElementsByTagNameNS("*", "edge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            String key = e.getAttribute("source") + " -> " + e.getAttribute("target");
            if (ties.put(key, data(e)) != null) {
                throw new IllegalStateException("two edges " + key + " in the export");
            }
        }
        Map<String, Object> network = new LinkedHashMap<>();
        network.put("people", people);
        network.put("ties", ties);
        return network;
    }

    /** @return an element's GraphML data by key, numbers parsed, drawing data left out */
    private static Map<String, Object> data(Element element) {
        Map<String, Object> out = new TreeMap<>();
        NodeList data = element.getElementsByTagNameNS("*", "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            String key = d.getAttribute("key");
            if (DRAWING.contains(key)) {
                continue;
            }
            String text = d.getTextContent();
            out.put(key, MEASURES.contains(key) ? (Object) Double.parseDouble(text) : text);
        }
        return out;
    }

    /** An answer that must be equal exactly. */
    private void stored(String question, Supplier<?> answer) {
        answers.put(STORED + question, tree(answer));
    }

    /** Computes an answer; an exception is an answer too (its type and message), which must be the same everywhere. */
    private void computed(String question, ThrowingSupplier answer) {
        answers.put(question, tree(() -> {
            try {
                return answer.get();
            } catch (Exception e) {
                Map<String, String> failure = new LinkedHashMap<>();
                failure.put("exception", e.getClass().getName());
                failure.put("message", e.getMessage());
                return failure;
            }
        }));
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    private static JsonNode tree(Supplier<?> answer) {
        return JSON.valueToTree(answer.get());
    }

    /** @return true when the question's answer must be equal exactly */
    static boolean exact(String question) {
        return question.startsWith(STORED);
    }

    /**
     * @param expected the reference answer
     * @param actual   another backend's answer
     * @param exact    false to let doubles differ by {@link #TOLERANCE} and to skip {@link #VOLATILE} fields
     * @return where they first differ, with both values, or empty when they agree
     */
    static Optional<String> firstDifference(JsonNode expected, JsonNode actual, boolean exact) {
        return difference("", expected, actual, exact);
    }

    private static Optional<String> difference(String path, JsonNode x, JsonNode y, boolean exact) {
        String at = path.isEmpty() ? "the whole answer" : path;
        if (x == null || y == null) {
            return x == y ? Optional.empty() : Optional.of(at + ": " + show(x) + " vs " + show(y));
        }
        if (x.isNumber() && y.isNumber()) {
            boolean integral = x.isIntegralNumber() && y.isIntegralNumber();
            boolean same = integral ? x.bigIntegerValue().equals(y.bigIntegerValue())
                    : exact ? Double.compare(x.doubleValue(), y.doubleValue()) == 0 : close(x.doubleValue(), y.doubleValue());
            return same ? Optional.empty() : Optional.of(at + ": " + show(x) + " vs " + show(y)
                    + (integral ? "" : " (apart by " + Math.abs(x.doubleValue() - y.doubleValue()) + ")"));
        }
        if (x.getNodeType() != y.getNodeType()) {
            return Optional.of(at + ": " + show(x) + " vs " + show(y));
        }
        if (x.isObject()) {
            for (Iterator<String> names = x.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!exact && VOLATILE.contains(name)) {
                    continue;
                }
                if (!y.has(name)) {
                    return Optional.of(path + "." + name + ": " + show(x.get(name)) + " vs absent");
                }
                Optional<String> d = difference(path + "." + name, x.get(name), y.get(name), exact);
                if (d.isPresent()) {
                    return d;
                }
            }
            for (Iterator<String> names = y.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!x.has(name) && (exact || !VOLATILE.contains(name))) {
                    return Optional.of(path + "." + name + ": absent vs " + show(y.get(name)));
                }
            }
            return Optional.empty();
        }
        if (x.isArray()) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                Optional<String> d = difference(path + "[" + i + "]" + label(x.get(i)), x.get(i), y.get(i), exact);
                if (d.isPresent()) {
                    return d;
                }
            }
            return x.size() == y.size() ? Optional.empty()
                    : Optional.of(at + ": " + x.size() + " items vs " + y.size() + (x.size() > y.size()
                    ? ", first missing " + show(x.get(y.size())) : ", first extra " + show(y.get(x.size()))));
        }
        return x.equals(y) ? Optional.empty() : Optional.of(at + ": " + show(x) + " vs " + show(y));
    }

    private static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) && Double.isNaN(b);
        }
        return a == b || Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** @return an array item's key in braces, when it has one, so that a message names the item and not only its place */
    private static String label(JsonNode item) {
        if (item == null || !item.isObject()) {
            return "";
        }
        for (String key : List.of("advocateId", "id")) {
            if (item.path(key).isValueNode()) {
                return "{" + item.get(key).asText() + "}";
            }
        }
        List<String> parts = new ArrayList<>();
        for (String key : KEY_FIELDS) {
            if (item.path(key).isTextual()) {
                parts.add(item.get(key).asText());
            }
        }
        return parts.isEmpty() ? "" : "{" + String.join(" ", parts) + "}";
    }

    private static String show(JsonNode n) {
        if (n == null) {
            return "absent";
        }
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
