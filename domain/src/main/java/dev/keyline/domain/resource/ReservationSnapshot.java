package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import java.time.Instant;

/**
 * The stored form of a {@link Reservation}. Built by {@link Reservation#snapshot()} or by a storage
 * provider from its rows; it is not validated here, {@link Reservation#restore(ReservationSnapshot)}
 * does that.
 *
 * @param id the reservation's id
 * @param version the stored version
 * @param pool its pool
 * @param holder the key account it is for
 * @param purpose an order or an SLA
 * @param reference the order's or SLA's reference
 * @param requested the units asked for
 * @param allocated the units allocated through it so far
 * @param madeAt when it was made (or rejected)
 * @param start when the use of the units starts
 * @param end when it ends
 * @param expiresAt until when unallocated units are held
 * @param state where it stands
 * @param closedAt when it left {@link ReservationState#IN_PROGRESS}, or null while it is in progress
 * @param reason why it was rejected, cancelled or released, or null
 */
public record ReservationSnapshot(ReservationId id, long version, PoolId pool, AccountId holder,
        ReservationPurpose purpose, String reference, long requested, long allocated, Instant madeAt, Instant start,
        Instant end, Instant expiresAt, ReservationState state, Instant closedAt, String reason) {
}
