package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * The units a pool holds for one open {@link Reservation} (资源预占): they go to nobody else, only to
 * allocations made through that reservation.
 *
 * @param reservation the reservation
 * @param holder the key account it is for
 * @param binding whether it was made against an SLA (binding the network centre)
 * @param units the units still reserved (not yet allocated); never empty
 */
public record ReservedUnits(ReservationId reservation, AccountId holder, boolean binding, UnitSet units) {

    /**
     * Validates the holding.
     *
     * @param reservation the reservation
     * @param holder the key account it is for
     * @param binding whether it was made against an SLA (binding the network centre)
     * @param units the units still reserved (not yet allocated); never empty
     * @throws InvalidArgumentException naming the component that is null, or {@code units} when it is empty
     */
    public ReservedUnits {
        Require.nonNull(reservation, "reservation");
        Require.nonNull(holder, "holder");
        Require.nonNull(units, "units");
        Require.that(!units.isEmpty(), "units", () -> "must hold at least one unit for reservation " + reservation);
    }
}
