/** Assigning a queue of conversations at once: optimal (minimum-cost flow) against greedy. */
package org.advocategraph.service.assignment;
