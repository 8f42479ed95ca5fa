package dev.keyline.benchmarks.storage;

/**
 * The ids of the benchmarks' rows: a prefix and a number of at least nine digits, zero-padded, as
 * {@code String.format(prefix + "%09d", n)} writes it, without the formatter's parsing of its
 * pattern at every call (which was a tenth of the benchmark thread's time outside the database
 * in the key-account mix, on both sides).
 */
final class Ids {

    private static final int DIGITS = 9;

    private Ids() {
    }

    /**
     * The id of row {@code n}.
     *
     * @param prefix the id's prefix, {@code "KA-"} for instance
     * @param n the row's number, not negative
     * @return the prefix followed by {@code n} zero-padded to nine digits
     */
    static String padded(String prefix, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a row number is not negative, was " + n);
        }
        String digits = Long.toString(n);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(DIGITS, digits.length())).append(prefix);
        for (int i = digits.length(); i < DIGITS; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
