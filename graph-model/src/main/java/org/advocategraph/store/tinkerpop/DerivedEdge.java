package org.advocategraph.store.tinkerpop;

import org.advocategraph.store.NodeKind;

/**
 * Edges that mirror a reference held in a node property, so that traversals can follow it. The owner keeps the
 * referenced id in {@link #key}; the edge exists while the referenced node does, whichever was written first.
 */
enum DerivedEdge {
    /** {@code (Customer)-[:BELONGS_TO]->(Account)} from {@code Customer.accountId}. */
    BELONGS_TO(Schema.BELONGS_TO, Schema.CUSTOMER, Schema.ACCOUNT_ID, NodeKind.ACCOUNT, true),
    /** {@code (Person)-[:AUTHORED]->(Conversation)} from {@code Conversation.authorId}. */
    AUTHORED(Schema.AUTHORED, Schema.CONVERSATION, Schema.AUTHOR_ID, NodeKind.PERSON, false),
    /** {@code (Employee)-[:REPORTS_TO]->(Employee)} from {@code Employee.managerId}. */
    REPORTS_TO(Schema.REPORTS_TO, Schema.EMPLOYEE, Schema.MANAGER_ID, NodeKind.EMPLOYEE, true);

    final String label;
    final String ownerLabel;
    final String key;
    final NodeKind target;
    /** True when the edge starts at the owner of the reference, false when it ends there. */
    final boolean ownerIsOut;

    DerivedEdge(String label, String ownerLabel, String key, NodeKind target, boolean ownerIsOut) {
        this.label = label;
        this.ownerLabel = ownerLabel;
        this.key = key;
        this.target = target;
        this.ownerIsOut = ownerIsOut;
    }
}
