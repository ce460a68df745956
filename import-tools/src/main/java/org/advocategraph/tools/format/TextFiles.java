package org.advocategraph.tools.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens import files: plain or gzipped (by the {@code .gz} ending), decoded as strict UTF-8. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * @param path the file
     * @return a reader that fails with a {@link java.nio.charset.CharacterCodingException} on bytes that are not UTF-8
     */
    public static Reader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        try {
            if (path.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
        } catch (IOException e) {
            in.close();
            throw new FormatException(path.getFileName().toString(), 0, null, "not a gzip file (" + e.getMessage() + ")");
        }
        return new BufferedReader(new StrictUtf8Reader(in), 1 << 16);
    }
}
