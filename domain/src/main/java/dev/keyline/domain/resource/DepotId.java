package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * A depot (备件库) that keeps spare parts, for example a local network's central store or a
 * maintenance station's shelf. Its text is a valid {@link Identifier} of at most
 * {@value #MAX_LENGTH} characters without a colon, so that {@link SpareStockId} can join it with a
 * part number into one identifier.
 *
 * @param value the depot's code
 */
public record DepotId(String value) implements Identifier {

    /** The longest depot code: 31 characters, so depot, colon and part number fit one identifier. */
    public static final int MAX_LENGTH = 31;

    /**
     * Validates the code.
     *
     * @param value the depot's code
     * @throws InvalidArgumentException naming {@code depot} when the text is not a valid identifier,
     *     is longer than {@value #MAX_LENGTH} characters or holds a colon
     */
    public DepotId {
        Identifier.check(value, "depot");
        Require.that(value.length() <= MAX_LENGTH, "depot", () -> "must be at most " + MAX_LENGTH
                + " characters, was " + value.length());
        Require.that(value.indexOf(':') < 0, "depot", () -> "must not contain ':' (it separates depot and part in a "
                + "spare stock's id), was '" + value + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
