package org.advocategraph.store;

import org.advocategraph.model.Account;
import org.advocategraph.model.Conversation;
import org.advocategraph.model.Customer;
import org.advocategraph.model.Employee;
import org.advocategraph.model.GraphNode;
import org.advocategraph.model.Program;
import org.advocategraph.model.Topic;

/** The kinds of node in the advocate graph, with the label each is stored under. */
public enum NodeKind {
    EMPLOYEE("Employee"), CUSTOMER("Customer"), ACCOUNT("Account"), TOPIC("Topic"),
    CONVERSATION("Conversation"), PROGRAM("Program"),
    /** Either an employee or a customer. */
    PERSON("Person");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /** @return the graph label */
    public String label() {
        return label;
    }

    /** @return the kind of a node record */
    public static NodeKind of(GraphNode node) {
        if (node instanceof Employee) {
            return EMPLOYEE;
        } else if (node instanceof Customer) {
            return CUSTOMER;
        } else if (node instanceof Account) {
            return ACCOUNT;
        } else if (node instanceof Topic) {
            return TOPIC;
        } else if (node instanceof Conversation) {
            return CONVERSATION;
        } else if (node instanceof Program) {
            return PROGRAM;
        }
        throw new IllegalArgumentException("unknown node type " + node.getClass().getName());
    }
}
