package org.advocategraph.tools.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.advocategraph.tools.format.ImportFile;

/**
 * Writes a synthetic employee-advocacy dataset in the import format: one CSV file per {@link ImportFile}, with
 * its header, every row built through the domain records (so valid by construction). The output is a pure
 * function of the {@link GeneratorSpec}: one {@link SplittableRandom} stream per concern, split from the seed in
 * a fixed order; fixed iteration orders; no hash-order leaks; every date relative to {@link #REFERENCE}, never
 * the clock. Memory is a few dozen bytes per person in primitive arrays; rows are streamed, and ties are
 * generated pair by pair without being held.
 *
 * <h2>Model</h2>
 * <ul>
 * <li><b>People</b>: {@code round(people * employeeShare)} employees {@code e000001..}, the rest customers
 * {@code c000001..}; ids are zero-padded to at least six digits. Each person has a fitness drawn from a Pareto
 * law with density exponent 2.5 and mean 1 (capped at {@code max(10, sqrt(people) / 2)}): the expected degree
 * is proportional to it, which gives the power-law degree tail of social networks (exponents 2..3: Clauset,
 * Shalizi and Newman 2009, "Power-law distributions in empirical data").</li>
 * <li><b>Communities</b>: sizes from a power law with exponent 1.5 between {@code max(20, 3 * meanDegree)} and
 * {@code people / 8}, as in the LFR benchmark (Lancichinetti, Fortunato and Radicchi 2008). Each has a home
 * department, region and topic root; 70% of employees join a community of their department; 75% of members live
 * in its home region.</li>
 * <li><b>Employees</b>: departments engineering 30%, support 20%, sales 15%, marketing 10%, product 8%,
 * finance 7%, hr 5%, legal 5%; a reporting tree per department (span of control 4..10; VP, directors,
 * managers, individual contributors); regions na 40%, emea 30%, apac 20%, latam 10%; English plus, for half,
 * a language of the region; certifications and purposes by department (support: social-care and care; sales:
 * social-selling and sales; hr: recruiting; marketing: brand-voice and crisis-comms, ...); capacity 1..10
 * (mode 3; support more, managers less); 95% active; opted in 75% when certified, else 45% (about 60%).</li>
 * <li><b>Topics</b>: about {@code 40 * (people / 1000)^0.3} (at least 24): 12 roots, named children
 * ({@code kubernetes}, {@code invoices}, ...) and numbered ones beyond the vocabulary ({@code cloud-3}), all
 * children of a root (subtopics.csv). Popularity is Zipf with exponent 1.1 (Zipf 1949; Adamic and Huberman
 * 2002, "Zipf's law and the Internet") over a random ranking in which named topics come first. Departments
 * have root affinities (engineering: cloud, devops, ...; hr: careers, brand).</li>
 * <li><b>Expertise</b>: 1..5 topics per employee, 70% from the department's roots, by popularity; level
 * Beta(2,3) for the first, Beta(2,5) for the others, Beta(6,2) for 5% authorities; source self, manager or
 * answers (answers more often for high levels).</li>
 * <li><b>Customers and accounts</b>: 80% of customers belong to an account of their community; account sizes
 * follow Zipf's law for firm sizes (Axtell 2001, "Zipf distribution of U.S. firm sizes"), {@code P(size >= k)
 * = 1/k}, truncated at 1000; segment enterprise (25+), mid-market (5+), smb, or community without account; 12
 * industries; one owner from the active sales staff of the account's region (two for 20%). First language by
 * region (emea: en, de, fr, es, it, nl; apac: en, ja, zh, ko, hi; latam: es, pt; na: en, es, fr), English
 * added for 70% of the others; handles; followers log-normal (median 150, sigma 1.3) times fitness^0.8, heavy
 * tailed as measured on Twitter (Kwak et al. 2010). Interests: 1..5, 60% from the community's root, weights
 * 0.2..1 with the first the strongest.</li>
 * <li><b>Ties</b> (see {@link SocialGraph}): {@code round(people * meanDegree / 2)} in all, so the mean number
 * of ties per person, counting a tie at both ends, is meanDegree. Degree-corrected stochastic block model
 * (Karrer and Newman 2011) realised as Chung–Lu graphs (Chung and Lu 2002) generated with the O(n + m)
 * algorithm of Miller and Hagberg (2011): 80% inside communities, 20% across. Kinds colleague, knows, follows
 * and interacted by the endpoints; strength by kind (manager 0.7..1, colleague 0.45..0.9, knows 0.2..0.9,
 * follows 0.05..0.35, interacted 0.25 and up with repeated interaction); {@code since} exponentially distributed
 * in the years before the reference (the conversation time for interacted).</li>
 * <li><b>Conversations</b>: {@code people / 2}, in the 90 days before {@link #REFERENCE}, weekly and daily rhythm,
 * by customers chosen by fitness; 1..3 topics (85% of first topics from the author's interests); purpose from
 * the topic root (billing: care or sales; careers: recruiting; brand: marketing; 5% unclassified); channel by
 * segment (enterprise: e-mail; community: twitter and forums); the author's first language; sentiment a mix of
 * a negative mode (-0.55) and a purpose-specific positive mode, so complaints form a negative tail; done
 * (resolved 80%, closed 20%) with probability {@code min(0.97, 1 - exp(-age / 2.5 days))}; authorReach = the
 * author's followers. Participants: a geometric number (mean 1.6) of members of the author's community by
 * fitness, plus the responding advocate; each participant gets an interacted tie to the author.</li>
 * <li><b>Programs</b>: 3..6 (Care Voices, Product Ninjas, Talent Ambassadors, then Brand Champions, Social
 * Sellers, Crisis Response Corps); members are active opted-in employees with the program's certification.</li>
 * <li><b>Assignments</b> ({@code s000001..}): 65% of resolved conversations have a history (10% first declined
 * by someone else), resolved by an expert on the conversation's topics chosen by level, language and purpose,
 * assigned a log-normal median 1.5 h after the post and answered a median 2.5 h later (log-normal service
 * times: Brown et al. 2005, "Statistical analysis of a telephone call center"), with an outcome and a
 * sentiment after the response that is usually higher (+0.35 on average); a quarter of closed conversations
 * have a declined assignment; 55% of open conversations have an open one (proposed, accepted or responded) to
 * an eligible expert who still has capacity: nobody has more open assignments than their capacity.</li>
 * </ul>
 *
 * <p>Cost: O(people + rows) time, plus O(people log people) for sorting by fitness; about 100 bytes of heap per
 * person.
 */
