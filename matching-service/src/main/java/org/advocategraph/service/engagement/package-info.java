/**
 * Engagement records: assignments of advocates to conversations as a lifecycle ({@link
 * org.advocategraph.service.engagement.AssignmentService}), the events each step emits, and their delivery to a
 * configured webhook ({@link org.advocategraph.service.engagement.WebhookDispatcher}).
 */
package org.advocategraph.service.engagement;
