/**
 * What advocacy achieved and where trouble brews: engagement outcomes per advocate and program with a leaderboard
 * ({@link org.advocategraph.service.outcomes.EngagementOutcomes}), and alerts for topics whose negative-sentiment
 * volume spikes above their own baseline ({@link org.advocategraph.service.outcomes.BrewingAlerts}).
 */
package org.advocategraph.service.outcomes;
