package org.advocategraph.store;

/** What {@link GraphStore#proposeAssignment} did. */
public enum ProposeOutcome {
    /** The assignment was written. */
    CREATED,
    /** Nothing was written: the conversation already has an open (proposed, accepted or responded) assignment. */
    CONVERSATION_BUSY,
    /** Nothing was written: an assignment with this id exists already. */
    ID_TAKEN,
    /** Nothing was written: there is no employee with the assignment's employee id. */
    UNKNOWN_EMPLOYEE,
    /** Nothing was written: there is no conversation with the assignment's conversation id. */
    UNKNOWN_CONVERSATION
}
