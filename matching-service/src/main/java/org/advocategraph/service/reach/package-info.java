/** Reach: how many distinct people a set of advocates reaches within a few hops. */
package org.advocategraph.service.reach;
