package org.advocategraph.tools.generate;

/** External ids: a one-letter prefix and a zero-padded 1-based number, for example {@code e000123}. */
final class Ids {
    /** Ids have at least this many digits so that small and large datasets look alike. */
    static final int MIN_DIGITS = 6;

    private Ids() {
    }

    /** @return the number of digits needed to write {@code count}, at least {@link #MIN_DIGITS} */
    static int width(long count) {
        return Math.max(MIN_DIGITS, Long.toString(Math.max(0, count)).length());
    }

    /**
     * @param prefix the type letter
     * @param index  0-based index; the id shows {@code index + 1}
     * @param width  digits
     * @return the id
     */
    static String of(char prefix, long index, int width) {
        char[] c = new char[width + 1];
        c[0] = prefix;
        long n = index + 1;
        for (int i = width; i >= 1; i--) {
            c[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return new String(c);
    }
}
