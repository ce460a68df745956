package org.advocategraph.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Case-insensitive enum parsing whose failures list the allowed values. */
public final class Enums {
    private Enums() {
    }

    /**
     * @param type  the enum
     * @param field the field or parameter named in the error
     * @param value the text, any case
     * @return the constant whose name is the value, upper-cased
     * @throws InvalidFieldException naming the field, when the value is blank or names no constant (listing them)
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new InvalidFieldException(field, "'" + value + "' is not one of " + allowed);
        }
    }
}
