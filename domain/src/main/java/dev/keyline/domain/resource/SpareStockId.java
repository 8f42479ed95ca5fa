package dev.keyline.domain.resource;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The id of a {@link SpareStock}: the stock of one spare part (备品备件) in one depot, written
 * {@code <depot>:<part>}, for example {@code SZ-CENTRAL:OPT-10G}. A depot code has no colon, so the
 * first colon separates the two; there is exactly one stock per part and depot.
 *
 * @param value the id text
 */
public record SpareStockId(String value) implements Identifier {

    /**
     * Validates the id.
     *
     * @param value the id text
     * @throws InvalidArgumentException naming {@code spareStockId} when the text is not a depot
     *     code, a colon and a part number
     */
    public SpareStockId {
        Identifier.check(value, "spareStockId");
        int colon = value.indexOf(':');
        Require.that(colon > 0 && colon < value.length() - 1, "spareStockId",
                () -> "must be '<depot>:<part>', was '" + value + "'");
        try {
            new DepotId(value.substring(0, colon));
            new SparePartNumber(value.substring(colon + 1));
        } catch (InvalidArgumentException e) {
            throw new InvalidArgumentException("spareStockId", "must be '<depot>:<part>', was '" + value + "': "
                    + e.getMessage());
        }
    }

    /**
     * The id of the stock of a part in a depot.
     *
     * @param depot the depot
     * @param part the part
     * @return {@code depot:part}
     * @throws InvalidArgumentException when an argument is null
     */
    public static SpareStockId of(DepotId depot, SparePartNumber part) {
        Require.nonNull(depot, "depot");
        Require.nonNull(part, "part");
        return new SpareStockId(depot.value() + ":" + part.value());
    }

    /**
     * The depot of the stock.
     *
     * @return the text before the first colon
     */
    public DepotId depot() {
        return new DepotId(value.substring(0, value.indexOf(':')));
    }

    /**
     * The part of the stock.
     *
     * @return the text after the first colon
     */
    public SparePartNumber part() {
        return new SparePartNumber(value.substring(value.indexOf(':') + 1));
    }

    @Override
    public String toString() {
        return value;
    }
}
