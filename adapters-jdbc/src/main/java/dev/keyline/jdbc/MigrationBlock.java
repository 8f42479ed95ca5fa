package dev.keyline.jdbc;

import dev.keyline.domain.common.Require;

/**
 * A block of Flyway migration versions reserved for one area, so that areas never collide in the
 * one history table they share. Keyline's blocks: the core (the outbox) 1–99, {@code account}
 * 100–199, {@code authority} 200–299; reserved for the coming areas {@code resource} 300,
 * {@code sla} 400, {@code workorder} 500, {@code budget} 600, {@code kpi} 700, {@code billing} 800
 * and {@code staff} 900 (each a hundred versions). A host's own areas use 10000 and above.
 *
 * @param first the lowest version of the block, at least 1
 * @param last the highest version of the block, at least {@code first}
 */
public record MigrationBlock(long first, long last) {

    /** The core's block: the provider's own tables such as the outbox. */
    public static final MigrationBlock CORE = new MigrationBlock(1, 99);

    /** The lowest version a host's own area may use. */
    public static final long FIRST_HOST_VERSION = 10_000;

    /**
     * Validates the block.
     *
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code first} is below 1 or
     *     {@code last} below {@code first}
     */
    public MigrationBlock {
        Require.positive(first, "first");
        Require.that(last >= first, "last", () -> "must be at least first (" + first + ") but was " + last);
    }

    /**
     * The hundred versions starting at {@code first}, for example {@code hundredFrom(300)} is 300–399.
     *
     * @param first the lowest version
     * @return the block {@code first} to {@code first + 99}
     */
    public static MigrationBlock hundredFrom(long first) {
        return new MigrationBlock(first, first + 99);
    }

    /**
     * Whether {@code version} lies in this block.
     *
     * @param version a migration's version
     * @return true when {@code first <= version <= last}
     */
    public boolean contains(long version) {
        return version >= first && version <= last;
    }

    /**
     * Whether this block and {@code other} share a version.
     *
     * @param other another block
     * @return true when they overlap
     */
    public boolean overlaps(MigrationBlock other) {
        Require.nonNull(other, "other");
        return first <= other.last && other.first <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
