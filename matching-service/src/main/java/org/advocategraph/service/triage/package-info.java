/** Open conversations ranked by urgency, each with its best advocate. */
package org.advocategraph.service.triage;
