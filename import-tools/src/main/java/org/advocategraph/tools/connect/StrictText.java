package org.advocategraph.tools.connect;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.advocategraph.tools.format.FormatException;

/**
 * A strict UTF-8 reader over a plain or gzipped ({@code .gz}) file that knows where it failed.
 *
 * <p>{@link java.io.InputStreamReader} drops the characters decoded before a malformed byte and fails for the
 * whole buffer, so the line of the bad byte is lost; this reader hands on every character before it and fails
 * on the next read, so {@link #line()} is then the line of the bad byte. It also remembers the first read
 * failure ({@link #failure()}), because some parsers (the JDK's StAX among them) report a failing stream as a
 * premature end of the document rather than passing the cause on. A leading byte order mark is dropped.
 */
final class StrictText extends Reader {
    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private long newlines;
    private boolean started;
    private boolean eof;
    private boolean done;
    private IOException pending;
    private IOException failure;

    private StrictText(InputStream in) {
        this.in = in;
    }

    /**
     * @throws FormatException when the file cannot be opened or a {@code .gz} file is not gzip
     */
    static StrictText open(Path path) {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (IOException e) {
            throw new FormatException(path.toString(), 0, null, "cannot read: " + e);
        }
        if (path.getFileName().toString().endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, BUFFER);
            } catch (ZipException | EOFException e) {
                closeQuietly(in);
                throw new FormatException(path.toString(), 0, null, "not a gzip file (" + e.getMessage() + ")");
            } catch (IOException e) {
                closeQuietly(in);
                throw new FormatException(path.toString(), 0, null, "cannot read: " + e);
            }
        }
        return new StrictText(in);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining()) {
            if (pending != null) {
                throw pending;
            }
            fill();
            if (!started) {
                started = true;
                if (chars.hasRemaining() && chars.get(chars.position()) == '\uFEFF') {
                    chars.get();
                }
            }
            if (!chars.hasRemaining()) {
                if (pending != null) {
                    throw pending;
                }
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(buf, off, n);
        for (int i = off; i < off + n; i++) {
            if (buf[i] == '\n') {
                newlines++;
            }
        }
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        try {
            while (chars.position() == 0 && pending == null && !done) {
                CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    pending = new MalformedInputException(r.length());
                    failure = pending;
                } else if (r.isUnderflow()) {
                    if (eof) {
                        decoder.flush(chars);
                        done = true;
                    } else {
                        readBytes();
                    }
                }
            }
        } finally {
            chars.flip();
        }
    }

    private void readBytes() throws IOException {
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
            throw e;
        } finally {
            bytes.flip();
        }
    }

    /** @return the 1-based line of the next character to be read (after a failure: the line it occurred on) */
    long line() {
        return newlines + 1;
    }

    /** @return the first failure of the underlying stream or of decoding, or null */
    IOException failure() {
        return failure;
    }

    /**
     * @param file the file name for the message
     * @param e    a failure of this reader
     * @return the failure as a {@link FormatException} at {@link #line()}
     */
    FormatException describe(String file, IOException e) {
        if (e instanceof MalformedInputException) {
            return new FormatException(file, line(), null, "not valid UTF-8 text; the file must be UTF-8");
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return new FormatException(file, line(), null, "the gzip data is truncated or corrupt (" + e.getMessage() + ")");
        }
        return new FormatException(file, line(), null, "cannot read: " + e);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was read from it.
        }
    }
}
