package org.advocategraph.tools.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, handing out every character before a bad byte and failing only on the read after
 * it, so that a reader counting lines knows the line of the bad byte. (The JDK's reader fails at once and drops
 * the text it had decoded from the same block.)
 */
final class StrictUtf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private CharacterCodingException pending;
    private boolean eof;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.position() == off) {
            if (pending != null) {
                throw pending;
            }
            if (!bytes.hasRemaining() && eof) {
                return -1;
            }
            if (!eof) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                pending = new CharacterCodingException() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public String getMessage() {
                        return "byte 0x" + Integer.toHexString(bytes.get(bytes.position()) & 0xff).toUpperCase(java.util.Locale.ROOT)
                                + " is not UTF-8";
                    }
                };
            } else if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                if (out.position() == off) {
                    return -1;
                }
            }
        }
        return out.position() - off;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
