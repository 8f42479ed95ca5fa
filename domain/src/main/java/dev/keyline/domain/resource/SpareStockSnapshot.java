package dev.keyline.domain.resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The stored form of a {@link SpareStock}. Built by {@link SpareStock#snapshot()} or by a storage
 * provider from its rows; it is not validated here, {@link SpareStock#restore(SpareStockSnapshot)}
 * does that. The reserved quantity is not stored apart: it is the sum of the reservations.
 *
 * @param id the stock's id
 * @param version the stored version
 * @param onHand the units in the depot, reserved ones included
 * @param underRepair the faulty units away for repair
 * @param minimum the minimum level of available units
 * @param reservations the open reservations, ordered by reference
 * @param lastBelowMinimumDay the day the daily check last raised {@link SpareBelowMinimum}, or
 *     null when it never did
 */
public record SpareStockSnapshot(SpareStockId id, long version, long onHand, long underRepair, long minimum,
        List<SpareReservation> reservations, LocalDate lastBelowMinimumDay) {

    /**
     * Copies the reservations into an unmodifiable list (keeping any null, for restore to reject).
     *
     * @param id the stock's id
     * @param version the stored version
     * @param onHand the units in the depot, reserved ones included
     * @param underRepair the faulty units away for repair
     * @param minimum the minimum level of available units
     * @param reservations the open reservations, ordered by reference
     * @param lastBelowMinimumDay the day the daily check last raised {@link SpareBelowMinimum}, or null when it never did
     */
    public SpareStockSnapshot {
        reservations = reservations == null ? null : Collections.unmodifiableList(new ArrayList<>(reservations));
    }
}
