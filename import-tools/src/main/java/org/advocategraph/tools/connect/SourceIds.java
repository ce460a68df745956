package org.advocategraph.tools.connect;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.advocategraph.tools.format.FormatException;

/**
 * Derives record ids (no white space, at most 200 characters) from the ids of a source file, deterministically:
 * a prefix, then the source id lower-cased, spaces replaced by {@code _}, and every other character outside
 * {@code [A-Za-z0-9._-]} percent-encoded as UTF-8 bytes ({@code %C3%A9}). So {@code Brenda Rogers} becomes
 * {@code p-brenda_rogers} and {@code Élise} {@code p-%C3%A9lise}. Lower-casing and the space rule can map two
 * source ids to one record id ({@code Medici} and {@code medici}, {@code a b} and {@code a_b}): that fails,
 * naming both, rather than merging two people silently.
 */
final class SourceIds {
    /** The longest id the domain records accept. */
    static final int MAX_ID_LENGTH = 200;

    private final String prefix;
    private final Map<String, String> sourceOf = new HashMap<>();
    private final Map<String, String> idOf = new HashMap<>();

    /** @param prefix for example {@code p-} */
    SourceIds(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param source the id in the source file
     * @param file   the file, for errors
     * @param line   the line, for errors
     * @return the record id, the same for the same source id every time
     * @throws FormatException when the id is too long or another source id maps to it
     */
    String id(String source, String file, long line) {
        String known = idOf.get(source);
        if (known != null) {
            return known;
        }
        String id = prefix + slug(source);
        if (id.length() > MAX_ID_LENGTH) {
            throw new FormatException(file, line, null, "id '" + abbreviate(source) + "' is too long: it would become "
                    + "an id of " + id.length() + " characters, at most " + MAX_ID_LENGTH);
        }
        String other = sourceOf.putIfAbsent(id, source);
        if (other != null) {
            throw new FormatException(file, line, null, "ids '" + other + "' and '" + source + "' would both become '"
                    + id + "' (ids are lower-cased and spaces become '_'); rename one of them");
        }
        idOf.put(source, id);
        return id;
    }

    static String slug(String source) {
        StringBuilder sb = new StringBuilder(source.length() + 8);
        String lower = source.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                sb.append('_');
            } else if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '_' || cp == '-')) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
