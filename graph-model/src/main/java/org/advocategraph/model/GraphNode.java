package org.advocategraph.model;

/** A node of the advocate graph, identified by its external id. */
public sealed interface GraphNode extends GraphElement
        permits Employee, Customer, Account, Topic, Conversation, Program {
    /** @return the external id (a person id is unique across employees and customers) */
    String id();
}
