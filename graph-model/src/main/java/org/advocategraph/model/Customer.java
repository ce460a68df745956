package org.advocategraph.model;

import java.util.List;

/**
 * A customer or community member ({@code Person:Customer}).
 *
 * @param id        external id, unique among all people
 * @param name      display name
 * @param accountId the account (customer organization) this person belongs to, or null
 * @param segment   segment, for example {@code enterprise}
 * @param region    region
 * @param languages languages, lower-case codes
 * @param handles   social handles, for example {@code @ana}
 * @param followers audience size reported by the source (not counted in reach, which uses ties)
 */
public record Customer(String id, String name, String accountId, String segment, String region,
                       List<String> languages, List<String> handles, long followers) implements GraphNode {
    public Customer {
        id = Checks.id("id", id);
        name = Checks.required("name", name);
        accountId = Checks.optionalId("accountId", accountId);
        segment = Checks.text("segment", segment);
        region = Checks.text("region", region);
        languages = Checks.tags("languages", languages);
        handles = Checks.handles("handles", handles);
        Checks.nonNegative("followers", followers);
    }
}
