package org.advocategraph.tools.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Records of a CSV import file: a header row naming the columns, then one record per row. */
final class CsvRecordSource implements RecordSource {
    private final CsvReader reader;
    private final ImportFile type;
    private final String name;
    private RowParser parser;
    private boolean broken;

    CsvRecordSource(ImportFile type, Path path) throws IOException {
        this.type = type;
        this.name = path.getFileName().toString();
        this.reader = new CsvReader(TextFiles.open(path), name);
    }

    @Override
    public Entry next() {
        if (broken) {
            return null;
        }
        CsvReader.Row row;
        try {
            if (parser == null) {
                CsvReader.Row header = reader.next();
                if (header == null) {
                    throw new FormatException(name, 1, null, "the file is empty; it needs at least a header row: "
                            + String.join(",", type.requiredColumns()));
                }
                parser = type.header(name, header.line(), header.fields());
            }
            do {
                row = reader.next();
            } while (row != null && row.fields().size() == 1 && row.fields().get(0).isEmpty()); // blank lines
        } catch (FormatException e) {
            // The header, the CSV structure, the encoding or the compression is wrong: the rest cannot be trusted.
            broken = true;
            throw e;
        } catch (IOException | UncheckedIOException e) {
            broken = true;
            throw new FormatException(name, 0, null, "cannot read: " + e.getMessage());
        }
        // A row whose values are wrong leaves the reader at the next row, so reading can go on.
        return row == null ? null : new Entry(row.line(), parser.parse(row.line(), row.fields()));
    }

    @Override
    public boolean broken() {
        return broken;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
