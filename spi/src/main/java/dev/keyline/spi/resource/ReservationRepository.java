package dev.keyline.spi.resource;

import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.spi.AggregateRepository;
import java.time.Instant;
import java.util.List;

/**
 * Reservations of every state; saving follows {@link AggregateRepository}. A reservation is saved
 * in the same transaction as its pool, whose version check decides races for units.
 */
public interface ReservationRepository extends AggregateRepository<Reservation, ReservationId> {

    /**
     * The reservations still in progress whose expiry is at or before an instant, the earliest
     * first: what an expiry sweep must expire.
     *
     * @param instant the instant
     * @param limit at most this many, at least 1
     * @return the reservations ordered by expiry, then id
     */
    List<Reservation> expiringBy(Instant instant, int limit);
}
