package org.advocategraph.service.api;

import java.util.Set;

/**
 * One route of the API and the roles allowed on it: the single table that authentication, documentation and
 * the route-by-role tests read.
 *
 * @param method  HTTP method
 * @param path    path, with Javalin's {@code {param}} placeholders
 * @param roles   roles allowed; empty for a public route
 * @param summary one line for documentation
 */
public record ApiRoute(String method, String path, Set<Role> roles, String summary) {
    public ApiRoute {
        roles = Set.copyOf(roles);
    }
}
