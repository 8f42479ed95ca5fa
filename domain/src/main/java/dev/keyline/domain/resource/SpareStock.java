package dev.keyline.domain.resource;

import dev.keyline.domain.common.AggregateRoot;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock of one spare part (备品备件) in one depot: the units on hand (some of them reserved for
 * fault tickets or orders), the faulty units away for repair, and the minimum level the depot
 * keeps available.
 *
 * <p>The units move only through these commands, each raising one {@code resource.spare-*} event:
 * <ul>
 *   <li>{@link #receive}: new units come in, on hand;</li>
 *   <li>{@link #reserve} / {@link #releaseReservation}: available units are held for a reference,
 *       or given back;</li>
 *   <li>{@link #issueReserved} / {@link #issueDirectly}: units leave the depot for use, from a
 *       reservation or from what is available;</li>
 *   <li>{@link #returnUnused} / {@link #returnFaulty}: units come back, unused ones on hand, faulty
 *       ones to repair;</li>
 *   <li>{@link #repairDone}: repaired units come back on hand;</li>
 *   <li>{@link #scrap}: units are written off, available ones on hand or ones under repair;</li>
 *   <li>{@link #setMinimum}: the minimum level changes (no unit moves);</li>
 *   <li>{@link #checkMinimum}: the daily check, raising {@link SpareBelowMinimum} at most once a day.</li>
 * </ul>
 *
 * <p>Invariants, after every command: no quantity is negative; reserved ≤ on hand, where reserved
 * is the sum of the open reservations, each above zero; every quantity is at most
 * {@link #MAX_QUANTITY}; and the units conserve: on hand + under repair changes by exactly the
 * units received and returned less the units issued and scrapped. A refused command throws before
 * anything changes.
 */
public final class SpareStock extends AggregateRoot<SpareStockId> {

    /** The largest quantity a stock holds in any one count: a billion units. */
    public static final long MAX_QUANTITY = 1_000_000_000L;

    private long onHand;
    private long underRepair;
    private long minimum;
    private final Map<SpareReservationRef, Long> reservations = new TreeMap<>(Comparator.comparing(SpareReservationRef::value));
    private LocalDate lastBelowMinimumDay;

    private SpareStock(SpareStockId id, long version) {
        super(id, version);
    }

    /**
     * A new, empty stock (version 0, never saved): nothing on hand, nothing under repair, minimum 0.
     *
     * @param id the stock's id, naming its depot and part
     * @return the stock
     * @throws InvalidArgumentException when {@code id} is null
     */
    public static SpareStock create(SpareStockId id) {
        return new SpareStock(Require.nonNull(id, "id"), 0);
    }

    /** {@return the depot} */
    public DepotId depot() {
        return id().depot();
    }

    /** {@return the part} */
    public SparePartNumber part() {
        return id().part();
    }

    /** {@return the units in the depot, reserved ones included} */
    public long onHand() {
        return onHand;
    }

    /**
     * {@return the units on hand held for fault tickets or orders: the sum of the reservations}
     */
    public long reserved() {
        long sum = 0;
        for (long q : reservations.values()) {
            sum += q;
        }
        return sum;
    }

    /** {@return the units on hand and not reserved: {@code onHand() - reserved()}} */
    public long available() {
        return onHand - reserved();
    }

    /** {@return the faulty units away for repair} */
    public long underRepair() {
        return underRepair;
    }

    /** {@return the minimum level of available units} */
    public long minimum() {
        return minimum;
    }

    /** {@return whether the available units are under the minimum level} */
    public boolean isBelowMinimum() {
        return available() < minimum;
    }

    /**
     * The units reserved for a reference.
     *
     * @param ref the reference
     * @return the units, 0 when none are reserved for it
     * @throws InvalidArgumentException when {@code ref} is null
     */
    public long reservedFor(SpareReservationRef ref) {
        return reservations.getOrDefault(Require.nonNull(ref, "ref"), 0L);
    }

    /**
     * The open reservations, ordered by reference.
     *
     * @return the reservations
     */
    public List<SpareReservation> reservations() {
        List<SpareReservation> list = new ArrayList<>(reservations.size());
        reservations.forEach((ref, q) -> list.add(new SpareReservation(ref, q)));
        return List.copyOf(list);
    }

    /**
     * The day the daily check last raised {@link SpareBelowMinimum}.
     *
     * @return the day, or empty when it never did
     */
    public Optional<LocalDate> lastBelowMinimumDay() {
        return Optional.ofNullable(lastBelowMinimumDay);
    }

    /**
     * New units come into the depot, on hand. Raises {@link SpareReceived}.
     *
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null, the quantity is not above zero or
     *     on hand would exceed {@link #MAX_QUANTITY}
     */
    public void receive(long quantity, Instant at) {
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        long after = bounded(onHand + quantity, "on hand");
        onHand = after;
        record(new SpareReceived(EventId.random(), at, id(), quantity));
    }

    /**
     * Holds available units for a fault ticket or order. Reserving again for the same reference adds
     * to its reservation. Raises {@link SpareReserved}.
     *
     * @param ref what they are held for
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null or the quantity is not above zero
     * @throws InsufficientCapacityException when fewer units are available; nothing changes
     */
    public void reserve(SpareReservationRef ref, long quantity, Instant at) {
        Require.nonNull(ref, "ref");
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        requireAvailable(quantity, "reserve");
        reservations.merge(ref, quantity, Long::sum);
        record(new SpareReserved(EventId.random(), at, id(), quantity, ref));
    }

    /**
     * Gives reserved units back, unused: they stay on hand and are available again. Raises
     * {@link SpareReservationReleased}.
     *
     * @param ref the reservation
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null or the quantity is not above zero
     * @throws InvalidStateException when fewer units are reserved for {@code ref}; nothing changes
     */
    public void releaseReservation(SpareReservationRef ref, long quantity, Instant at) {
        Require.nonNull(ref, "ref");
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        takeFromReservation(ref, quantity, "release");
        record(new SpareReservationReleased(EventId.random(), at, id(), quantity, ref));
    }

    /**
     * Issues reserved units for use: they leave the reservation and the depot. Raises
     * {@link SpareIssued} naming the reservation.
     *
     * @param ref the reservation
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null or the quantity is not above zero
     * @throws InvalidStateException when fewer units are reserved for {@code ref}; nothing changes
     */
    public void issueReserved(SpareReservationRef ref, long quantity, Instant at) {
        Require.nonNull(ref, "ref");
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        takeFromReservation(ref, quantity, "issue");
        onHand -= quantity;
        record(new SpareIssued(EventId.random(), at, id(), quantity, ref));
    }

    /**
     * Issues available units for use without a reservation. Raises {@link SpareIssued} with no
     * reservation.
     *
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null or the quantity is not above zero
     * @throws InsufficientCapacityException when fewer units are available (reserved units are not
     *     issued this way); nothing changes
     */
    public void issueDirectly(long quantity, Instant at) {
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        requireAvailable(quantity, "issue");
        onHand -= quantity;
        record(new SpareIssued(EventId.random(), at, id(), quantity, null));
    }

    /**
     * Unused units come back on hand. Raises {@link SpareReturned} (not faulty).
     *
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null, the quantity is not above zero or
     *     on hand would exceed {@link #MAX_QUANTITY}
     */
    public void returnUnused(long quantity, Instant at) {
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        onHand = bounded(onHand + quantity, "on hand");
        record(new SpareReturned(EventId.random(), at, id(), quantity, false));
    }

    /**
     * Faulty units come back and go to repair. Raises {@link SpareReturned} (faulty).
     *
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null, the quantity is not above zero or
     *     under repair would exceed {@link #MAX_QUANTITY}
     */
    public void returnFaulty(long quantity, Instant at) {
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        underRepair = bounded(underRepair + quantity, "under repair");
        record(new SpareReturned(EventId.random(), at, id(), quantity, true));
    }

    /**
     * Repaired units come back on hand. Raises {@link SpareRepaired}.
     *
     * @param quantity how many, above zero
     * @param at when
     * @throws InvalidArgumentException when an argument is null, the quantity is not above zero or
     *     on hand would exceed {@link #MAX_QUANTITY}
     * @throws InvalidStateException when fewer units are under repair; nothing changes
     */
    public void repairDone(long quantity, Instant at) {
        checkQuantity(quantity);
        Require.nonNull(at, "at");
        if (quantity > underRepair) {
            throw new InvalidStateException("spare stock " + id() + ": cannot finish the repair of " + quantity
                    + " units, only " + underRepair + " are under repair");
        }
        long after = bounded(onHand + quantity, "on hand");
        underRepair -= quantity;
        onHand = after;
        record(new SpareRepaired(EventId.random(), at, id(), quantity));
    }

    /**
     * Writes units off: available units on hand (reserved ones must be released first) or units
     * under repair. Raises {@link SpareScrapped}.
     *
     * @param from where they are taken from
     * @param quantity how many, above zero
     * @param reason why, at most {@link Require#MAX_TEXT_LENGTH} characters
     * @param at when
     * @throws InvalidArgumentException when an argument is null, the quantity is not above zero or
     *     the reason is blank or too long
     * @throws InsufficientCapacityException when scrapping from on hand and fewer units are available
     * @throws InvalidStateException when scrapping from repair and fewer units are under repair
     */
    public void scrap(SpareScrapSource from, long quantity, String reason, Instant at) {
        Require.nonNull(from, "from");
        checkQuantity(quantity);
        Require.text(reason, "reason");
        Require.nonNull(at, "at");
        if (from == SpareScrapSource.ON_HAND) {
            requireAvailable(quantity, "scrap");
            onHand -= quantity;
        } else {
            if (quantity > underRepair) {
                throw new InvalidStateException("spare stock " + id() + ": cannot scrap " + quantity
                        + " units from repair, only " + underRepair + " are under repair");
            }
            underRepair -= quantity;
        }
        record(new SpareScrapped(EventId.random(), at, id(), quantity, from, reason));
    }

    /**
     * Sets the minimum level of available units. Raises {@link SpareMinimumSet}, also when the level
     * stays the same (the setting is recorded).
     *
     * @param newMinimum the level, from 0 to {@link #MAX_QUANTITY}
     * @param at when
     * @throws InvalidArgumentException when {@code at} is null or the level is out of range
     */
    public void setMinimum(long newMinimum, Instant at) {
        Require.nonNegative(newMinimum, "minimum");
        Require.that(newMinimum <= MAX_QUANTITY, "minimum", () -> "must be at most " + MAX_QUANTITY + ", was " + newMinimum);
        Require.nonNull(at, "at");
        long previous = minimum;
        minimum = newMinimum;
        record(new SpareMinimumSet(EventId.random(), at, id(), newMinimum, previous));
    }

    /**
     * The daily check (日常监控): when the available units are under the minimum level and the check
     * has not raised {@link SpareBelowMinimum} for this stock on {@code day} yet, raises it and
     * remembers the day. Running it again the same day changes nothing.
     *
     * @param day the day of the check, in the host's time zone (years 1 to 9999, so every provider
     *     stores it); not before the last day it raised
     * @param at when
     * @return true when it raised the event
     * @throws InvalidArgumentException when an argument is null, {@code day} lies outside the years 1
     *     to 9999 or before the last day the check raised the event
     */
    public boolean checkMinimum(LocalDate day, Instant at) {
        Require.nonNull(day, "day");
        Require.nonNull(at, "at");
        Require.that(day.getYear() >= 1 && day.getYear() <= 9999, "day", () -> "must lie in the years 1 to 9999, was " + day);
        if (lastBelowMinimumDay != null && day.isBefore(lastBelowMinimumDay)) {
            throw new InvalidArgumentException("day", "the check of spare stock " + id() + " already raised on "
                    + lastBelowMinimumDay + "; a check may not be dated before that, was " + day);
        }
        long available = available();
        if (available >= minimum || day.equals(lastBelowMinimumDay)) {
            return false;
        }
        lastBelowMinimumDay = day;
        record(new SpareBelowMinimum(EventId.random(), at, id(), day, available, minimum));
        return true;
    }

    /**
     * The stored form of this stock.
     *
     * @return an immutable snapshot
     */
    public SpareStockSnapshot snapshot() {
        return new SpareStockSnapshot(id(), version(), onHand, underRepair, minimum, reservations(), lastBelowMinimumDay);
    }

    /**
     * Rebuilds a stock from its stored form, checking it again.
     *
     * @param snapshot the stored form
     * @return the stock
     * @throws InvalidArgumentException when {@code snapshot} is null
     * @throws CorruptStateException naming what is wrong when the id or reservations are missing, the
     *     version or a quantity is negative or above {@link #MAX_QUANTITY}, a reservation is missing,
     *     not above zero or repeated, or more is reserved than is on hand
     */
    public static SpareStock restore(SpareStockSnapshot snapshot) {
        Require.nonNull(snapshot, "snapshot");
        SpareStockId id = snapshot.id();
        if (id == null) {
            throw new CorruptStateException("spare stock: id is missing");
        }
        if (snapshot.version() < 0) {
            throw new CorruptStateException("spare stock " + id + ": version is negative: " + snapshot.version());
        }
        stored(id, "on hand", snapshot.onHand());
        stored(id, "under repair", snapshot.underRepair());
        stored(id, "minimum", snapshot.minimum());
        if (snapshot.reservations() == null) {
            throw new CorruptStateException("spare stock " + id + ": reservations are missing");
        }
        SpareStock stock = new SpareStock(id, snapshot.version());
        long reserved = 0;
        for (int i = 0; i < snapshot.reservations().size(); i++) {
            SpareReservation r = snapshot.reservations().get(i);
            if (r == null) {
                throw new CorruptStateException("spare stock " + id + ": reservations[" + i + "] is missing");
            }
            if (stock.reservations.put(r.ref(), r.quantity()) != null) {
                throw new CorruptStateException("spare stock " + id + ": reservation " + r.ref() + " appears twice");
            }
            reserved += r.quantity();
            if (reserved > snapshot.onHand()) {
                throw new CorruptStateException("spare stock " + id + ": reserved units exceed the " + snapshot.onHand()
                        + " on hand");
            }
        }
        stock.onHand = snapshot.onHand();
        stock.underRepair = snapshot.underRepair();
        stock.minimum = snapshot.minimum();
        stock.lastBelowMinimumDay = snapshot.lastBelowMinimumDay();
        return stock;
    }

    private static void stored(SpareStockId id, String what, long value) {
        if (value < 0 || value > MAX_QUANTITY) {
            throw new CorruptStateException("spare stock " + id + ": " + what + " must lie in 0 to " + MAX_QUANTITY
                    + ", was " + value);
        }
    }

    private static void checkQuantity(long quantity) {
        Require.positive(quantity, "quantity");
        Require.that(quantity <= MAX_QUANTITY, "quantity", () -> "must be at most " + MAX_QUANTITY + ", was " + quantity);
    }

    private long bounded(long after, String what) {
        if (after > MAX_QUANTITY) {
            throw new InvalidArgumentException("quantity", "spare stock " + id() + ": " + what + " would be " + after
                    + ", above the most a stock holds, " + MAX_QUANTITY);
        }
        return after;
    }

    private void requireAvailable(long quantity, String command) {
        long available = available();
        if (quantity > available) {
            throw new InsufficientCapacityException("spare stock " + id() + ": cannot " + command + " " + quantity
                    + " units, only " + available + " are available (" + onHand + " on hand, " + reserved()
                    + " reserved)");
        }
    }

    private void takeFromReservation(SpareReservationRef ref, long quantity, String command) {
        long held = reservations.getOrDefault(ref, 0L);
        if (quantity > held) {
            throw new InvalidStateException("spare stock " + id() + ": cannot " + command + " " + quantity
                    + " units of reservation " + ref + ", it holds " + held);
        }
        if (held == quantity) {
            reservations.remove(ref);
        } else {
            reservations.put(ref, held - quantity);
        }
    }
}
