package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reservation's row as a JPA entity over Keyline's {@code keyline_reservation} table. */
@Entity
@Table(name = "keyline_reservation")
public class ReservationEntity extends VersionedRow {

    @Id
    @Column(name = "reservation_id")
    String id;
    @Column(name = "pool_id")
    String poolId;
    @Column(name = "account_id")
    String accountId;
    String purpose;
    String reference;
    long requested;
    long allocated;
    @Column(name = "made_at")
    Instant madeAt;
    @Column(name = "starts_at")
    Instant startsAt;
    @Column(name = "ends_at")
    Instant endsAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    String state;
    @Column(name = "closed_at")
    Instant closedAt;
    String reason;

    /** For JPA. */
    protected ReservationEntity() {
    }

    /**
     * A new reservation's row, version 1.
     *
     * @param id the reservation id
     * @param poolId the pool
     * @param accountId the key account it is for
     * @param purpose {@code ORDER} or {@code SLA}
     * @param reference the order's or SLA's reference
     * @param requested the units asked for
     * @param allocated the units allocated through it
     * @param madeAt when it was made or rejected
     * @param startsAt when the use of the units starts
     * @param endsAt when it ends
     * @param expiresAt until when its unallocated units are held
     * @param state where it stands
     * @param closedAt when it was closed, if it was
     * @param reason why it was rejected, if it was
     */
    public ReservationEntity(String id, String poolId, String accountId, String purpose, String reference,
            long requested, long allocated, Instant madeAt, Instant startsAt, Instant endsAt, Instant expiresAt,
            String state, Instant closedAt, String reason) {
        this.id = id;
        this.poolId = poolId;
        this.accountId = accountId;
        this.purpose = purpose;
        this.reference = reference;
        this.requested = requested;
        this.allocated = allocated;
        this.madeAt = madeAt;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.expiresAt = expiresAt;
        this.state = state;
        this.closedAt = closedAt;
        this.reason = reason;
        this.version = 1L;
        this.isNew = true;
    }

    /**
     * Records the reservation's new expiry, as the domain computed it; the flush writes a versioned
     * update.
     *
     * @param expiry the new expiry
     */
    public void redated(Instant expiry) {
        this.expiresAt = expiry;
    }

    /**
     * Records the units allocated through the reservation and where it stands then, as the domain
     * computed them; the flush writes a versioned update.
     *
     * @param units the units allocated through it so far
     * @param newState its state
     * @param closed when it was closed, if it was
     */
    public void allocated(long units, String newState, Instant closed) {
        this.allocated = units;
        this.state = newState;
        this.closedAt = closed;
    }
}
