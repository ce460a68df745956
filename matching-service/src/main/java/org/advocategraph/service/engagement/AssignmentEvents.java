package org.advocategraph.service.engagement;

/**
 * Where assignment events go once the assignment is committed. Publishing hands the event over and returns at
 * once; it never fails the step that caused it.
 */
@FunctionalInterface
public interface AssignmentEvents {
    /** Drops every event: no webhook is configured. */
    AssignmentEvents NONE = event -> {
    };

    /**
     * Hands an event over for delivery; returns without waiting for it.
     *
     * @param event the event
     */
    void publish(AssignmentEvent event);
}
