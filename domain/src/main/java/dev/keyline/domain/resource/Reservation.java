package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One reservation (预占) of units in a {@link ResourcePool}, for an order or an SLA, with its
 * lifecycle after TMF685: {@link ReservationState#IN_PROGRESS} while it holds units, then
 * {@link ReservationState#COMPLETED} when every unit was allocated through it,
 * {@link ReservationState#CANCELLED} with a date and a reason, {@link ReservationState#EXPIRED} when
 * its expiry passed, or {@link ReservationState#RELEASED} when its holder exited;
 * {@link ReservationState#REJECTED} from the start when the pool had too few units.
 *
 * <p>The units themselves are the pool's: it keeps the reserved units of every open reservation
 * ({@link ReservedUnits}), so that "no unit held twice" is decided in one place. A reservation
 * therefore changes only together with its pool: it is made by {@link ResourcePool#reserve}, and
 * allocated from, cancelled, expired and released by the pool's commands, which return its
 * unallocated units to the pool in the same step; both are saved in one transaction. Only moving its
 * expiry ({@link #redate}) touches the reservation alone. The reservation stays small: its history
 * is its events, and a pool keeps only its open reservations.
 *
 * <p>Events: {@link ReservationMade}, {@link ReservationRejected}, {@link ReservationCompleted},
 * {@link ReservationCancelled}, {@link ReservationExpired}, {@link ReservationReleased} and
 * {@link ReservationRedated}.
 */
public final class Reservation extends AggregateRoot<ReservationId> {

    private final PoolId pool;
    private final AccountId holder;
    private final ReservationPurpose purpose;
    private final String reference;
    private final long requested;
    private final Instant madeAt;
    private final Instant start;
    private final Instant end;
    private Instant expiresAt;
    private long allocated;
    private ReservationState state;
    private Instant closedAt;
    private String reason;

    private Reservation(ReservationId id, long version, PoolId pool, AccountId holder, ReservationPurpose purpose,
            String reference, long requested, Instant madeAt, Instant start, Instant end, Instant expiresAt,
            ReservationState state) {
        super(id, version);
        this.pool = pool;
        this.holder = holder;
        this.purpose = purpose;
        this.reference = reference;
        this.requested = requested;
        this.madeAt = madeAt;
        this.start = start;
        this.end = end;
        this.expiresAt = expiresAt;
        this.state = state;
    }

    /** A reservation holding {@code units}, made by the pool; records {@link ReservationMade}. */
    static Reservation made(ReservationId id, PoolId pool, ReservationTerms terms, UnitSet units, Instant at) {
        Reservation r = new Reservation(id, 0, pool, terms.holder(), terms.purpose(), terms.reference(), terms.units(),
                at, terms.start(), terms.end(), terms.expiresAt(), ReservationState.IN_PROGRESS);
        r.record(new ReservationMade(EventId.random(), at, id, pool, terms.holder(), terms.purpose(), terms.reference(),
                terms.binding(), units, terms.start(), terms.end(), terms.expiresAt()));
        return r;
    }

    /** A reservation refused for want of units, made by the pool; records {@link ReservationRejected}. */
    static Reservation rejected(ReservationId id, PoolId pool, ReservationTerms terms, long available, String why,
            Instant at) {
        Reservation r = new Reservation(id, 0, pool, terms.holder(), terms.purpose(), terms.reference(), terms.units(),
                at, terms.start(), terms.end(), terms.expiresAt(), ReservationState.REJECTED);
        r.closedAt = at;
        r.reason = why;
        r.record(new ReservationRejected(EventId.random(), at, id, pool, terms.holder(), terms.purpose(),
                terms.reference(), terms.units(), available, why));
        return r;
    }

    /**
     * Moves the expiry of an open reservation, for example when the order's provisioning is late;
     * records {@link ReservationRedated}. A timer set for the old expiry then finds the reservation
     * re-dated and leaves it alone.
     *
     * @param newExpiry the new expiry: after {@code at}, not after the reservation's end
     * @param at when
     * @throws InvalidArgumentException naming the argument when one is null or {@code newExpiry} is
     *     not after {@code at}, after the end or the current expiry
     * @throws InvalidStateException when the reservation is no longer in progress
     */
    public void redate(Instant newExpiry, Instant at) {
        Require.nonNull(newExpiry, "newExpiry");
        Require.nonNull(at, "at");
        requireOpen("re-dated");
        Require.that(newExpiry.isAfter(at), "newExpiry", () -> "must be after " + at + ", was " + newExpiry);
        Require.that(!newExpiry.isAfter(end), "newExpiry", () -> "must not be after the end " + end + " of reservation "
                + id() + ", was " + newExpiry);
        Require.that(!newExpiry.equals(expiresAt), "newExpiry", () -> "is already the expiry of reservation " + id());
        Instant previous = expiresAt;
        expiresAt = newExpiry;
        record(new ReservationRedated(EventId.random(), at, id(), pool, holder, previous, newExpiry));
    }

    /** Counts units allocated through the reservation; completes it when none is left. */
    void recordAllocation(long units, Instant at) {
        allocated += units;
        if (allocated == requested) {
            state = ReservationState.COMPLETED;
            closedAt = at;
            record(new ReservationCompleted(EventId.random(), at, id(), pool, holder, allocated));
        }
    }

    /** Ends the open reservation in {@code finalState}, its unallocated units returned to the pool. */
    void close(ReservationState finalState, UnitSet returned, String why, Instant at) {
        state = finalState;
        closedAt = at;
        switch (finalState) {
            case CANCELLED -> {
                reason = why;
                record(new ReservationCancelled(EventId.random(), at, id(), pool, holder, returned, why));
            }
            case RELEASED -> {
                reason = why;
                record(new ReservationReleased(EventId.random(), at, id(), pool, holder, returned, why));
            }
            case EXPIRED -> record(new ReservationExpired(EventId.random(), at, id(), pool, holder, returned, expiresAt));
            default -> throw new IllegalArgumentException("not a closing state: " + finalState);
        }
    }

    /** Fails unless the reservation is in progress. */
    void requireOpen(String verb) {
        if (!state.isOpen()) {
            throw new InvalidStateException("reservation " + id() + " in pool " + pool + " is " + state
                    + "; it can no longer be " + verb);
        }
    }

    /**
     * Whether the reservation is open and its expiry has come at {@code now}.
     *
     * @param now the instant
     * @return true when in progress and {@code now} is not before the expiry
     * @throws InvalidArgumentException when {@code now} is null
     */
    public boolean isDueToExpireAt(Instant now) {
        Require.nonNull(now, "now");
        return state.isOpen() && !now.isBefore(expiresAt);
    }

    /**
     * The units still held for the reservation: asked for and not yet allocated while it is open,
     * none once it is closed.
     *
     * @return the outstanding units
     */
    public long outstanding() {
        return state.isOpen() ? requested - allocated : 0;
    }

    /** {@return the pool} */
    public PoolId pool() {
        return pool;
    }

    /** {@return the key account it is for} */
    public AccountId holder() {
        return holder;
    }

    /** {@return an order or an SLA} */
    public ReservationPurpose purpose() {
        return purpose;
    }

    /** {@return whether it binds the network centre: made against an SLA} */
    public boolean binding() {
        return purpose == ReservationPurpose.SLA;
    }

    /** {@return the order's or SLA's reference} */
    public String reference() {
        return reference;
    }

    /** {@return the units asked for} */
    public long requested() {
        return requested;
    }

    /** {@return the units allocated through it so far} */
    public long allocated() {
        return allocated;
    }

    /** {@return when it was made or rejected} */
    public Instant madeAt() {
        return madeAt;
    }

    /** {@return when the use of the units starts} */
    public Instant start() {
        return start;
    }

    /** {@return when the use of the units ends} */
    public Instant end() {
        return end;
    }

    /**
     * Until when its unallocated units are held.
     *
     * @return the expiry time
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** {@return where it stands} */
    public ReservationState state() {
        return state;
    }

    /** {@return when it left {@link ReservationState#IN_PROGRESS}, if it has} */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** {@return why it was rejected, cancelled or released, if it was} */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * The reservation's current state as an immutable snapshot.
     *
     * @return the snapshot
     */
    public ReservationSnapshot snapshot() {
        return new ReservationSnapshot(id(), version(), pool, holder, purpose, reference, requested, allocated, madeAt,
                start, end, expiresAt, state, closedAt, reason);
    }

    /**
     * Restores a reservation from its stored form, validating it again.
     *
     * @param snapshot the snapshot
     * @return the reservation
     * @throws CorruptStateException when the snapshot is not a state a reservation can be in
     * @throws InvalidArgumentException when {@code snapshot} is null
     */
    public static Reservation restore(ReservationSnapshot snapshot) {
        ReservationSnapshot s = Require.nonNull(snapshot, "snapshot");
        try {
            ReservationTerms terms = new ReservationTerms(s.holder(), s.purpose(), s.reference(), s.requested(),
                    s.start(), s.end(), s.expiresAt());
            Require.nonNull(s.id(), "id");
            Require.nonNull(s.pool(), "pool");
            Require.nonNull(s.madeAt(), "madeAt");
            Require.nonNull(s.state(), "state");
            Reservation r = new Reservation(s.id(), s.version(), s.pool(), terms.holder(), terms.purpose(),
                    terms.reference(), terms.units(), s.madeAt(), terms.start(), terms.end(), terms.expiresAt(), s.state());
            corruptIf(s.allocated() < 0 || s.allocated() > s.requested(), r, () -> "allocated " + s.allocated()
                    + " units of " + s.requested());
            corruptIf(s.state().isOpen() == (s.closedAt() != null), r, () -> "state " + s.state() + " with closedAt "
                    + s.closedAt());
            corruptIf(s.state() == ReservationState.IN_PROGRESS && s.allocated() == s.requested(), r,
                    "in progress with every unit allocated");
            corruptIf(s.state() == ReservationState.COMPLETED && s.allocated() != s.requested(), r,
                    () -> "completed with " + s.allocated() + " of " + s.requested() + " units allocated");
            corruptIf(s.state() == ReservationState.REJECTED && s.allocated() != 0, r, "rejected with units allocated");
            boolean needsReason = s.state() == ReservationState.REJECTED || s.state() == ReservationState.CANCELLED
                    || s.state() == ReservationState.RELEASED;
            corruptIf(needsReason != (s.reason() != null), r, () -> "state " + s.state() + " with reason " + s.reason());
            if (s.reason() != null) {
                Limits.text(s.reason(), "reason", Limits.TEXT_LENGTH);
            }
            r.allocated = s.allocated();
            r.closedAt = s.closedAt();
            r.reason = s.reason();
            return r;
        } catch (InvalidArgumentException e) {
            throw new CorruptStateException("stored reservation " + s.id() + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void corruptIf(boolean condition, Reservation r, String message) {
        if (condition) {
            throw new CorruptStateException("stored reservation " + r.id() + " is invalid: " + message);
        }
    }

    /** {@link #corruptIf(boolean, Reservation, String)} with the message built only when the check fails. */
    private static void corruptIf(boolean condition, Reservation r, Supplier<String> message) {
        if (condition) {
            throw new CorruptStateException("stored reservation " + r.id() + " is invalid: " + message.get());
        }
    }

    @Override
    public String toString() {
        return "Reservation[" + id() + " in pool " + pool + " for " + holder + ", " + state + ", " + allocated + "/"
                + requested + " allocated, expires " + expiresAt + "]";
    }
}
