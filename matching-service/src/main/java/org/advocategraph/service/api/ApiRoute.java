package org.advocategraph.service.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route of the API and the roles allowed on it: the single table that authentication, documentation and
 * the route-by-role tests read.
 *
 * @param method   HTTP method
 * @param path     path, with Javalin's {@code {param}} placeholders
 * @param roles    roles allowed; empty for a public route
 * @param summary  one line for documentation
 * @param request  the request body, or null when the route takes none
 * @param response the name of the schema of a successful answer (see {@link OpenApi}), or null for none
 * @param query    the query parameters
 */
public record ApiRoute(String method, String path, Set<Role> roles, String summary, Body request, String response,
                       List<Param> query) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    public ApiRoute {
        roles = Set.copyOf(roles);
        query = query == null ? List.of() : List.copyOf(query);
    }

    /** A route documented by its summary alone: no body, a JSON object as answer, no query parameters. */
    public ApiRoute(String method, String path, Set<Role> roles, String summary) {
        this(method, path, roles, summary, null, null, List.of());
    }

    /** @return the names of the path's {@code {param}} placeholders, in order */
    public List<String> pathParams() {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * A request body.
     *
     * @param mediaType its media type, for example {@code application/json}
     * @param schema    the name of its schema (see {@link OpenApi})
     */
    public record Body(String mediaType, String schema) {
        /** @return a JSON body of that schema */
        public static Body json(String schema) {
            return new Body("application/json", schema);
        }
    }

    /**
     * A query parameter.
     *
     * @param name        its name
     * @param type        its JSON Schema type: {@code string} or {@code integer}
     * @param description one line for documentation
     */
    public record Param(String name, String type, String description) {
    }
}
