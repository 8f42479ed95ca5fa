package dev.keyline.benchmarks.storage.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An entry of a pool's movement log as a JPA entity over Keyline's {@code keyline_resource_movement}
 * table (append-only): the counts in force from {@code moved_at} on.
 */
@Entity
@Table(name = "keyline_resource_movement")
public class ResourceMovementEntity {

    @EmbeddedId
    SequenceKey key;
    @Column(name = "moved_at")
    Instant movedAt;
    long capacity;
    long reserved;
    long allocated;

    /** For JPA. */
    protected ResourceMovementEntity() {
    }

    /**
     * A movement.
     *
     * @param key the pool and sequence number
     * @param movedAt when
     * @param capacity the capacity from then on
     * @param reserved the units reserved from then on
     * @param allocated the units allocated from then on
     */
    public ResourceMovementEntity(SequenceKey key, Instant movedAt, long capacity, long reserved, long allocated) {
        this.key = key;
        this.movedAt = movedAt;
        this.capacity = capacity;
        this.reserved = reserved;
        this.allocated = allocated;
    }

    /**
     * The key of a movement: the pool and the sequence number.
     */
    @Embeddable
    public static class SequenceKey implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "pool_id")
        String poolId;
        @Column(name = "sequence_no")
        long sequenceNo;

        /** For JPA. */
        protected SequenceKey() {
        }

        /**
         * A key.
         *
         * @param poolId the pool
         * @param sequenceNo the movement's number in the pool's log, from 1
         */
        public SequenceKey(String poolId, long sequenceNo) {
            this.poolId = poolId;
            this.sequenceNo = sequenceNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SequenceKey k && k.poolId.equals(poolId) && k.sequenceNo == sequenceNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(poolId, sequenceNo);
        }
    }
}
