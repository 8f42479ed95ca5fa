package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The number of a kind of spare part (备品备件), for example a line card or an optical module. Its
 * text is a valid {@link Identifier} of at most {@value #MAX_LENGTH} characters.
 *
 * @param value the part number
 */
public record SparePartNumber(String value) implements Identifier {

    /** The longest part number: 32 characters, so depot, colon and part number fit one identifier. */
    public static final int MAX_LENGTH = 32;

    /**
     * Validates the part number.
     *
     * @param value the part number
     * @throws InvalidArgumentException naming {@code part} when the text is not a valid identifier or
     *     is longer than {@value #MAX_LENGTH} characters
     */
    public SparePartNumber {
        Identifier.check(value, "part");
        Require.that(value.length() <= MAX_LENGTH, "part", () -> "must be at most " + MAX_LENGTH
                + " characters, was " + value.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
