package dev.keyline.domain.resource;

import dev.keyline.domain.common.DomainEvent;

/** An event of a {@link Reservation}'s lifecycle. Its aggregate id is the reservation's id. */
public sealed interface ReservationEvent extends DomainEvent
        permits ReservationMade, ReservationRejected, ReservationCompleted, ReservationCancelled, ReservationExpired,
        ReservationReleased, ReservationRedated, ReservationExpiryDue {

    /**
     * The reservation concerned.
     *
     * @return its id
     */
    ReservationId reservation();

    /**
     * The pool it is in.
     *
     * @return the pool's id
     */
    PoolId pool();
}
