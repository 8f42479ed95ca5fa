package dev.keyline.benchmarks.storage.orm;

import dev.keyline.benchmarks.storage.Fixture;
import dev.keyline.benchmarks.storage.ReservationMix;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Identifier;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.CoolingUnits;
import dev.keyline.domain.resource.PoolMovement;
import dev.keyline.domain.resource.Reservation;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservedUnits;
import dev.keyline.domain.resource.ResourcePool;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitRange;
import dev.keyline.json.KeylineJson;
import dev.keyline.runtime.resource.ResourcePools;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The reservation mix ({@link ReservationMix}) written through JPA entities with Hibernate, one
 * session and transaction per command. As on the raw side ({@code RawReservation}), the domain
 * decides every value in memory and the program keeps the pool it opened and the reservation it
 * made; what it writes is what the raw side writes, row for row. Each command that changes the
 * pool loads the pool's row by id and sets its latest movement (a plain versioned update: the
 * row's own columns change with every movement), loads the holding rows whose line changed (one
 * select by their keys, {@code findMultiple}) and sets them, persists the new holding rows and the
 * new movement, and deletes the lines the pool no longer has with one HQL delete, as the raw side
 * does; the command's events are persisted as {@link OutboxEntity} rows.
 *
 * <ul>
 *   <li>Reserve: loads the pool; writes its versioned update, the new RESERVED holding, the movement,
 *       the new {@link ReservationEntity} (version 1), the event and the expiry timer (an
 *       {@link OutboxTimerEntity}, status {@code SCHEDULED}).</li>
 *   <li>Extend: loads the reservation; writes its versioned update (the new expiry), moves the
 *       pending timer in place with one HQL update by its key ({@link OutboxTimerEntity#RESCHEDULE},
 *       as the raw side does: the program knows the timer's key, not its row, and the move changes
 *       the row's event id, which JPA does not let an entity change) and writes the event.</li>
 *   <li>Allocate: loads the pool, the reservation and the changed holding row; writes the pool's and
 *       the reservation's versioned updates (allocated, COMPLETED, closed), the holding row's update
 *       (now ALLOCATED), the movement, cancels the timer with one HQL delete by its key
 *       ({@link OutboxTimerEntity#CANCEL}) and writes the two events.</li>
 *   <li>Release: loads the pool; deletes the released holding row with one HQL delete (lines past
 *       the pool's last), writes the pool's versioned update, the movement and the event.</li>
 * </ul>
 *
 * <p>Where the statements differ from the raw side's: a select per loaded entity (the pool, the
 * reservation, the changed holding rows), which the raw side, keeping its objects and writing by
 * key with the version in the WHERE clause, does not need; Hibernate's updates set every mapped
 * column, not only the changed ones; and the expiry timer is an entity of its own over the outbox,
 * so reserving inserts it in a statement of its own rather than in the batch of the command's
 * events. The HQL statements (the timer's move and cancellation, the holdings' delete) run when
 * they are called, before the flush writes the rest. With the pool holding nothing between
 * reservations, as in the benchmark, the commands send 7, 4, 9 and 5 statements (the raw side 5,
 * 3, 6 and 4), besides the commits.
 */
public final class HibernateReservation {

    /** Deletes a pool's holding rows past its last line (HQL), as the raw side does. */
    private static final String DELETE_HOLDINGS =
            "delete from ResourceHoldingEntity h where h.key.parentId = :pool and h.key.line > :last";

    private final SessionFactory sessions;
    private final KeylineJson json = KeylineJson.create();
    private final ResourcePool pool;

    /**
     * The Hibernate side; opens the resource pool, in one transaction.
     *
     * @param sessions the session factory
     */
    public HibernateReservation(SessionFactory sessions) {
        this.sessions = sessions;
        this.pool = ResourcePool.open(ReservationMix.POOL, ResourceType.DDN_PORT, ReservationMix.LOCATION,
                ReservationMix.CAPACITY, Duration.ZERO, Fixture.NOW);
        sessions.inTransaction(s -> {
            PoolMovement last = pool.lastMovement();
            s.persist(new ResourcePoolEntity(pool.id().value(), pool.resourceType().value(),
                    pool.location().network().value(), pool.location().site(), pool.coolDown().getSeconds(),
                    pool.coolDown().getNano(), pool.unitCount(), last.sequence(), last.at(), last.capacity(),
                    last.reserved(), last.allocated()));
            for (Holding h : holdings()) {
                s.persist(h.entity());
            }
            movements(s);
            outbox(s, pool.drainEvents());
        });
    }

    /**
     * Runs the four commands for reservation {@code n} in four sessions and transactions.
     *
     * @param n the reservation number
     */
    public void run(long n) {
        run(n, ReservationMix.COMMANDS);
    }

    /**
     * Runs the first {@code count} commands of the mix for reservation {@code n}, each in a session
     * and transaction of its own.
     *
     * @param n the reservation number
     * @param count how many, 1 to {@link ReservationMix#COMMANDS}
     */
    public void run(long n, int count) {
        String timer = ResourcePools.expiryTimerKey(ReservationMix.reservationId(n));
        Reservation[] made = new Reservation[1];
        List<Consumer<Session>> commands = List.of(s -> {
            List<Holding> before = holdings();
            Reservation r = pool.reserve(ReservationMix.reservationId(n), ReservationMix.terms(n), Fixture.NOW);
            savePool(s, before);
            s.persist(new ReservationEntity(r.id().value(), r.pool().value(), r.holder().value(), r.purpose().name(),
                    r.reference(), r.requested(), r.allocated(), r.madeAt(), r.start(), r.end(), r.expiresAt(),
                    r.state().name(), r.closedAt().orElse(null), r.reason().orElse(null)));
            outbox(s, events(r));
            s.persist(new OutboxTimerEntity(timer, expiryDue(r), json));
            made[0] = r;
        }, s -> {
            Reservation r = made[0];
            r.redate(ReservationMix.EXTENDED, Fixture.NOW);
            s.find(ReservationEntity.class, r.id().value()).redated(r.expiresAt());
            reschedule(s, timer, expiryDue(r));
            outbox(s, r.drainEvents());
        }, s -> {
            Reservation r = made[0];
            List<Holding> before = holdings();
            pool.allocate(r, ReservationMix.allocationId(n), ReservationMix.UNITS, Fixture.NOW);
            savePool(s, before);
            s.find(ReservationEntity.class, r.id().value()).allocated(r.allocated(), r.state().name(),
                    r.closedAt().orElse(null));
            s.createMutationQuery(OutboxTimerEntity.CANCEL).setParameter("key", timer).executeUpdate();
            outbox(s, events(r));
        }, s -> {
            List<Holding> before = holdings();
            pool.release(ReservationMix.allocationId(n), Fixture.NOW);
            savePool(s, before);
            outbox(s, pool.drainEvents());
        });
        commands.subList(0, count).forEach(sessions::inTransaction);
    }

    private static ReservationExpiryDue expiryDue(Reservation r) {
        return new ReservationExpiryDue(EventId.random(), r.expiresAt(), r.id(), r.pool(), r.expiresAt());
    }

    private List<DomainEvent> events(Reservation r) {
        List<DomainEvent> events = new ArrayList<>(pool.drainEvents());
        events.addAll(r.drainEvents());
        return events;
    }

    private void outbox(Session s, List<DomainEvent> events) {
        for (DomainEvent event : events) {
            s.persist(OutboxEntity.of(event, json));
        }
    }

    /** Moves the pending timer {@code key} to {@code event} in place; the timer must be there. */
    private void reschedule(Session s, String key, DomainEvent event) {
        Audience a = event.audience();
        int rows = s.createMutationQuery(OutboxTimerEntity.RESCHEDULE).setParameter("eventId", event.eventId().value())
                .setParameter("type", event.type()).setParameter("at", event.occurredAt())
                .setParameter("role", a.role()).setParameter("unit", a.organisationUnit())
                .setParameter("account", a.accountId()).setParameter("station", a.stationId())
                .setParameter("subject", a.subject()).setParameter("payload", json.writeEvent(event))
                .setParameter("key", key).executeUpdate();
        if (rows != 1) {
            throw new IllegalStateException("no pending timer " + key + " to move");
        }
    }

    /**
     * Writes what a command changed in the pool: its row (a versioned update), the holding rows that
     * differ from {@code before} (loaded by key and changed), the lines it no longer has (one
     * delete), the new lines and the new movements.
     */
    private void savePool(Session s, List<Holding> before) {
        PoolMovement last = pool.lastMovement();
        s.find(ResourcePoolEntity.class, pool.id().value()).moved(last.sequence(), last.at(), last.capacity(),
                last.reserved(), last.allocated());
        List<Holding> after = holdings();
        int common = Math.min(before.size(), after.size());
        List<ChildKey> keys = new ArrayList<>();
        List<Holding> changed = new ArrayList<>();
        for (int i = 0; i < common; i++) {
            if (!before.get(i).equals(after.get(i))) {
                keys.add(after.get(i).key());
                changed.add(after.get(i));
            }
        }
        if (!keys.isEmpty()) {
            List<ResourceHoldingEntity> rows = s.findMultiple(ResourceHoldingEntity.class, keys);
            for (int i = 0; i < rows.size(); i++) {
                changed.get(i).copyTo(rows.get(i));
            }
        }
        if (after.size() < before.size()) {
            s.createMutationQuery(DELETE_HOLDINGS).setParameter("pool", pool.id().value())
                    .setParameter("last", after.size()).executeUpdate();
        }
        for (Holding h : after.subList(common, after.size())) {
            s.persist(h.entity());
        }
        movements(s);
    }

    private void movements(Session s) {
        for (PoolMovement m : pool.unsavedMovements()) {
            ResourceMovementEntity.SequenceKey key = new ResourceMovementEntity.SequenceKey(pool.id().value(),
                    m.sequence());
            s.persist(new ResourceMovementEntity(key, m.at(), m.capacity(), m.reserved(), m.allocated()));
        }
        pool.movementsWritten();
    }

    /** The pool's holding rows, numbered as Keyline numbers them: retired, reserved, allocated, cooling. */
    private List<Holding> holdings() {
        List<Holding> rows = new ArrayList<>();
        for (UnitRange r : pool.retired().ranges()) {
            rows.add(new Holding(rows.size() + 1, "RETIRED", null, null, null, null, null, null, r));
        }
        for (ReservedUnits h : pool.reservations()) {
            for (UnitRange r : h.units().ranges()) {
                rows.add(new Holding(rows.size() + 1, "RESERVED", value(h.reservation()), value(h.holder()), null, null,
                        h.binding(), null, r));
            }
        }
        for (Allocation a : pool.allocations()) {
            for (UnitRange r : a.units().ranges()) {
                rows.add(new Holding(rows.size() + 1, "ALLOCATED", value(a.id()), value(a.holder()), a.reference(),
                        a.reservation().map(Identifier::value).orElse(null), null, a.allocatedAt(), r));
            }
        }
        for (CoolingUnits cu : pool.cooling()) {
            for (UnitRange r : cu.units().ranges()) {
                rows.add(new Holding(rows.size() + 1, "COOLING", value(cu.allocation()), null, null, null, null,
                        cu.until(), r));
            }
        }
        return rows;
    }

    private static String value(Identifier id) {
        return id.value();
    }

    /** One holding row as the domain's state makes it, to tell the changed lines from the others. */
    private record Holding(int line, String kind, String holdingId, String account, String reference,
            String reservation, Boolean binding, Instant at, UnitRange units) {

        ChildKey key() {
            return new ChildKey(ReservationMix.POOL.value(), line);
        }

        ResourceHoldingEntity entity() {
            return new ResourceHoldingEntity(key(), kind, holdingId, account, reference, reservation, binding, at,
                    units.first(), units.last());
        }

        void copyTo(ResourceHoldingEntity row) {
            row.held(kind, holdingId, account, reference, reservation, binding, at, units.first(), units.last());
        }
    }
}
