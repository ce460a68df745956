package org.advocategraph.tools.format;

import java.util.List;
import java.util.Map;

import org.advocategraph.model.GraphElement;
import org.advocategraph.model.InvalidFieldException;

/** Turns the rows under one header into records, reporting problems as {@code file:line: column: reason}. */
public final class RowParser {
    private final ImportFile type;
    private final String file;
    private final Map<String, Integer> columns;
    private final int width;

    RowParser(ImportFile type, String file, Map<String, Integer> columns, int width) {
        this.type = type;
        this.file = file;
        this.columns = columns;
        this.width = width;
    }

    /** @return the file type */
    public ImportFile type() {
        return type;
    }

    /**
     * @param line   the line the row starts on
     * @param values the row's fields
     * @return the record
     * @throws FormatException naming the file, line and column
     */
    public GraphElement parse(long line, List<String> values) {
        if (values.size() != width) {
            throw new FormatException(file, line, null, "expected " + width + " fields as in the header, found " + values.size());
        }
        try {
            return type.parse(new Fields(columns, values));
        } catch (InvalidFieldException e) {
            throw new FormatException(file, line, e.field(), e.reason());
        }
    }
}