public final class DatasetGenerator {
    /** The instant the dataset describes: conversations fall in the 90 days before it. */
    public static final Instant REFERENCE = Instant.parse("2026-01-01T00:00:00Z");

    private final GeneratorSpec spec;

    /** @param spec what to generate */
    public DatasetGenerator(GeneratorSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    /**
     * Writes every import file into {@code dir}, replacing files of the same names.
     *
     * @param dir the directory, created when missing
     * @return the rows written per file
     * @throws UncheckedIOException when the directory or a file cannot be written
     */
    public GenerationSummary writeTo(Path dir) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        // one stream per concern, split in a fixed order: changing one model leaves the others' draws alone
        SplittableRandom seed = new SplittableRandom(spec.seed());
        SplittableRandom topicRandom = seed.split();
        SplittableRandom populationRandom = seed.split();
        SplittableRandom workforceRandom = seed.split();
        SplittableRandom customerRandom = seed.split();
        SplittableRandom programRandom = seed.split();
        SplittableRandom nameRandom = seed.split();
        SplittableRandom conversationRandom = seed.split();
        SplittableRandom tieRandom = seed.split();

        TopicCatalog topics = TopicCatalog.build(topicRandom, spec.people());
        Population population = new Population(spec, topics, populationRandom);
        Workforce workforce = new Workforce(population, topics, workforceRandom);
        CustomerBase customers = new CustomerBase(population, workforce, topics, customerRandom);
        long tieBudget = Math.round(spec.people() * spec.meanDegree() / 2);
        // interacted ties take at most a fifth of the budget, so that the social graph keeps its shape
        double interact = Math.min(0.8, 0.2 * tieBudget
                / (Conversations.EXPECTED_INTERACTIONS * Conversations.countFor(spec.people())));
        Map<String, Long> rows;
        try (Sinks sinks = Sinks.open(dir)) {
            topics.write(sinks);
            Programs.write(sinks, population, workforce, REFERENCE, programRandom);
            workforce.write(sinks, topics, nameRandom);
            customers.write(sinks, topics, nameRandom);
            Conversations conversations = new Conversations(population, workforce, customers, topics, REFERENCE, interact,
                    conversationRandom);
            conversations.write(sinks, conversationRandom);
            new SocialGraph(population, workforce, customers, conversations, REFERENCE).write(sinks, tieBudget, tieRandom);
            rows = sinks.rowsPerFile();
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        return new GenerationSummary(rows, total, Duration.ofNanos(System.nanoTime() - started));
    }
}
