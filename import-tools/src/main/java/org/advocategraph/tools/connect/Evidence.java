package org.advocategraph.tools.connect;

/** The small formulas both connectors use to turn counts of evidence into values in 0..1. */
final class Evidence {
    private Evidence() {
    }

    /**
     * {@code e / (e + half)}: 0 without evidence, {@code 0.5} at {@code half}, approaching 1 as evidence grows,
     * never reaching it. Unlike dividing by the largest count in the input, it does not depend on the rest of
     * the data set, so one heavy user does not flatten everybody else.
     *
     * @param evidence non-negative amount of evidence
     * @param half     the evidence that gives 0.5
     */
    static double saturating(double evidence, double half) {
        return evidence <= 0 ? 0 : evidence / (evidence + half);
    }

    /** Rounds a value in 0..1 to six decimals (files stay readable), keeping a positive value positive. */
    static double round(double value) {
        double r = Math.round(value * 1e6) / 1e6;
        return value > 0 && r <= 0 ? 1e-6 : Math.min(1, r);
    }
}
