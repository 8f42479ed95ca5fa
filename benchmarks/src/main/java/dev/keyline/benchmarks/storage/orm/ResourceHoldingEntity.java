package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A holding row as a JPA entity over Keyline's {@code keyline_resource_holding} table: one range
 * of a pool's units that are retired, reserved, allocated or cooling, numbered by line within the
 * pool.
 */
@Entity
@Table(name = "keyline_resource_holding")
public class ResourceHoldingEntity {

    @EmbeddedId
    @AttributeOverride(name = "parentId", column = @Column(name = "pool_id"))
    @AttributeOverride(name = "line", column = @Column(name = "line_no"))
    ChildKey key;
    @Column(name = "holding_kind")
    String holdingKind;
    @Column(name = "holding_id")
    String holdingId;
    @Column(name = "account_id")
    String accountId;
    String reference;
    @Column(name = "reservation_id")
    String reservationId;
    Boolean binding;
    @Column(name = "held_at")
    Instant heldAt;
    @Column(name = "first_unit")
    long firstUnit;
    @Column(name = "last_unit")
    long lastUnit;

    /** For JPA. */
    protected ResourceHoldingEntity() {
    }

    /**
     * A holding row.
     *
     * @param key the pool and line
     * @param holdingKind {@code RETIRED}, {@code RESERVED}, {@code ALLOCATED} or {@code COOLING}
     * @param holdingId the reservation or allocation, if any
     * @param accountId the holder, if any
     * @param reference the order or SLA of an allocation, if one
     * @param reservationId the reservation an allocation came from, if any
     * @param binding whether a reservation binds the network centre, if one
     * @param heldAt when allocated, or until when cooling, if either
     * @param firstUnit the range's first unit
     * @param lastUnit its last unit
     */
    public ResourceHoldingEntity(ChildKey key, String holdingKind, String holdingId, String accountId, String reference,
            String reservationId, Boolean binding, Instant heldAt, long firstUnit, long lastUnit) {
        this.key = key;
        held(holdingKind, holdingId, accountId, reference, reservationId, binding, heldAt, firstUnit, lastUnit);
    }

    /**
     * Records what the line holds now, as the domain computed it; the flush writes the row.
     *
     * @param kind {@code RETIRED}, {@code RESERVED}, {@code ALLOCATED} or {@code COOLING}
     * @param holding the reservation or allocation, if any
     * @param account the holder, if any
     * @param ref the order or SLA of an allocation, if one
     * @param reservation the reservation an allocation came from, if any
     * @param binds whether a reservation binds the network centre, if one
     * @param at when allocated, or until when cooling, if either
     * @param first the range's first unit
     * @param last its last unit
     */
    public void held(String kind, String holding, String account, String ref, String reservation, Boolean binds,
            Instant at, long first, long last) {
        this.holdingKind = kind;
        this.holdingId = holding;
        this.accountId = account;
        this.reference = ref;
        this.reservationId = reservation;
        this.binding = binds;
        this.heldAt = at;
        this.firstUnit = first;
        this.lastUnit = last;
    }
}
