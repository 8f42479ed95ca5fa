package dev.keyline.domain.resource;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.ExpiredException;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.NotFoundException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.AlreadyExistsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool of network resources (资源池): units of one {@link ResourceType} at one
 * {@link PoolLocation}, numbered 1 to {@link #unitCount()}, and every active holding of them:
 * the units reserved for each open {@link Reservation}, the {@link Allocation}s, and released units
 * resting in the pool's cool-down.
 *
 * <p>The invariants, checked after every command and again on restore:
 * <ul>
 *   <li>allocated + reserved + cooling ≤ capacity, and none is negative;</li>
 *   <li>no unit is in two holdings, none is held and retired, and every unit is at most
 *       {@link #unitCount()}; so free + held + retired = {@link #unitCount()}, each unit once;</li>
 *   <li>the capacity is {@link #unitCount()} minus the retired units.</li>
 * </ul>
 * Every command either succeeds or throws before changing anything, and takes its instant, which
 * must not be before the pool's last movement, so the movement log stays in time order.
 *
 * <p>Reservations: {@link #reserve} holds the lowest free units for the reservation, or, when fewer
 * are available than asked for, records the reservation {@link ReservationState#REJECTED} and an
 * {@link InvestmentRequested} (emergency for an order, rolling for an SLA), leaving the units as
 * they were. A reservation's units go to nobody else: they are allocated only through it
 * ({@link #allocate}), never directly, and never retired. This holds for every reservation;
 * an SLA reservation is in addition marked binding, as it binds the network centre to the SLA. At
 * its expiry ({@link #expire}), when cancelled ({@link #cancel}) or released because its holder
 * exited ({@link #releaseReservation}), its unallocated units return to the pool at once: an
 * expired reservation never keeps units.
 *
 * <p>Allocation and release: units are allocated through a reservation or directly from the free
 * units ({@link #allocateDirectly}); released on disconnection ({@link #release}) or when the key
 * account exits ({@link #releaseAllocationsOf}); with a cool-down, released units rest until it is
 * over before anyone gets them again.
 *
 * <p>Capacity grows with new units ({@link #addCapacity}) and shrinks by retiring free units
 * ({@link #retire}; held units are never retired, {@link CapacityHeldException} says how many are
 * held). A forecast demand beyond the available units raises a rolling investment request
 * ({@link #forecastShortfall}).
 *
 * <p>Every change of capacity, reserved or allocated units appends a {@link PoolMovement} to the
 * pool's movement log, which the repository keeps append-only and {@link Utilisation} reads. The
 * pool itself carries only the latest entry and the entries not saved yet, so it stays as small as
 * its active holdings.
 *
 * <p>Events: {@link PoolOpened}, {@link UnitsAllocated}, {@link UnitsReleased},
 * {@link CapacityAdded}, {@link CapacityRetired}, {@link InvestmentRequested}; the reservations it
 * changes record their own ({@link ReservationEvent}).
 */
public final class ResourcePool extends AggregateRoot<PoolId> {

    private final ResourceType resourceType;
    private final PoolLocation location;
    private final Duration coolDown;
    private long unitCount;
    private UnitSet retired;
    private final Map<ReservationId, ReservedUnits> reservations = new LinkedHashMap<>();
    private final Map<AllocationId, Allocation> allocations = new LinkedHashMap<>();
    private final List<CoolingUnits> cooling = new ArrayList<>();
    private PoolMovement lastMovement;
    private final List<PoolMovement> unsavedMovements = new ArrayList<>();

    private ResourcePool(PoolId id, long version, ResourceType resourceType, PoolLocation location, Duration coolDown,
            long unitCount, UnitSet retired) {
        super(id, version);
        this.resourceType = resourceType;
        this.location = location;
        this.coolDown = coolDown;
        this.unitCount = unitCount;
        this.retired = retired;
    }

    /**
     * Opens a pool with units 1 to {@code capacity} in service; records {@link PoolOpened} and the
     * first movement.
     *
     * @param id the pool's id
     * @param resourceType what its units are
     * @param location where they are
     * @param capacity how many units, not negative
     * @param coolDown how long released units rest before reuse; {@link Duration#ZERO} for none
     * @param at when
     * @return the pool (version 0, never saved)
     * @throws InvalidArgumentException naming the argument when one is null, {@code capacity} is
     *     negative or {@code coolDown} is negative
     */
    public static ResourcePool open(PoolId id, ResourceType resourceType, PoolLocation location, long capacity,
            Duration coolDown, Instant at) {
        Require.nonNull(id, "id");
        Require.nonNull(resourceType, "resourceType");
        Require.nonNull(location, "location");
        Require.nonNegative(capacity, "capacity");
        Require.nonNull(coolDown, "coolDown");
        Require.that(!coolDown.isNegative(), "coolDown", () -> "must not be negative, was " + coolDown);
        Require.nonNull(at, "at");
        ResourcePool pool = new ResourcePool(id, 0, resourceType, location, coolDown, capacity, UnitSet.EMPTY);
        pool.move(at);
        pool.record(new PoolOpened(EventId.random(), at, id, resourceType, location, capacity, coolDown));
        return pool;
    }

    /**
     * What the pool could give at an instant.
     *
     * @param at the instant; released units whose cool-down is over by then count as available
     * @return the figures
     * @throws InvalidArgumentException when {@code at} is null
     */
    public Availability availability(Instant at) {
        Require.nonNull(at, "at");
        long reserved = reservedUnits().size();
        long allocated = allocatedUnits().size();
        long resting = coolingUnits(at).size();
        long capacity = capacity();
        return new Availability(capacity, reserved, allocated, resting, capacity - reserved - allocated - resting);
    }

    /**
     * Checks availability and reserves: holds the lowest free units for a new reservation, or, when
     * fewer units are available than asked for, records the reservation
     * {@link ReservationState#REJECTED} with the reason and an {@link InvestmentRequested}
     * ({@link InvestmentKind#EMERGENCY} for an order, {@link InvestmentKind#ROLLING} for an SLA),
     * leaving the units as they were. The caller saves both the pool and the returned reservation.
     *
     * @param reservation the new reservation's id; not one of the pool's open reservations
     * @param terms what it asks for
     * @param at when; its expiry must be after it
     * @return the reservation, {@link ReservationState#IN_PROGRESS} or {@link ReservationState#REJECTED}
     * @throws InvalidArgumentException naming the argument when one is null, {@code at} is before the
     *     last movement or not before the expiry
     * @throws AlreadyExistsException when the pool holds units for an open reservation of that id
     */
    public Reservation reserve(ReservationId reservation, ReservationTerms terms, Instant at) {
        Require.nonNull(reservation, "reservation");
        Require.nonNull(terms, "terms");
        requireInOrder(at);
        Require.that(terms.expiresAt().isAfter(at), "terms", () -> "the expiry " + terms.expiresAt()
                + " must be after the reservation is made, at " + at);
        if (reservations.containsKey(reservation)) {
            throw new AlreadyExistsException("reservation " + reservation + " already holds units in pool " + id());
        }
        Availability availability = availability(at);
        if (!availability.covers(terms.units())) {
            long shortfall = terms.units() - availability.available();
            String why = "pool " + id() + " has " + availability.available() + " of the " + terms.units() + " "
                    + resourceType + " units asked for available (capacity " + availability.capacity() + ", reserved "
                    + availability.reserved() + ", allocated " + availability.allocated() + ", cooling "
                    + availability.cooling() + ")";
            InvestmentKind kind = terms.purpose() == ReservationPurpose.ORDER ? InvestmentKind.EMERGENCY
                    : InvestmentKind.ROLLING;
            record(new InvestmentRequested(EventId.random(), at, id(), resourceType, location, kind, shortfall,
                    terms.units(), availability.available(), Optional.of(reservation),
                    terms.purpose() + " " + terms.reference() + " of account " + terms.holder()));
            return Reservation.rejected(reservation, id(), terms, availability.available(), why, at);
        }
        settleCooling(at);
        UnitSet units = freeUnits(at).lowest(terms.units());
        reservations.put(reservation, new ReservedUnits(reservation, terms.holder(), terms.binding(), units));
        move(at);
        return Reservation.made(reservation, id(), terms, units, at);
    }

    /**
     * Allocates units through an open reservation: its lowest reserved units go to its holder for
     * its order or SLA. Completes the reservation when none is left. Records {@link UnitsAllocated}.
     *
     * @param reservation the reservation, of this pool and in progress
     * @param allocation the new allocation's id
     * @param units how many, at least 1 and at most the reservation's outstanding units
     * @param at when; before the reservation's expiry
     * @return the allocation
     * @throws InvalidArgumentException naming the argument when one is null, {@code units} is out of
     *     range, the reservation is of another pool, or {@code at} is before the last movement
     * @throws InvalidStateException when the reservation is not in progress
     * @throws ExpiredException when its expiry has come; expire it instead
     * @throws AlreadyExistsException when the allocation id is taken in the pool
     */
    public Allocation allocate(Reservation reservation, AllocationId allocation, long units, Instant at) {
        Require.nonNull(reservation, "reservation");
        Require.nonNull(allocation, "allocation");
        Require.positive(units, "units");
        requireInOrder(at);
        ReservedUnits held = requireHeld(reservation, "allocated from");
        requireNewAllocation(allocation);
        Require.that(units <= held.units().size(), "units", () -> "must be at most the " + held.units().size()
                + " units still reserved for reservation " + reservation.id() + ", was " + units);
        if (!at.isBefore(reservation.expiresAt())) {
            throw new ExpiredException("reservation " + reservation.id() + " in pool " + id() + " expired at "
                    + reservation.expiresAt() + "; its units can no longer be allocated, at " + at);
        }
        UnitSet taken = held.units().lowest(units);
        UnitSet left = held.units().minus(taken);
        if (left.isEmpty()) {
            reservations.remove(reservation.id());
        } else {
            reservations.put(reservation.id(), new ReservedUnits(held.reservation(), held.holder(), held.binding(), left));
        }
        Allocation made = new Allocation(allocation, reservation.holder(), reservation.reference(),
                Optional.of(reservation.id()), taken, at);
        allocations.put(allocation, made);
        settleCooling(at);
        move(at);
        record(new UnitsAllocated(EventId.random(), at, id(), allocation, made.holder(), made.reference(),
                made.reservation(), taken));
        reservation.recordAllocation(units, at);
        return made;
    }

    /**
     * Allocates free units directly, without a reservation: the lowest free units go to the key
     * account. Reserved units are never taken. Records {@link UnitsAllocated}.
     *
     * @param allocation the new allocation's id
     * @param holder the key account
     * @param reference the order or SLA the units serve
     * @param units how many, at least 1
     * @param at when
     * @return the allocation
     * @throws InvalidArgumentException naming the argument when one is null, blank or out of range,
     *     or {@code at} is before the last movement
     * @throws InsufficientCapacityException when fewer units are available
     * @throws AlreadyExistsException when the allocation id is taken in the pool
     */
    public Allocation allocateDirectly(AllocationId allocation, AccountId holder, String reference, long units,
            Instant at) {
        Require.nonNull(allocation, "allocation");
        Require.nonNull(holder, "holder");
        Require.positive(units, "units");
        Require.text(reference, "reference", dev.keyline.domain.common.Limits.NAME_LENGTH);
        requireInOrder(at);
        requireNewAllocation(allocation);
        Availability availability = availability(at);
        if (!availability.covers(units)) {
            throw new InsufficientCapacityException("pool " + id() + " has " + availability.available() + " free "
                    + resourceType + " units, fewer than the " + units + " asked for by account " + holder + " for "
                    + reference + " (capacity " + availability.capacity() + ", reserved " + availability.reserved()
                    + ", allocated " + availability.allocated() + ", cooling " + availability.cooling() + ")");
        }
        settleCooling(at);
        UnitSet taken = freeUnits(at).lowest(units);
        Allocation made = new Allocation(allocation, holder, reference, Optional.empty(), taken, at);
        allocations.put(allocation, made);
        move(at);
        record(new UnitsAllocated(EventId.random(), at, id(), allocation, holder, reference, Optional.empty(),
                taken));
        return made;
    }

    /**
     * Releases an allocation on disconnection; its units rest for the cool-down, if the pool has
     * one, else are free at once. Records {@link UnitsReleased}.
     *
     * @param allocation the allocation
     * @param at when
     * @return the released allocation
     * @throws InvalidArgumentException naming the argument when one is null or {@code at} is before
     *     the last movement
     * @throws NotFoundException when the pool has no such allocation (it may have been released already)
     */
    public Allocation release(AllocationId allocation, Instant at) {
        Require.nonNull(allocation, "allocation");
        requireInOrder(at);
        Allocation held = allocations.get(allocation);
        if (held == null) {
            throw new NotFoundException("pool " + id() + " has no allocation " + allocation
                    + "; it was never made or is released already");
        }
        settleCooling(at);
        releaseHeld(held, ReleaseCause.DISCONNECTION, at);
        move(at);
        return held;
    }

    /**
     * Releases every allocation a key account holds in the pool, as when it exits; their units rest
     * for the cool-down, if any. Records one {@link UnitsReleased} per allocation. An account
     * holding nothing here changes nothing (so a second exit releases nothing twice).
     *
     * @param holder the key account
     * @param at when
     * @return the released allocations, possibly none
     * @throws InvalidArgumentException naming the argument when one is null or {@code at} is before
     *     the last movement
     */
    public List<Allocation> releaseAllocationsOf(AccountId holder, Instant at) {
        Require.nonNull(holder, "holder");
        requireInOrder(at);
        List<Allocation> released = allocations.values().stream().filter(a -> a.holder().equals(holder)).toList();
        if (released.isEmpty()) {
            return released;
        }
        settleCooling(at);
        for (Allocation a : released) {
            releaseHeld(a, ReleaseCause.ACCOUNT_EXIT, at);
        }
        move(at);
        return released;
    }

    /**
     * Cancels an open reservation with its reason; its unallocated units are free again at once.
     *
     * @param reservation the reservation, of this pool and in progress
     * @param reason why; not blank
     * @param at when, the cancellation date
     * @return the units returned to the pool
     * @throws InvalidArgumentException naming the argument when one is null or blank, the
     *     reservation is of another pool, or {@code at} is before the last movement
     * @throws InvalidStateException when the reservation is not in progress
     */
    public UnitSet cancel(Reservation reservation, String reason, Instant at) {
        return close(reservation, ReservationState.CANCELLED, Require.text(reason, "reason"), at, "cancelled");
    }

    /**
     * Releases an open reservation because its holder no longer needs it (the key account exited);
     * its unallocated units are free again at once.
     *
     * @param reservation the reservation, of this pool and in progress
     * @param reason why; not blank
     * @param at when
     * @return the units returned to the pool
     * @throws InvalidArgumentException naming the argument when one is null or blank, the
     *     reservation is of another pool, or {@code at} is before the last movement
     * @throws InvalidStateException when the reservation is not in progress
     */
    public UnitSet releaseReservation(Reservation reservation, String reason, Instant at) {
        return close(reservation, ReservationState.RELEASED, Require.text(reason, "reason"), at, "released");
    }

    /**
     * Expires an open reservation whose expiry has come: its unallocated units are free again at once.
     *
     * @param reservation the reservation, of this pool and in progress
     * @param now the instant; not before the reservation's expiry
     * @return the units returned to the pool
     * @throws InvalidArgumentException naming the argument when one is null, the reservation is of
     *     another pool, or {@code now} is before the last movement
     * @throws InvalidStateException when the reservation is not in progress or its expiry has not come
     */
    public UnitSet expire(Reservation reservation, Instant now) {
        Require.nonNull(reservation, "reservation");
        Require.nonNull(now, "now");
        if (reservation.state().isOpen() && now.isBefore(reservation.expiresAt())) {
            throw new InvalidStateException("reservation " + reservation.id() + " in pool " + id() + " expires at "
                    + reservation.expiresAt() + ", not yet at " + now);
        }
        return close(reservation, ReservationState.EXPIRED, null, now, "expired");
    }

    /**
     * Puts new units into service, numbered after the highest so far, for example when construction
     * completes. Records {@link CapacityAdded}.
     *
     * @param units how many, at least 1
     * @param reason why; not blank
     * @param at when
     * @return the new units
     * @throws InvalidArgumentException naming the argument when one is null, blank or not positive,
     *     or {@code at} is before the last movement
     */
    public UnitSet addCapacity(long units, String reason, Instant at) {
        Require.positive(units, "units");
        Require.text(reason, "reason");
        requireInOrder(at);
        Require.that(units <= Long.MAX_VALUE / 2 - unitCount, "units", () -> "is too large, was " + units);
        UnitSet added = UnitSet.of(unitCount + 1, unitCount + units);
        unitCount += units;
        settleCooling(at);
        move(at);
        record(new CapacityAdded(EventId.random(), at, id(), added, capacity(), reason));
        return added;
    }

    /**
     * Retires free units with their equipment, the highest-numbered free units first. Held units
     * (reserved, allocated or cooling) are never retired. Records {@link CapacityRetired}.
     *
     * @param units how many, at least 1
     * @param reason why; not blank
     * @param at when
     * @return the retired units
     * @throws InvalidArgumentException naming the argument when one is null, blank or not positive,
     *     or {@code at} is before the last movement
     * @throws CapacityHeldException when fewer units are free, naming how many are held
     */
    public UnitSet retire(long units, String reason, Instant at) {
        Require.positive(units, "units");
        Require.text(reason, "reason");
        requireInOrder(at);
        Availability availability = availability(at);
        if (!availability.covers(units)) {
            long held = availability.reserved() + availability.allocated() + availability.cooling();
            throw new CapacityHeldException("pool " + id() + " cannot retire " + units + " units: only "
                    + availability.available() + " of its " + availability.capacity() + " are free, " + held
                    + " are held (reserved " + availability.reserved() + ", allocated " + availability.allocated()
                    + ", cooling " + availability.cooling() + ")", held);
        }
        settleCooling(at);
        UnitSet gone = freeUnits(at).highest(units);
        retired = retired.union(gone);
        move(at);
        record(new CapacityRetired(EventId.random(), at, id(), gone, capacity(), reason));
        return gone;
    }

    /**
     * Compares a forecast demand with the units available and, when it exceeds them, records a
     * rolling-investment request ({@link InvestmentRequested}, {@link InvestmentKind#ROLLING}). The
     * units do not change.
     *
     * @param forecastDemand the units the market forecast expects to be asked for, at least 1
     * @param basis what the forecast is, for the request; not blank
     * @param at when
     * @return the shortfall, or 0 when the available units cover the forecast (nothing is recorded)
     * @throws InvalidArgumentException naming the argument when one is null, blank or not positive
     */
    public long forecastShortfall(long forecastDemand, String basis, Instant at) {
        Require.positive(forecastDemand, "forecastDemand");
        Require.text(basis, "basis");
        requireInOrder(at);
        Availability availability = availability(at);
        if (availability.covers(forecastDemand)) {
            return 0;
        }
        long shortfall = forecastDemand - availability.available();
        record(new InvestmentRequested(EventId.random(), at, id(), resourceType, location, InvestmentKind.ROLLING,
                shortfall, forecastDemand, availability.available(), Optional.empty(), basis));
        return shortfall;
    }

    private UnitSet close(Reservation reservation, ReservationState finalState, String reason, Instant at, String verb) {
        Require.nonNull(reservation, "reservation");
        requireInOrder(at);
        ReservedUnits held = requireHeld(reservation, verb);
        reservations.remove(reservation.id());
        settleCooling(at);
        move(at);
        reservation.close(finalState, held.units(), reason, at);
        return held.units();
    }

    private void releaseHeld(Allocation held, ReleaseCause cause, Instant at) {
        allocations.remove(held.id());
        Optional<Instant> until = Optional.empty();
        if (!coolDown.isZero()) {
            until = Optional.of(at.plus(coolDown));
            cooling.add(new CoolingUnits(held.id(), held.units(), until.get()));
        }
        record(new UnitsReleased(EventId.random(), at, id(), held.id(), held.holder(), held.units(), cause, until));
    }

    /** The pool's holding of an open reservation of this pool, checked to match the reservation. */
    private ReservedUnits requireHeld(Reservation reservation, String verb) {
        Require.nonNull(reservation, "reservation");
        Require.that(reservation.pool().equals(id()), "reservation", () -> "reservation " + reservation.id()
                + " is in pool " + reservation.pool() + ", not in " + id());
        reservation.requireOpen(verb);
        ReservedUnits held = reservations.get(reservation.id());
        if (held == null || held.units().size() != reservation.outstanding()) {
            throw new InvalidStateException("reservation " + reservation.id() + " has " + reservation.outstanding()
                    + " units outstanding but pool " + id() + " holds " + (held == null ? 0 : held.units().size())
                    + " for it; the two were not loaded from the same commit");
        }
        return held;
    }

    private void requireNewAllocation(AllocationId allocation) {
        if (allocations.containsKey(allocation)) {
            throw new AlreadyExistsException("allocation " + allocation + " already exists in pool " + id());
        }
    }

    private void requireInOrder(Instant at) {
        Require.nonNull(at, "at");
        if (at.isBefore(lastMovement.at())) {
            throw new InvalidArgumentException("at", "must not be before the last movement of pool " + id() + " at "
                    + lastMovement.at() + ", was " + at);
        }
    }

    /** Drops the cooling entries whose rest is over at {@code at}: their units are free again. */
    private void settleCooling(Instant at) {
        cooling.removeIf(c -> c.isOverAt(at));
    }

    private void move(Instant at) {
        long sequence = lastMovement == null ? 1 : lastMovement.sequence() + 1;
        lastMovement = new PoolMovement(sequence, at, capacity(), reservedUnits().size(), allocatedUnits().size());
        unsavedMovements.add(lastMovement);
        checkInvariants(CorruptStateException::new);
    }

    private UnitSet reservedUnits() {
        UnitSet all = UnitSet.EMPTY;
        for (ReservedUnits r : reservations.values()) {
            all = all.union(r.units());
        }
        return all;
    }

    private UnitSet allocatedUnits() {
        UnitSet all = UnitSet.EMPTY;
        for (Allocation a : allocations.values()) {
            all = all.union(a.units());
        }
        return all;
    }

    private UnitSet coolingUnits(Instant at) {
        UnitSet all = UnitSet.EMPTY;
        for (CoolingUnits c : cooling) {
            if (!c.isOverAt(at)) {
                all = all.union(c.units());
            }
        }
        return all;
    }

    /**
     * The units nobody holds at an instant: in service, not retired, not reserved, not allocated and
     * not resting.
     *
     * @param at the instant
     * @return the free units
     * @throws InvalidArgumentException when {@code at} is null
     */
    public UnitSet freeUnits(Instant at) {
        Require.nonNull(at, "at");
        return UnitSet.firstUnits(unitCount).minus(retired).minus(reservedUnits()).minus(allocatedUnits())
                .minus(coolingUnits(at));
    }

    /** Fails through {@code failure} when an invariant does not hold. */
    private void checkInvariants(java.util.function.Function<String, RuntimeException> failure) {
        List<UnitSet> holdings = new ArrayList<>();
        holdings.add(retired);
        reservations.values().forEach(r -> holdings.add(r.units()));
        allocations.values().forEach(a -> holdings.add(a.units()));
        cooling.forEach(c -> holdings.add(c.units()));
        UnitSet seen = UnitSet.EMPTY;
        long total = 0;
        for (UnitSet h : holdings) {
            if (h.highest() > unitCount) {
                throw failure.apply("pool " + id() + " holds unit " + h.highest() + " beyond its " + unitCount + " units");
            }
            total += h.size();
            seen = seen.union(h);
        }
        if (seen.size() != total) {
            throw failure.apply("pool " + id() + " holds a unit twice: " + total + " holdings of units but only "
                    + seen.size() + " distinct units");
        }
        if (lastMovement != null && (lastMovement.capacity() != capacity()
                || lastMovement.reserved() != reservedUnits().size() || lastMovement.allocated() != allocatedUnits().size())) {
            throw failure.apply("pool " + id() + " last movement " + lastMovement + " does not match its holdings");
        }
    }

    /** {@return what its units are} */
    public ResourceType resourceType() {
        return resourceType;
    }

    /** {@return where they are} */
    public PoolLocation location() {
        return location;
    }

    /** {@return how long released units rest before reuse; zero for none} */
    public Duration coolDown() {
        return coolDown;
    }

    /** {@return the highest unit number ever put into service; units are numbered 1 to it} */
    public long unitCount() {
        return unitCount;
    }

    /** {@return the units in service: {@link #unitCount()} minus the retired units} */
    public long capacity() {
        return unitCount - retired.size();
    }

    /** {@return the units taken out of service} */
    public UnitSet retired() {
        return retired;
    }

    /** {@return the units reserved for each open reservation, in the order they were made} */
    public List<ReservedUnits> reservations() {
        return List.copyOf(reservations.values());
    }

    /** {@return the allocations, in the order they were made} */
    public List<Allocation> allocations() {
        return List.copyOf(allocations.values());
    }

    /**
     * {@return the released units resting in the cool-down (some may be over by now), oldest first}
     */
    public List<CoolingUnits> cooling() {
        return List.copyOf(cooling);
    }

    /**
     * The open reservations held for a key account.
     *
     * @param holder the key account
     * @return their ids, in the order they were made
     * @throws InvalidArgumentException when {@code holder} is null
     */
    public List<ReservationId> reservationsOf(AccountId holder) {
        Require.nonNull(holder, "holder");
        return reservations.values().stream().filter(r -> r.holder().equals(holder)).map(ReservedUnits::reservation)
                .toList();
    }

    /** {@return the latest entry of the movement log: the counts in force now} */
    public PoolMovement lastMovement() {
        return lastMovement;
    }

    /**
     * The movement log entries made since the pool was loaded (or since they were written), oldest
     * first; the repository appends them to the log when it saves the pool.
     *
     * @return the unsaved entries
     */
    public List<PoolMovement> unsavedMovements() {
        return List.copyOf(unsavedMovements);
    }

    /**
     * Called by the repository after it appended {@link #unsavedMovements()} to the log with the
     * pool's save.
     */
    public void movementsWritten() {
        unsavedMovements.clear();
    }

    /**
     * The pool's current state as an immutable snapshot.
     *
     * @return the snapshot
     */
    public ResourcePoolSnapshot snapshot() {
        return new ResourcePoolSnapshot(id(), version(), resourceType, location, coolDown, unitCount, retired,
                List.copyOf(reservations.values()), List.copyOf(allocations.values()), List.copyOf(cooling),
                lastMovement);
    }

    /**
     * Restores a pool from its stored form, checking every invariant again.
     *
     * @param snapshot the snapshot
     * @return the pool, with no unsaved movements
     * @throws CorruptStateException when the snapshot breaks an invariant or has a null part
     * @throws InvalidArgumentException when {@code snapshot} is null
     */
    public static ResourcePool restore(ResourcePoolSnapshot snapshot) {
        ResourcePoolSnapshot s = Require.nonNull(snapshot, "snapshot");
        try {
            Require.nonNull(s.id(), "id");
            Require.nonNull(s.resourceType(), "resourceType");
            Require.nonNull(s.location(), "location");
            Require.nonNull(s.coolDown(), "coolDown");
            Require.that(!s.coolDown().isNegative(), "coolDown", "must not be negative");
            Require.nonNegative(s.unitCount(), "unitCount");
            Require.nonNull(s.retired(), "retired");
            Require.nonNull(s.lastMovement(), "lastMovement");
            ResourcePool pool = new ResourcePool(s.id(), s.version(), s.resourceType(), s.location(), s.coolDown(),
                    s.unitCount(), s.retired());
            for (ReservedUnits r : Require.nonNullElements(s.reservations(), "reservations")) {
                Require.that(pool.reservations.put(r.reservation(), r) == null, "reservations",
                        () -> "holds reservation " + r.reservation() + " twice");
            }
            for (Allocation a : Require.nonNullElements(s.allocations(), "allocations")) {
                Require.that(pool.allocations.put(a.id(), a) == null, "allocations", () -> "holds allocation " + a.id() + " twice");
            }
            pool.cooling.addAll(Require.nonNullElements(s.cooling(), "cooling"));
            pool.lastMovement = s.lastMovement();
            pool.checkInvariants(message -> new CorruptStateException("stored " + message));
            return pool;
        } catch (InvalidArgumentException e) {
            throw new CorruptStateException("stored resource pool " + s.id() + " is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ResourcePool[" + id() + ", " + resourceType + " at " + location + ", " + lastMovement + "]";
    }
}
