package org.advocategraph.service.matching;

import java.util.EnumMap;
import java.util.Map;

import org.advocategraph.model.Purpose;

/**
 * Scoring weights per purpose: a base, and for some purposes their own weights.
 *
 * <p>Default overrides, each for a stated reason: {@code crisis} puts credibility and availability up (a crisis
 * needs someone proven who can act now) and fairness to zero; {@code sales} puts proximity up (an existing
 * relationship is what sales rely on); {@code marketing} and {@code recruiting} put audience up (reach is their
 * point). Activity weighs 0.20 for every purpose, as in the base.
 *
 * @param base      the weights of purposes without their own, and of requests without a purpose
 * @param overrides weights of particular purposes
 */
public record PurposeWeights(ScoringWeights base, Map<Purpose, ScoringWeights> overrides) {
    /** The defaults described above. */
    public static final PurposeWeights DEFAULT = new PurposeWeights(ScoringWeights.DEFAULT, Map.of(
            Purpose.CRISIS, new ScoringWeights(0.40, 0.20, 0.20, 0.05, 0.15, 0.20, 0.0),
            Purpose.SALES, new ScoringWeights(0.30, 0.40, 0.10, 0.05, 0.10, 0.20, 0.05),
            Purpose.MARKETING, new ScoringWeights(0.35, 0.15, 0.10, 0.25, 0.10, 0.20, 0.05),
            Purpose.RECRUITING, new ScoringWeights(0.35, 0.15, 0.10, 0.25, 0.10, 0.20, 0.05)));

    public PurposeWeights {
        java.util.Objects.requireNonNull(base, "base");
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(overrides));
    }

    /** @return weights that use {@code base} for every purpose */
    public static PurposeWeights uniform(ScoringWeights base) {
        return new PurposeWeights(base, Map.of());
    }

    /** @return the weights for a purpose (null: none given) */
    public ScoringWeights forPurpose(Purpose purpose) {
        return purpose == null ? base : overrides.getOrDefault(purpose, base);
    }
}
