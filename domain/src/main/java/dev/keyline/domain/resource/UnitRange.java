package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The units numbered {@code first} to {@code last}, both included; units are numbered from 1.
 *
 * @param first the first unit, at least 1
 * @param last the last unit, at least {@code first}
 */
public record UnitRange(long first, long last) {

    /**
     * Validates the range.
     *
     * @param first the first unit, at least 1
     * @param last the last unit, at least {@code first}
     * @throws InvalidArgumentException naming {@code first} when it is below 1, or {@code last} when
     *     it is below {@code first}
     */
    public UnitRange {
        Require.positive(first, "first");
        Require.that(last >= first, "last", () -> "must not be below first " + first + ", was " + last);
    }

    /**
     * How many units the range holds.
     *
     * @return {@code last − first + 1}
     */
    public long size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Long.toString(first) : first + "-" + last;
    }
}
