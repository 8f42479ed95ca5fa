package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A resource pool's row as a JPA entity over Keyline's {@code keyline_resource_pool} table: the
 * pool's type, location and cool-down, and the latest entry of its movement log.
 */
@Entity
@Table(name = "keyline_resource_pool")
public class ResourcePoolEntity extends VersionedRow {

    @Id
    @Column(name = "pool_id")
    String id;
    @Column(name = "resource_type")
    String resourceType;
    @Column(name = "network_id")
    String networkId;
    String site;
    @Column(name = "cool_down_seconds")
    long coolDownSeconds;
    @Column(name = "cool_down_nanos")
    int coolDownNanos;
    @Column(name = "unit_count")
    long unitCount;
    @Column(name = "last_sequence")
    long lastSequence;
    @Column(name = "last_moved_at")
    Instant lastMovedAt;
    @Column(name = "last_capacity")
    long lastCapacity;
    @Column(name = "last_reserved")
    long lastReserved;
    @Column(name = "last_allocated")
    long lastAllocated;

    /** For JPA. */
    protected ResourcePoolEntity() {
    }

    /**
     * A new pool's row, version 1.
     *
     * @param id the pool id
     * @param resourceType the type of its units
     * @param networkId the local network
     * @param site the site in it
     * @param coolDownSeconds the cool-down's seconds
     * @param coolDownNanos the cool-down's nanoseconds
     * @param unitCount the units numbered so far
     * @param lastSequence the sequence number of the last movement
     * @param lastMovedAt when it moved last
     * @param lastCapacity the capacity since then
     * @param lastReserved the units reserved since then
     * @param lastAllocated the units allocated since then
     */
    public ResourcePoolEntity(String id, String resourceType, String networkId, String site, long coolDownSeconds,
            int coolDownNanos, long unitCount, long lastSequence, Instant lastMovedAt, long lastCapacity,
            long lastReserved, long lastAllocated) {
        this.id = id;
        this.resourceType = resourceType;
        this.networkId = networkId;
        this.site = site;
        this.coolDownSeconds = coolDownSeconds;
        this.coolDownNanos = coolDownNanos;
        this.unitCount = unitCount;
        this.lastSequence = lastSequence;
        this.lastMovedAt = lastMovedAt;
        this.lastCapacity = lastCapacity;
        this.lastReserved = lastReserved;
        this.lastAllocated = lastAllocated;
        this.version = 1L;
        this.isNew = true;
    }

    /**
     * Records the pool's latest movement after a command, as the domain computed it; the flush
     * writes a versioned update.
     *
     * @param sequence the movement's sequence number
     * @param at when it moved
     * @param capacity the capacity from then on
     * @param reserved the units reserved from then on
     * @param allocated the units allocated from then on
     */
    public void moved(long sequence, Instant at, long capacity, long reserved, long allocated) {
        this.lastSequence = sequence;
        this.lastMovedAt = at;
        this.lastCapacity = capacity;
        this.lastReserved = reserved;
        this.lastAllocated = allocated;
    }
}
