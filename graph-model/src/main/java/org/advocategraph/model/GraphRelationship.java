package org.advocategraph.model;

/** A relationship of the advocate graph, identified by its endpoints (and kind or id where several may exist). */
public sealed interface GraphRelationship extends GraphElement
        permits Expertise, Interest, SubtopicOf, Tie, Participation, About, AccountOwnership, Membership,
        Assignment {
}
