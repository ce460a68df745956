package org.advocategraph.service.matching;

import java.util.LinkedHashMap;
import java.util.Map;

import org.advocategraph.model.InvalidFieldException;

/**
 * How much each factor counts in a match score. The score is the weighted mean of the factors that apply to a
 * request: proximity only applies when there is a customer, expertise only when there are topics.
 *
 * @param expertise    weight of topic expertise
 * @param proximity    weight of relationship proximity to the customer
 * @param availability weight of free capacity
 */
public record ScoringWeights(double expertise, double proximity, double availability) {
    /**
     * Defaults: expertise leads because a wrong answer costs trust, proximity is next because people trust
     * people they know, and availability breaks ties between similar advocates so that load spreads.
     */
    public static final ScoringWeights DEFAULT = new ScoringWeights(0.55, 0.30, 0.15);

    public ScoringWeights {
        check("expertise", expertise);
        check("proximity", proximity);
        check("availability", availability);
        if (expertise + proximity + availability <= 0) {
            throw new InvalidFieldException("weights", "at least one weight must be positive");
        }
    }

    /** @return the weights by factor name */
    public Map<String, Double> asMap() {
        var m = new LinkedHashMap<String, Double>();
        m.put("expertise", expertise);
        m.put("proximity", proximity);
        m.put("availability", availability);
        return m;
    }

    private static void check(String name, double w) {
        if (!(w >= 0 && w <= 1)) {
            throw new InvalidFieldException("weights." + name, "must be in 0..1, was " + w);
        }
    }
}
