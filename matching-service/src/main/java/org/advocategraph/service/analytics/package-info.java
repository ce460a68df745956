/**
 * Influence analytics over an in-memory projection of the people-and-ties graph ({@link
 * org.advocategraph.service.analytics.PeopleGraph}): centrality and communities.
 */
package org.advocategraph.service.analytics;
