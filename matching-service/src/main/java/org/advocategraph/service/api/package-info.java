/** The HTTP API: routes, API-key authentication, JSON and RFC 7807 problem answers. */
package org.advocategraph.service.api;
