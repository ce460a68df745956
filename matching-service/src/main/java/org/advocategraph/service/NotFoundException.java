package org.advocategraph.service;

import java.util.List;

/** A request named ids that do not exist in the graph. Maps to HTTP 404. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final List<String> ids;

    /**
     * @param field the request field or parameter that named the ids
     * @param what  what kind of thing was looked for, for example {@code customer}
     * @param ids   the unknown ids
     */
    public NotFoundException(String field, String what, List<String> ids) {
        super("unknown " + what + (ids.size() == 1 ? " id " : " ids ") + String.join(", ", ids));
        this.field = field;
        this.ids = List.copyOf(ids);
    }

    /** @return the request field or parameter that named the ids */
    public String field() {
        return field;
    }

    /** @return the unknown ids */
    public List<String> ids() {
        return ids;
    }
}
