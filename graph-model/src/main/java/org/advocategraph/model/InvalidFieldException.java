package org.advocategraph.model;

/**
 * Thrown when a value handed to a domain record is out of its allowed range or shape.
 * Names the offending field so that an HTTP answer or an import error can point at it.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field  the field or parameter name, as users see it (for example {@code level})
     * @param reason what is wrong, as a sentence fragment (for example {@code must be in 0..1, was 1.5})
     */
    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** @return the name of the offending field */
    public String field() {
        return field;
    }

    /** @return what is wrong with the field, without the field name */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
