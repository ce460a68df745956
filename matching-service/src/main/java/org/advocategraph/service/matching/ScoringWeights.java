package org.advocategraph.service.matching;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.model.InvalidFieldException;

/**
 * How much each factor counts in a match score. The score is the weighted mean of the factors that apply to a
 * request: proximity only when there is a customer, expertise only when there are topics, audience only when
 * there is a community to reach (a conversation's participants, the customer's contacts).
 *
 * @param expertise    topic expertise, by level and evidence, through the topic hierarchy
 * @param proximity    relationship to the customer: paths, shared connections, account ownership
 * @param credibility  certification and how the advocate's past assignments ended
 * @param audience     how much of the affected community the advocate is connected to
 * @param availability free capacity
 * @param activity     how much the advocate responded lately, relative to the most active candidate
 * @param fairness     time since the advocate was last asked, so the same few are not asked every time
 */
public record ScoringWeights(double expertise, double proximity, double credibility, double audience,
                             double availability, double activity, double fairness) {
    /**
     * Defaults. Expertise leads because a wrong answer costs trust; proximity is next because people trust people
     * they know; activity follows, because whoever has been responding lately is the one likely to respond now
     * (knowledge and relationships still come first, so it weighs half of expertise and less than proximity);
     * audience and credibility refine among the able and connected; availability and fairness break ties so that
     * load spreads. Activity's weight was chosen on the Stack Exchange {@code beer} dump, where any weight from
     * 0.1 to 0.3 beat both baselines and more was better, capped below proximity for the reason above, and checked
     * on {@code matheducators} (README, Routing quality); the other weights predate that evaluation, and
     * availability and fairness are policy, not measurement.
     */
    public static final ScoringWeights DEFAULT = new ScoringWeights(0.40, 0.25, 0.10, 0.10, 0.10, 0.20, 0.05);

    /** The factor names, in the order answers list them. */
    public static final java.util.List<String> FACTORS = java.util.List.of("expertise", "proximity", "credibility",
            "audience", "availability", "activity", "fairness");

    public ScoringWeights {
        check("expertise", expertise);
        check("proximity", proximity);
        check("credibility", credibility);
        check("audience", audience);
        check("availability", availability);
        check("activity", activity);
        check("fairness", fairness);
        if (expertise + proximity + credibility + audience + availability + activity + fairness <= 0) {
            throw new InvalidFieldException("weights", "at least one weight must be positive");
        }
    }

    /** @return the weights by factor name, in {@link #FACTORS} order */
    public Map<String, Double> asMap() {
        var m = new LinkedHashMap<String, Double>();
        m.put("expertise", expertise);
        m.put("proximity", proximity);
        m.put("credibility", credibility);
        m.put("audience", audience);
        m.put("availability", availability);
        m.put("activity", activity);
        m.put("fairness", fairness);
        return m;
    }

    /** @return the weight of a factor named as in {@link #FACTORS} */
    public double of(String factor) {
        // A switch, not asMap(): scoring asks for every factor of every candidate.
        return switch (factor) {
            case "expertise" -> expertise;
            case "proximity" -> proximity;
            case "credibility" -> credibility;
            case "audience" -> audience;
            case "availability" -> availability;
            case "activity" -> activity;
            case "fairness" -> fairness;
            default -> throw new IllegalArgumentException("unknown factor " + factor);
        };
    }

    /**
     * Parses {@code expertise=0.5,proximity=0.3,...}; factors not named keep their value in {@code base}.
     *
     * @param field names the setting in error messages
     * @param text  the weights
     * @param base  the weights the text changes
     * @return the weights
     * @throws InvalidFieldException naming the field and the factor when the text is wrong
     */
    public static ScoringWeights parse(String field, String text, ScoringWeights base) {
        Map<String, Double> m = base.asMap();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !m.containsKey(name)) {
                throw new InvalidFieldException(field, "expected factor=weight with a factor among " + FACTORS + ", got '" + part.trim() + "'");
            }
            try {
                m.put(name, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(field, "the weight of " + name + " is not a number: '" + kv[1].trim() + "'");
            }
        }
        return new ScoringWeights(m.get("expertise"), m.get("proximity"), m.get("credibility"), m.get("audience"),
                m.get("availability"), m.get("activity"), m.get("fairness"));
    }

    private static void check(String name, double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new InvalidFieldException("weights." + name, "must be in 0..1, was " + w);
        }
    }
}
