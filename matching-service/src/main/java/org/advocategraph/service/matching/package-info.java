/** Matching: ranked, explained advocates for a customer, a conversation or a set of topics. */
package org.advocategraph.service.matching;
