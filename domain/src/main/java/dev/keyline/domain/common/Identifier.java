package dev.keyline.domain.common;

/**
 * A typed identifier. Implementations are records with a single {@code value} component,
 * validated by {@link #check(String, String)}: 1 to {@value Limits#ID_LENGTH} characters of letters, digits,
 * {@code - _ . :}.
 */
public interface Identifier {

    /** {@return the identifier's text, stable across storage and the wire} */
    String value();

    /**
     * Validates an identifier's text; returns it unchanged.
     *
     * @param value the identifier's text
     * @param name the argument's name, for the message when the text is refused
     * @return the text, unchanged
     */
    static String check(String value, String name) {
        Require.nonBlank(value, name);
        if (value.length() > Limits.ID_LENGTH) {
            throw new InvalidArgumentException(name, "must be at most " + Limits.ID_LENGTH + " characters, was "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                throw new InvalidArgumentException(name, "may hold only letters, digits and - _ . : but was '" + value + "'");
            }
        }
        return value;
    }
}
