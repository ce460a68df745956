package org.advocategraph.tools.format;

/**
 * A problem in an import file, located as {@code file:line: column: reason}.
 */
public final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    /**
     * @param file   the file name
     * @param line   1-based line, or 0 when the problem concerns the whole file
     * @param column the column name, or null
     * @param reason what is wrong
     */
    public FormatException(String file, long line, String column, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (column == null ? "" : column + ": ") + reason);
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /** @return the file name */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 */
    public long line() {
        return line;
    }

    /** @return the column, or null */
    public String column() {
        return column;
    }

    /** @return what is wrong */
    public String reason() {
        return reason;
    }
}
