package dev.keyline.runtime.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.AlreadyExistsException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.ExpiredException;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.Availability;
import dev.keyline.domain.resource.CapacityHeldException;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceAccess;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.domain.resource.Utilisation;
import dev.keyline.runtime.CommandContext;
import dev.keyline.runtime.Keyline;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourcePoolRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Network resources (资源调配) run through the runtime: pools, reservations (预占), allocation,
 * release, capacity, expiry and utilisation.
 *
 * <p>Every command runs in one transaction of the runtime: it loads the pool (and the reservation),
 * checks the actor's role ({@link ResourceAccess}) before anything changes, calls the domain, saves
 * the pool and the reservation with their version checks and writes their events to the outbox. Two
 * commands on one pool at the same moment cannot both hand out its units: the later save fails with
 * {@link StaleVersionException} and its whole transaction rolls back, so the caller may simply run
 * it again.
 *
 * <p>Expiry: a reservation's unallocated units return to the pool when it expires. Reserving writes
 * an outbox timer due at the expiry (one per reservation, replaced when it is re-dated, cancelled
 * when it ends otherwise); when it falls due the relay delivers {@code resource.reservation-expiry-due}
 * and the area's reaction expires the reservation (see {@link ReservationExpiries}). The sweep
 * {@link #expireDue(int)} stays as a fallback a host may run from its scheduler, for reservations
 * stored before their timers were written. An exiting key account's units are released by the area's
 * reaction to {@code account.exited} ({@link AccountExitReleases}). Immutable and thread-safe.
 */
public final class ResourcePools {

    private final Keyline keyline;
    private final ResourcePoolRepository pools;
    private final ReservationRepository reservations;

    private ResourcePools(Keyline keyline, StorageProvider storage) {
        this.keyline = keyline;
        this.pools = storage.port(ResourcePoolRepository.class);
        this.reservations = storage.port(ReservationRepository.class);
    }

    /**
     * The resource service on a runtime.
     *
     * @param keyline the runtime; its storage provider must store the resource area
     * @return the service
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     storage provider does not store the resource area
     */
    public static ResourcePools on(Keyline keyline) {
        Require.nonNull(keyline, "keyline");
        return new ResourcePools(keyline, keyline.storage());
    }

    /**
     * Opens a pool; raises {@code resource.pool-opened}.
     *
     * @param actor who opens it; a network centre manager or the general manager
     * @param id the pool's id
     * @param type what its units are
     * @param location where they are
     * @param capacity how many units, not negative
     * @param coolDown how long released units rest before reuse; {@link Duration#ZERO} for none
     * @return the pool
     * @throws NotAuthorisedException when the actor may not manage pools
     * @throws AlreadyExistsException when the id is taken
     */
    public ResourcePoolSnapshot openPool(Actor actor, PoolId id, ResourceType type, PoolLocation location,
            long capacity, Duration coolDown) {
        Require.nonNull(actor, "actor");
        Require.nonNull(id, "id");
        Require.nonNull(type, "type");
        Require.nonNull(location, "location");
        Require.nonNull(coolDown, "coolDown");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "open pool " + id);
            ResourcePool pool = ResourcePool.open(id, type, location, capacity, coolDown, ctx.now());
            ctx.save(pools, pool);
            return pool.snapshot();
        });
    }

    /**
     * Checks what a pool could give now.
     *
     * @param pool the pool
     * @return its availability at the runtime's clock
     * @throws NotFoundException when there is no such pool
     */
    public Availability checkAvailability(PoolId pool) {
        Require.nonNull(pool, "pool");
        return keyline.execute(ctx -> pools.get(pool).availability(ctx.now()));
    }

    /**
     * Checks availability and reserves units; see {@link ResourcePool#reserve}. A reservation for
     * more than is available is recorded {@link dev.keyline.domain.resource.ReservationState#REJECTED}
     * and raises {@code resource.investment-requested}; the pool does not change.
     *
     * @param actor who reserves; a network centre manager, marketing manager or the general manager
     * @param pool the pool
     * @param id the reservation's id
     * @param terms what it asks for
     * @return the reservation, in progress or rejected
     * @throws NotAuthorisedException when the actor may not reserve
     * @throws NotFoundException when there is no such pool
     * @throws AlreadyExistsException when the reservation id is taken
     * @throws StaleVersionException when another command changed the pool meanwhile; nothing was written
     */
    public ReservationSnapshot reserve(Actor actor, PoolId pool, ReservationId id, ReservationTerms terms) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonNull(id, "id");
        Require.nonNull(terms, "terms");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayReserve(actor, "reserve " + terms.units() + " units of pool " + pool);
            ResourcePool loaded = pools.get(pool);
            Reservation reservation = loaded.reserve(id, terms, at(ctx, loaded));
            ctx.save(pools, loaded);
            ctx.save(reservations, reservation);
            if (reservation.state().isOpen()) {
                scheduleExpiryTimer(ctx, reservation);
            }
            return reservation.snapshot();
        });
    }

    /**
     * Sets the outbox timer of a reservation's expiry, in the command's transaction: one pending
     * timer per reservation, under {@link #expiryTimerKey}, due at its expiry and carrying a
     * {@link ReservationExpiryDue}, which the area's reaction ({@link ReservationExpiries}) takes.
     * Scheduling again (a re-dated reservation) replaces the pending timer; a timer already claimed by
     * a relay is delivered anyway and finds the expiry changed, so it expires nothing.
     *
     * @param context the reserving or re-dating command's context
     * @param reservation the open reservation
     */
    static void scheduleExpiryTimer(CommandContext context, Reservation reservation) {
        Require.nonNull(context, "context");
        Require.nonNull(reservation, "reservation");
        context.setTimer(expiryTimerKey(reservation.id()), new ReservationExpiryDue(EventId.random(),
                reservation.expiresAt(), reservation.id(), reservation.pool(), reservation.expiresAt()));
    }

    /**
     * Keeps a reservation's expiry timer in step with its state after a command changed it: an open
     * reservation keeps its timer; one that ended otherwise (completed, cancelled, released, expired)
     * has its pending timer cancelled, in the command's transaction.
     *
     * @param context the command's context
     * @param reservation the reservation after the command
     */
    static void endExpiryTimerIfClosed(CommandContext context, Reservation reservation) {
        if (!reservation.state().isOpen()) {
            context.clearTimer(expiryTimerKey(reservation.id()));
        }
    }

    /**
     * The key of a reservation's expiry timer in the outbox: {@code resource.reservation-expiry/} and
     * the reservation's id.
     *
     * @param reservation the reservation
     * @return the timer key
     */
    public static String expiryTimerKey(ReservationId reservation) {
        Require.nonNull(reservation, "reservation");
        return ReservationExpiries.REACTION + "/" + reservation.value();
    }

    /**
     * Allocates units through an open reservation; see {@link ResourcePool#allocate}.
     *
     * @param actor who allocates; a network centre manager or the general manager
     * @param reservation the reservation
     * @param id the allocation's id
     * @param units how many
     * @return the allocation
     * @throws NotAuthorisedException when the actor may not allocate
     * @throws NotFoundException when there is no such reservation
     * @throws InvalidStateException when the reservation is no longer in progress
     * @throws ExpiredException when its expiry has come
     * @throws StaleVersionException when another command changed the pool meanwhile; nothing was written
     */
    public Allocation allocate(Actor actor, ReservationId reservation, AllocationId id, long units) {
        Require.nonNull(actor, "actor");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(id, "id");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "allocate from reservation " + reservation);
            Reservation r = reservations.get(reservation);
            ResourcePool pool = pools.get(r.pool());
            Allocation made = pool.allocate(r, id, units, at(ctx, pool));
            ctx.save(pools, pool);
            ctx.save(reservations, r);
            endExpiryTimerIfClosed(ctx, r);
            return made;
        });
    }

    /**
     * Allocates free units directly, without a reservation; see {@link ResourcePool#allocateDirectly}.
     *
     * @param actor who allocates; a network centre manager or the general manager
     * @param pool the pool
     * @param id the allocation's id
     * @param holder the key account
     * @param reference the order or SLA the units serve
     * @param units how many
     * @return the allocation
     * @throws NotAuthorisedException when the actor may not allocate
     * @throws NotFoundException when there is no such pool
     * @throws InsufficientCapacityException when fewer units are free
     * @throws StaleVersionException when another command changed the pool meanwhile; nothing was written
     */
    public Allocation allocateDirectly(Actor actor, PoolId pool, AllocationId id, AccountId holder, String reference,
            long units) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonNull(id, "id");
        Require.nonNull(holder, "holder");
        Require.nonBlank(reference, "reference");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "allocate from pool " + pool);
            ResourcePool loaded = pools.get(pool);
            Allocation made = loaded.allocateDirectly(id, holder, reference, units, at(ctx, loaded));
            ctx.save(pools, loaded);
            return made;
        });
    }

    /**
     * Releases an allocation on disconnection; see {@link ResourcePool#release}.
     *
     * @param actor who releases; a network centre manager or the general manager
     * @param pool the pool
     * @param allocation the allocation
     * @return the released allocation
     * @throws NotAuthorisedException when the actor may not release
     * @throws NotFoundException when there is no such pool or allocation
     */
    public Allocation release(Actor actor, PoolId pool, AllocationId allocation) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonNull(allocation, "allocation");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "release allocation " + allocation);
            ResourcePool loaded = pools.get(pool);
            Allocation released = loaded.release(allocation, at(ctx, loaded));
            ctx.save(pools, loaded);
            return released;
        });
    }

    /**
     * Cancels an open reservation, recording the date and reason; its unallocated units return.
     *
     * @param actor who cancels; a network centre manager, marketing manager or the general manager
     * @param reservation the reservation
     * @param reason why
     * @return the cancelled reservation
     * @throws NotAuthorisedException when the actor may not cancel
     * @throws NotFoundException when there is no such reservation
     * @throws InvalidStateException when it is no longer in progress
     */
    public ReservationSnapshot cancel(Actor actor, ReservationId reservation, String reason) {
        Require.nonNull(actor, "actor");
        Require.nonNull(reservation, "reservation");
        Require.nonBlank(reason, "reason");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayReserve(actor, "cancel reservation " + reservation);
            Reservation r = reservations.get(reservation);
            ResourcePool pool = pools.get(r.pool());
            pool.cancel(r, reason, at(ctx, pool));
            ctx.save(pools, pool);
            ctx.save(reservations, r);
            endExpiryTimerIfClosed(ctx, r);
            return r.snapshot();
        });
    }

    /**
     * Moves the expiry of an open reservation; see {@link Reservation#redate}.
     *
     * @param actor who re-dates it; a network centre manager, marketing manager or the general manager
     * @param reservation the reservation
     * @param newExpiry the new expiry
     * @return the reservation
     * @throws NotAuthorisedException when the actor may not re-date it
     * @throws NotFoundException when there is no such reservation
     * @throws InvalidStateException when it is no longer in progress
     */
    public ReservationSnapshot redate(Actor actor, ReservationId reservation, Instant newExpiry) {
        Require.nonNull(actor, "actor");
        Require.nonNull(reservation, "reservation");
        Require.nonNull(newExpiry, "newExpiry");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayReserve(actor, "re-date reservation " + reservation);
            Reservation r = reservations.get(reservation);
            r.redate(newExpiry, ctx.now());
            ctx.save(reservations, r);
            scheduleExpiryTimer(ctx, r);
            return r.snapshot();
        });
    }

    /**
     * Expires every reservation whose expiry has come by the runtime's clock, up to {@code limit} of
     * them, the earliest first, each in a transaction of its own; their unallocated units return to
     * their pools. A reservation closed or re-dated since the query is left alone. A failure (for
     * example a reservation's pool changed meanwhile) propagates; the reservations expired before it
     * stay expired, and the next sweep takes the rest.
     *
     * @param limit at most this many, at least 1
     * @return the reservations expired, in order
     */
    public List<ReservationId> expireDue(int limit) {
        Require.positive(limit, "limit");
        Instant now = keyline.clock().instant();
        List<ReservationId> due = keyline.execute(ctx -> reservations.expiringBy(now, limit).stream()
                .map(Reservation::id).toList());
        List<ReservationId> expired = new ArrayList<>();
        for (ReservationId id : due) {
            if (keyline.execute(ctx -> expireIfDue(ctx, pools, reservations, id, Optional.empty()))) {
                expired.add(id);
            }
        }
        return expired;
    }

    /**
     * Expires one reservation in the command's transaction if it is still in progress, its expiry has
     * come by the command's time and, when {@code expectedExpiry} is given, it is still that expiry.
     *
     * @return whether it was expired
     */
    static boolean expireIfDue(CommandContext ctx, ResourcePoolRepository pools, ReservationRepository reservations,
            ReservationId id, Optional<Instant> expectedExpiry) {
        Optional<Reservation> found = reservations.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Reservation r = found.get();
        // compared to the microsecond, the precision a database provider keeps instants at
        if (expectedExpiry.isPresent() && !expectedExpiry.get().truncatedTo(ChronoUnit.MICROS)
                .equals(r.expiresAt().truncatedTo(ChronoUnit.MICROS))) {
            return false;
        }
        if (!r.isDueToExpireAt(ctx.now())) {
            return false;
        }
        ResourcePool pool = pools.get(r.pool());
        pool.expire(r, at(ctx, pool));
        ctx.save(pools, pool);
        ctx.save(reservations, r);
        endExpiryTimerIfClosed(ctx, r);
        return true;
    }

    /**
     * Puts new units into service; see {@link ResourcePool#addCapacity}.
     *
     * @param actor who adds them; a network centre manager or the general manager
     * @param pool the pool
     * @param units how many
     * @param reason why, for example the construction project that completed
     * @return the new units
     * @throws NotAuthorisedException when the actor may not manage pools
     */
    public UnitSet addCapacity(Actor actor, PoolId pool, long units, String reason) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonBlank(reason, "reason");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "add capacity to pool " + pool);
            ResourcePool loaded = pools.get(pool);
            UnitSet added = loaded.addCapacity(units, reason, at(ctx, loaded));
            ctx.save(pools, loaded);
            return added;
        });
    }

    /**
     * Retires free units; see {@link ResourcePool#retire}.
     *
     * @param actor who retires them; a network centre manager or the general manager
     * @param pool the pool
     * @param units how many
     * @param reason why
     * @return the retired units
     * @throws NotAuthorisedException when the actor may not manage pools
     * @throws CapacityHeldException when fewer units are free, naming how many are held
     */
    public UnitSet retire(Actor actor, PoolId pool, long units, String reason) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonBlank(reason, "reason");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "retire units of pool " + pool);
            ResourcePool loaded = pools.get(pool);
            UnitSet retired = loaded.retire(units, reason, at(ctx, loaded));
            ctx.save(pools, loaded);
            return retired;
        });
    }

    /**
     * Compares a forecast demand with a pool's available units and raises a rolling-investment request
     * ({@code resource.investment-requested}) on a shortfall; see {@link ResourcePool#forecastShortfall}.
     *
     * @param actor who forecasts; a network centre manager or the general manager
     * @param pool the pool
     * @param forecastDemand the units expected to be asked for
     * @param basis what the forecast is
     * @return the shortfall, 0 when there is none (nothing is raised)
     * @throws NotAuthorisedException when the actor may not manage pools
     */
    public long forecastShortfall(Actor actor, PoolId pool, long forecastDemand, String basis) {
        Require.nonNull(actor, "actor");
        Require.nonNull(pool, "pool");
        Require.nonBlank(basis, "basis");
        return keyline.execute(ctx -> {
            ResourceAccess.requireMayManagePools(actor, "forecast the demand on pool " + pool);
            ResourcePool loaded = pools.get(pool);
            long shortfall = loaded.forecastShortfall(forecastDemand, basis, at(ctx, loaded));
            if (shortfall > 0) {
                ctx.save(pools, loaded);
            }
            return shortfall;
        });
    }

    /**
     * A pool, if there is one with the id.
     *
     * @param pool the id
     * @return its snapshot
     */
    public Optional<ResourcePoolSnapshot> findPool(PoolId pool) {
        Require.nonNull(pool, "pool");
        return keyline.execute(ctx -> pools.find(pool).map(ResourcePool::snapshot));
    }

    /**
     * A reservation, if there is one with the id.
     *
     * @param reservation the id
     * @return its snapshot
     */
    public Optional<ReservationSnapshot> findReservation(ReservationId reservation) {
        Require.nonNull(reservation, "reservation");
        return keyline.execute(ctx -> reservations.find(reservation).map(Reservation::snapshot));
    }

    /**
     * The pools of a type at a location.
     *
     * @param location the local network and site
     * @param type the resource type
     * @return their snapshots, ordered by id
     */
    public List<ResourcePoolSnapshot> pools(PoolLocation location, ResourceType type) {
        Require.nonNull(location, "location");
        Require.nonNull(type, "type");
        return keyline.execute(ctx -> pools.byLocation(location, type).stream().map(ResourcePool::snapshot).toList());
    }

    /**
     * What a key account holds, pool by pool: its allocations and the units reserved for it.
     *
     * @param account the key account
     * @return one entry per pool in which it holds anything, ordered by pool id
     */
    public List<AccountHoldings> holdingsOf(AccountId account) {
        Require.nonNull(account, "account");
        return keyline.execute(ctx -> pools.holding(account).stream().map(pools::get)
                .map(pool -> AccountHoldings.of(pool, account)).toList());
    }

    /**
     * A pool's utilisation at an instant: allocated / capacity in force then.
     *
     * @param pool the pool
     * @param at the instant
     * @return the ratio, empty before the pool was opened or when its capacity was zero
     */
    public Optional<BigDecimal> utilisationAt(PoolId pool, Instant at) {
        Require.nonNull(pool, "pool");
        Require.nonNull(at, "at");
        return keyline.execute(ctx -> {
            try (Stream<PoolMovement> log = pools.movements(pool, at, at.plusNanos(1))) {
                return Utilisation.at(log.toList(), at);
            }
        });
    }

    /**
     * A pool's time-weighted utilisation over {@code [from, to)}; see {@link Utilisation#timeWeighted}.
     *
     * @param pool the pool
     * @param from the start of the period
     * @param to its end, after {@code from}
     * @return the ratio, empty when the capacity was zero throughout
     */
    public Optional<BigDecimal> utilisationOver(PoolId pool, Instant from, Instant to) {
        Require.nonNull(pool, "pool");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        return keyline.execute(ctx -> {
            try (Stream<PoolMovement> log = pools.movements(pool, from, to)) {
                return Utilisation.timeWeighted(log.toList(), from, to);
            }
        });
    }

    /**
     * The instant a system command on a pool takes: the command's time, or the pool's last movement
     * if the host's clock reads earlier, so the movement log stays in order across hosts.
     */
    static Instant at(CommandContext ctx, ResourcePool pool) {
        Instant now = ctx.now();
        Instant last = pool.lastMovement().at();
        return now.isBefore(last) ? last : now;
    }
}
