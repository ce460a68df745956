/** Mobilizing a team of advocates for a critical conversation (greedy submodular coverage). */
package org.advocategraph.service.team;
