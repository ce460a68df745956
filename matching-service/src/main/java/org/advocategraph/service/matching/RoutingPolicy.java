package org.advocategraph.service.matching;

import java.util.Set;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.Purpose;

/**
 * Rules that keep an advocate out of a match whatever their score: program policies (purposes, channels,
 * required certifications) and account ownership. Applied after the built-in filters (active, opted in, the
 * advocate's own purposes, language, capacity).
 */
public interface RoutingPolicy {
    /** No rules beyond the built-in filters. */
    RoutingPolicy NONE = context -> advocate -> null;

    /**
     * What a request asks, as far as rules care.
     *
     * @param purpose       the purpose, or null
     * @param channel       the channel, or null
     * @param programId     the program the request is made under, or null for any
     * @param customer      the customer, or null
     * @param accountOwners the employees who own the customer's account (empty when none or no customer)
     */
    record Context(Purpose purpose, String channel, String programId, Customer customer, Set<String> accountOwners) {
    }

    /** The rules applied to one request's candidates. */
    @FunctionalInterface
    interface Check {
        /**
         * @return the name of the rule that excludes the advocate (counted in the answer's {@code excluded}), or
         *         null when the advocate may be matched
         */
        String exclude(Employee advocate);
    }

    /** @return the check for one request, which may read what it needs once for all candidates */
    Check check(Context context);
}
