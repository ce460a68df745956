package org.advocategraph.tools.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 text one line at a time with a bound on the length of a line, for formats where every line stands
 * alone (JSON Lines).
 *
 * <p>Lines are split on the byte {@code \n} before decoding, which is safe in UTF-8 (the byte never occurs inside
 * a multi-byte sequence). Decoding each line on its own with a strict decoder lets a bad byte be reported with
 * its exact line and position, and lets reading go on at the next line. A line longer than the bound is reported
 * as soon as the bound is passed, without holding more than the bound in memory; its remaining bytes are skipped
 * on the next call.
 */
final class Utf8LineReader implements Closeable {
    /** UTF-8 needs at most three bytes per Java char (four bytes encode a surrogate pair, two chars). */
    private static final int MAX_BYTES_PER_CHAR = 3;

    private final InputStream in;
    private final String file;
    private final int maxChars;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private boolean eof;
    private byte[] line = new byte[256];
    /** The number of the line the next call reads. */
    private long number = 1;
    /** True after a too long line was reported: its rest is still to be skipped. */
    private boolean skipping;

    /**
     * A line without its line break.
     *
     * @param number 1-based line number
     * @param text   the decoded text
     */
    record Line(long number, String text) {
    }

    /**
     * @param in       the bytes (already decompressed); closed with this reader
     * @param file     the file name used in error messages
     * @param maxChars the longest line accepted, in characters
     */
    Utf8LineReader(InputStream in, String file, int maxChars) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
        this.maxBytes = (int) Math.min(Integer.MAX_VALUE - 16L, (long) maxChars * MAX_BYTES_PER_CHAR);
    }

    /**
     * @return the next line, or null at the end of the input
     * @throws FormatException when the line is too long or not valid UTF-8; the next call reads the line after it
     * @throws IOException     when the input cannot be read (for gzip: truncated or corrupt data)
     */
    Line next() throws IOException {
        if (skipping) {
            skipRestOfLine();
        }
        if (!fill()) {
            return null;
        }
        long at = number;
        int n = 0;
        while (fill()) {
            byte b = buf[pos++];
            if (b == '\n') {
                number++;
                return new Line(at, decode(at, n));
            }
            if (n > maxBytes) { // one byte more than the bound leaves room for the CR of a CRLF
                skipping = true;
                throw tooLong(at);
            }
            if (n == line.length) {
                line = Arrays.copyOf(line, (int) Math.min(maxBytes + 1L, 2L * n));
            }
            line[n++] = b;
        }
        // The last line has no line break.
        number++;
        return new Line(at, decode(at, n));
    }

    private String decode(long at, int n) {
        int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, end);
        CharBuffer chars = CharBuffer.allocate(end);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            int offset = bytes.position();
            throw new FormatException(file, at, null, String.format(java.util.Locale.ROOT,
                    "not valid UTF-8 text (byte 0x%02X at byte %d of the line); import files must be UTF-8",
                    line[offset] & 0xFF, offset + 1));
        }
        decoder.flush(chars);
        chars.flip();
        if (chars.length() > maxChars) {
            throw tooLong(at);
        }
        int start = at == 1 && chars.length() > 0 && chars.charAt(0) == '\uFEFF' ? 1 : 0; // a byte order mark
        return chars.subSequence(start, chars.length()).toString();
    }

    private FormatException tooLong(long at) {
        return new FormatException(file, at, null, "record is longer than " + maxChars
                + " characters (a missing line break?)");
    }

    private void skipRestOfLine() throws IOException {
        while (fill()) {
            if (buf[pos++] == '\n') {
                number++;
                skipping = false;
                return;
            }
        }
        skipping = false;
    }

    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
            eof = true;
            len = 0;
            return false;
        }
        return true;
    }

    /** @return the number of the line being read (after the end: one more than the last line) */
    long lineNumber() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
