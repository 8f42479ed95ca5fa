package dev.keyline.benchmarks.storage;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.CoolingUnits;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservedUnits;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitRange;
import dev.keyline.runtime.resource.ResourcePools;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * The reservation mix ({@link ReservationMix}) written by hand with plain JDBC into Keyline's
 * schema. The domain decides every value in memory, as on the Keyline side; the program keeps the
 * pool it opened and the reservation it made, so nothing is read back (which a host with several
 * nodes could not do for a shared pool: the raw side's advantage). Per command the fewest
 * statements a careful engineer needs: the pool's movement columns updated with the version check,
 * only the holding rows that changed (inserted, updated or deleted by line), the new movement, the
 * reservation inserted or only its changed columns updated with the version check, and the
 * command's outbox rows, events and timer together, in one statement; re-dating moves the pending
 * timer with one update instead of a delete and an insert.
 */
public final class RawReservation {

    static final String INSERT_POOL = "INSERT INTO keyline_resource_pool (pool_id, resource_type, network_id, site, "
            + "cool_down_seconds, cool_down_nanos, unit_count, last_sequence, last_moved_at, last_capacity, last_reserved, "
            + "last_allocated, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String MOVE_POOL = "UPDATE keyline_resource_pool SET last_sequence = ?, last_moved_at = ?, "
            + "last_reserved = ?, last_allocated = ?, version = ? WHERE pool_id = ? AND version = ?";
    static final String INSERT_MOVEMENT = "INSERT INTO keyline_resource_movement (pool_id, sequence_no, moved_at, capacity, "
            + "reserved, allocated) VALUES (?, ?, ?, ?, ?, ?)";
    static final String INSERT_HOLDING = "INSERT INTO keyline_resource_holding (pool_id, line_no, holding_kind, holding_id, "
            + "account_id, reference, reservation_id, binding, held_at, first_unit, last_unit) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String UPDATE_HOLDING = "UPDATE keyline_resource_holding SET holding_kind = ?, holding_id = ?, "
            + "account_id = ?, reference = ?, reservation_id = ?, binding = ?, held_at = ?, first_unit = ?, last_unit = ? "
            + "WHERE pool_id = ? AND line_no = ?";
    static final String DELETE_HOLDINGS = "DELETE FROM keyline_resource_holding WHERE pool_id = ? AND line_no > ?";
    static final String INSERT_RESERVATION = "INSERT INTO keyline_reservation (reservation_id, pool_id, account_id, "
            + "purpose, reference, requested, allocated, made_at, starts_at, ends_at, expires_at, state, closed_at, reason, "
            + "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String REDATE = "UPDATE keyline_reservation SET expires_at = ?, version = ? "
            + "WHERE reservation_id = ? AND version = ?";
    static final String ALLOCATED = "UPDATE keyline_reservation SET allocated = ?, state = ?, closed_at = ?, version = ? "
            + "WHERE reservation_id = ? AND version = ?";

    private final RawJdbc jdbc;
    private final ResourcePool pool;

    /**
     * The raw side on a pool of connections; opens the resource pool, in one transaction.
     *
     * @param dataSource the connections
     * @throws SQLException when the database fails
     */
    public RawReservation(DataSource dataSource) throws SQLException {
        this.jdbc = new RawJdbc(dataSource);
        this.pool = ResourcePool.open(ReservationMix.POOL, ResourceType.DDN_PORT, ReservationMix.LOCATION,
                ReservationMix.CAPACITY, Duration.ZERO, Fixture.NOW);
        jdbc.transactions(1, c -> {
            PoolMovement last = pool.lastMovement();
            RawJdbc.update(c, INSERT_POOL, pool.id(), pool.resourceType(), pool.location().network(),
                    pool.location().site(), pool.coolDown().getSeconds(), pool.coolDown().getNano(), pool.unitCount(),
                    last.sequence(), last.at(), last.capacity(), last.reserved(), last.allocated(), 1L);
            pool.markSaved(1);
            RawJdbc.batch(c, INSERT_HOLDING, holdings());
            movements(c);
            jdbc.outbox(c, pool.drainEvents());
        });
    }

    /**
     * Runs the four commands for reservation {@code n} in four transactions.
     *
     * @param n the reservation number
     * @throws SQLException when the database fails
     */
    public void run(long n) throws SQLException {
        run(n, ReservationMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for reservation {@code n}, each in a
     * transaction of its own.
     *
     * @param n the reservation number
     * @param count how many, 1 to {@link ReservationMix#COMMANDS}
     * @throws SQLException when the database fails
     */
    public void run(long n, int count) throws SQLException {
        Reservation[] made = new Reservation[1];
        jdbc.transactions(count, c -> {
            List<Object[]> before = holdings();
            Reservation r = pool.reserve(ReservationMix.reservationId(n), ReservationMix.terms(n), Fixture.NOW);
            savePool(c, before);
            RawJdbc.update(c, INSERT_RESERVATION, r.id(), r.pool(), r.holder(), r.purpose(), r.reference(), r.requested(),
                    r.allocated(), r.madeAt(), r.start(), r.end(), r.expiresAt(), r.state(), r.closedAt(), r.reason(), 1L);
            r.markSaved(1);
            jdbc.outbox(c, events(pool, r), new RawJdbc.Timer(ResourcePools.expiryTimerKey(r.id()), expiryDue(r)));
            made[0] = r;
        }, c -> {
            Reservation r = made[0];
            r.redate(ReservationMix.EXTENDED, Fixture.NOW);
            RawJdbc.versioned(c, r, REDATE, r.expiresAt());
            jdbc.reschedule(c, ResourcePools.expiryTimerKey(r.id()), expiryDue(r));
            jdbc.outbox(c, r.drainEvents());
        }, c -> {
            Reservation r = made[0];
            List<Object[]> before = holdings();
            pool.allocate(r, ReservationMix.allocationId(n), ReservationMix.UNITS, Fixture.NOW);
            savePool(c, before);
            RawJdbc.versioned(c, r, ALLOCATED, r.allocated(), r.state(), r.closedAt());
            RawJdbc.update(c, RawJdbc.CANCEL_TIMER, ResourcePools.expiryTimerKey(r.id()));
            jdbc.outbox(c, events(pool, r));
        }, c -> {
            List<Object[]> before = holdings();
            pool.release(ReservationMix.allocationId(n), Fixture.NOW);
            savePool(c, before);
            jdbc.outbox(c, pool.drainEvents());
        });
    }

    private static ReservationExpiryDue expiryDue(Reservation r) {
        return new ReservationExpiryDue(EventId.random(), r.expiresAt(), r.id(), r.pool(), r.expiresAt());
    }

    private static List<DomainEvent> events(ResourcePool pool, Reservation r) {
        List<DomainEvent> events = new ArrayList<>(pool.drainEvents());
        events.addAll(r.drainEvents());
        return events;
    }

    /** The pool's movement columns with the version check, the holding rows that changed, the new movements. */
    private void savePool(Connection c, List<Object[]> before) throws SQLException {
        PoolMovement last = pool.lastMovement();
        RawJdbc.versioned(c, pool, MOVE_POOL, last.sequence(), last.at(), last.reserved(), last.allocated());
        List<Object[]> after = holdings();
        List<Object[]> changed = new ArrayList<>();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!Arrays.equals(before.get(i), after.get(i))) {
                Object[] row = after.get(i);
                Object[] params = Arrays.copyOfRange(row, 2, row.length + 2);
                params[row.length - 2] = row[0];
                params[row.length - 1] = row[1];
                changed.add(params);
            }
        }
        RawJdbc.batch(c, UPDATE_HOLDING, changed);
        if (after.size() < before.size()) {
            RawJdbc.update(c, DELETE_HOLDINGS, pool.id(), after.size());
        }
        RawJdbc.batch(c, INSERT_HOLDING, after.subList(Math.min(before.size(), after.size()), after.size()));
        movements(c);
    }

    private void movements(Connection c) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (PoolMovement m : pool.unsavedMovements()) {
            rows.add(new Object[] {pool.id(), m.sequence(), m.at(), m.capacity(), m.reserved(), m.allocated()});
        }
        RawJdbc.batch(c, INSERT_MOVEMENT, rows);
        pool.movementsWritten();
    }

    /** The pool's holding rows, numbered as Keyline numbers them: retired, reserved, allocated, cooling. */
    private List<Object[]> holdings() {
        List<Object[]> rows = new ArrayList<>();
        for (UnitRange r : pool.retired().ranges()) {
            rows.add(holding(rows.size(), "RETIRED", null, null, null, null, null, null, r));
        }
        for (ReservedUnits h : pool.reservations()) {
            for (UnitRange r : h.units().ranges()) {
                rows.add(holding(rows.size(), "RESERVED", h.reservation(), h.holder(), null, null, h.binding(), null, r));
            }
        }
        for (Allocation a : pool.allocations()) {
            for (UnitRange r : a.units().ranges()) {
                rows.add(holding(rows.size(), "ALLOCATED", a.id(), a.holder(), a.reference(), a.reservation().orElse(null),
                        null, a.allocatedAt(), r));
            }
        }
        for (CoolingUnits cu : pool.cooling()) {
            for (UnitRange r : cu.units().ranges()) {
                rows.add(holding(rows.size(), "COOLING", cu.allocation(), null, null, null, null, cu.until(), r));
            }
        }
        return rows;
    }

    private Object[] holding(int index, String kind, Object holdingId, Object account, String reference,
            Object reservation, Boolean binding, java.time.Instant at, UnitRange units) {
        return new Object[] {pool.id(), index + 1, kind, holdingId, account, reference, reservation, binding, at,
                units.first(), units.last()};
    }
}
