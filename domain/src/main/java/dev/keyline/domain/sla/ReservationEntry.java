package dev.keyline.domain.sla;

import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * The SLA's record of a binding reservation (预占) of the resources area being made or released.
 * Reservations made against an SLA bind the network centre; the SLA learns of them from the
 * resources area's events and keeps only this record.
 *
 * @param reference the reservation's reference in the resources area
 * @param product the product reserved for
 * @param units how many units, at least 1
 * @param change made or released
 * @param at when it happened
 */
public record ReservationEntry(String reference, ProductCode product, int units, ReservationChange change, Instant at) {

    /**
     * Validates the entry.
     *
     * @param reference the reservation's reference in the resources area
     * @param product the product reserved for
     * @param units how many units, at least 1
     * @param change made or released
     * @param at when it happened
     * @throws InvalidArgumentException naming the component when one is null, the reference is not
     *     a valid identifier or the units are not positive
     */
    public ReservationEntry {
        Identifier.check(reference, "reference");
        Require.nonNull(product, "product");
        Require.that(units >= 1 && units <= ServiceAgreement.MAX_VOLUME, "units",
                () -> "must be between 1 and " + ServiceAgreement.MAX_VOLUME + " but was " + units);
        Require.nonNull(change, "change");
        Require.nonNull(at, "at");
    }
}
