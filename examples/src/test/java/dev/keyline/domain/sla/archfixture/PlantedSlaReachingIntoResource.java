package dev.keyline.domain.sla.archfixture;

import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.spi.resource.ReservationRepository;

/**
 * A deliberate violation, kept in test sources only: an SLA class that reads the resource area's
 * reservations, aggregate and storage, instead of following its events (its ReservationId is
 * allowed).
 */
public final class PlantedSlaReachingIntoResource {

    private PlantedSlaReachingIntoResource() {
    }

    /** Loads a reservation from the resource area's storage. */
    static String referenceOf(ReservationRepository reservations, ReservationId id) {
        Reservation reservation = reservations.get(id);
        return reservation.reference();
    }
}
