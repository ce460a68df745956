package org.advocategraph.service.policy;

/**
 * The rule of one account. Customers of an account that has owners are routed to an owner only, unless the
 * owners allow others.
 *
 * @param allowOthers true when advocates who do not own the account may be routed to its customers
 */
public record AccountPolicy(boolean allowOthers) {
}
