package org.advocategraph.service.matching;

import java.util.List;
import java.util.Map;

/**
 * One ranked advocate, with the parts of its score and the reasons a person can read.
 *
 * @param advocateId     the employee's id
 * @param name           the employee's name
 * @param title          job title
 * @param department     department
 * @param score          overall score in 0..1 (a weighted mean of the factors used)
 * @param factors        each factor in 0..1, by name, in {@link ScoringWeights#FACTORS} order
 * @param path           ids from the customer to the advocate along the best short path, empty when not connected
 * @param reasons        human-readable reasons, most important first
 * @param certifications certifications the advocate holds
 * @param openAssignments the advocate's open assignments now
 * @param capacity       the advocate's capacity
 * @param coverage       per requested topic, the advocate's expertise credit on it (0..1, hierarchy included)
 */
public record Match(String advocateId, String name, String title, String department, double score,
                    Map<String, Double> factors, List<String> path, List<String> reasons, List<String> certifications,
                    int openAssignments, int capacity, Map<String, Double> coverage) {
    public Match {
        // Keep the factor order stable in JSON.
        factors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(factors));
        path = List.copyOf(path);
        reasons = List.copyOf(reasons);
        certifications = List.copyOf(certifications);
        coverage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coverage));
    }
}
