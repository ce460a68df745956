package org.advocategraph.service.matching;

import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;

/**
 * The person a match is for: a customer, or an employee with an internal question.
 *
 * @param id        person id
 * @param name      display name
 * @param accountId the customer's account, or null (always null for an employee)
 * @param customer  the customer record, or null when the seeker is an employee
 */
record Seeker(String id, String name, String accountId, Customer customer) {
    static Seeker of(Customer c) {
        return new Seeker(c.id(), c.name(), c.accountId(), c);
    }

    static Seeker of(Employee e) {
        return new Seeker(e.id(), e.name(), null, null);
    }

    /** @return "the customer" or "the colleague", as reasons call them */
    String role() {
        return customer != null ? "the customer" : "the colleague";
    }

    /** @return "the customer Ana" or "the colleague Bo", as reasons name them */
    String describe() {
        return role() + " " + name;
    }
}
