/**
 * Routing policies as data: per program (purposes governed, channels, required certifications) and per account
 * (whether owners allow others), kept in the graph and applied by the matching engine.
 */
package org.advocategraph.service.policy;
