package org.advocategraph.tools.format;

import java.io.Closeable;

import org.advocategraph.model.GraphElement;

/**
 * Reads the records of one import file, whatever its encoding (CSV or JSON Lines, plain or gzipped).
 *
 * <p>{@link #next()} throws a {@link FormatException} for a bad row and can then be called again to go on with
 * the next row, so that one run reports many problems; after a problem that makes the rest of the file
 * unreadable (a bad header, broken gzip, bytes that are not UTF-8) {@link #broken()} is true and {@code next()}
 * returns null.
 */
public interface RecordSource extends Closeable {

    /**
     * A record and the line it starts on.
     *
     * @param line    1-based line number in the file
     * @param element the record
     */
    record Entry(long line, GraphElement element) {
    }

    /**
     * @return the next record, or null at the end of the file
     * @throws FormatException naming the file, line and column of a bad row
     */
    Entry next();

    /** @return true when the rest of the file cannot be read */
    boolean broken();
}
