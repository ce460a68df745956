package org.advocategraph.tools.generate;

/**
 * What {@link DatasetGenerator} should produce.
 *
 * @param seed          seed of every random choice: the same spec always gives byte-identical files
 * @param people        number of people (employees and customers), 10 .. 2,000,000
 * @param employeeShare share of the people who are employees, strictly between 0 and 1
 * @param meanDegree    target mean number of ties per person, counting every tie at both of its ends
 *                      (so the dataset has about {@code people * meanDegree / 2} ties), 1 .. 200
 */
public record GeneratorSpec(long seed, int people, double employeeShare, double meanDegree) {
    /** Fewest people: below this the departments, communities and programs have nobody to fill them. */
    public static final int MIN_PEOPLE = 10;
    /** Most people: the generator keeps per-person state in arrays and packs person pairs into longs. */
    public static final int MAX_PEOPLE = 2_000_000;
    /** Highest mean degree: beyond it the ties of small datasets cannot be placed without repeating pairs. */
    public static final double MAX_MEAN_DEGREE = 200;

    public GeneratorSpec {
        if (people < MIN_PEOPLE || people > MAX_PEOPLE) {
            throw new IllegalArgumentException("people: must be in " + MIN_PEOPLE + ".." + MAX_PEOPLE + ", was " + people);
        }
        if (!(employeeShare > 0 && employeeShare < 1)) {
            throw new IllegalArgumentException("employeeShare: must be strictly between 0 and 1, was " + employeeShare);
        }
        if (!(meanDegree >= 1 && meanDegree <= MAX_MEAN_DEGREE)) {
            throw new IllegalArgumentException("meanDegree: must be in 1.." + (int) MAX_MEAN_DEGREE + ", was " + meanDegree);
        }
    }

    /**
     * A spec with the usual shape: 30% employees and a mean degree of 10.
     *
     * @param seed   the seed
     * @param people number of people
     * @return the spec
     */
    public static GeneratorSpec of(long seed, int people) {
        return new GeneratorSpec(seed, people, 0.3, 10);
    }

    /** @return number of employees: the rounded share, at least one, and at least one customer left over */
    int employees() {
        long e = Math.round(people * employeeShare);
        return (int) Math.max(1, Math.min(people - 1L, e));
    }

    /** @return number of customers */
    int customers() {
        return people - employees();
    }
}
