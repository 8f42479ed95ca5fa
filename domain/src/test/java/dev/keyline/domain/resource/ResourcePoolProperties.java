package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of reserve, allocate (through a reservation and directly), release, expire,
 * cancel, re-date, capacity added and retired, and account exit on one {@link ResourcePool} and its
 * {@link Reservation}s: after every step the pool invariant holds and every unit is accounted for
 * exactly once (free, reserved, allocated, cooling or retired), an open reservation holds exactly
 * its outstanding units and a closed one (expired above all) none, a refused command leaves the
 * pool and every reservation as they were, an exit releases exactly the units its account held, and
 * the pool and its reservations survive a snapshot round trip.
 */
class ResourcePoolProperties {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final List<AccountId> ACCOUNTS = List.of(new AccountId("A1"), new AccountId("A2"), new AccountId("A3"));

    @Test
    void randomCommandSequencesKeepEveryUnitAccountedFor() {
        qt().withExamples(400).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 40),
                integers().between(0, 12), booleans().all()).checkAssert((steps, capacity, coolDown) -> {
                    run(steps, capacity, coolDown ? Duration.ofMinutes(3) : Duration.ZERO);
                });
    }

    private void run(List<Integer> steps, int capacity, Duration coolDown) {
        ResourcePool pool = ResourcePool.open(new PoolId("P1"), ResourceType.DDN_PORT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), capacity, coolDown, T0);
        Map<ReservationId, Reservation> reservations = new LinkedHashMap<>();
        List<AllocationId> allocationIds = new ArrayList<>();
        Instant now = T0;
        int serial = 0;
        for (int step : steps) {
            int op = step % 10;
            int a = (step / 10) % 7;
            int b = (step / 70) % 5;
            int c = (step / 350) % 3;
            now = now.plus(Duration.ofMinutes(b % 3));
            serial++;
            ResourcePoolSnapshot before = pool.snapshot();
            List<DomainEvent> eventsBefore = pool.pendingEvents();
            Map<ReservationId, ReservationSnapshot> reservationsBefore = snapshots(reservations);
            AccountId account = ACCOUNTS.get(c);
            Reservation target = pick(reservations, a);
            try {
                switch (op) {
                    case 0 -> {
                        ReservationPurpose purpose = b % 2 == 0 ? ReservationPurpose.ORDER : ReservationPurpose.SLA;
                        Instant expiry = now.plus(Duration.ofMinutes(1 + b));
                        Availability available = pool.availability(now);
                        Reservation made = pool.reserve(new ReservationId("R" + serial), new ReservationTerms(account,
                                purpose, "ORD-" + serial, a + 1, now, expiry.plus(Duration.ofHours(1)), expiry), now);
                        reservations.put(made.id(), made);
                        if (available.covers(a + 1)) {
                            assertThat(made.state()).isEqualTo(ReservationState.IN_PROGRESS);
                        } else {
                            assertThat(made.state()).isEqualTo(ReservationState.REJECTED);
                            assertThat(withoutMovement(pool.snapshot())).as("a rejected reservation leaves the units")
                                    .isEqualTo(withoutMovement(before));
                            InvestmentRequested request = (InvestmentRequested) pool.pendingEvents()
                                    .get(pool.pendingEvents().size() - 1);
                            assertThat(request.kind()).isEqualTo(purpose == ReservationPurpose.ORDER
                                    ? InvestmentKind.EMERGENCY : InvestmentKind.ROLLING);
                            assertThat(request.shortfall()).isEqualTo(a + 1 - available.available());
                        }
                    }
                    case 1 -> {
                        if (target != null) {
                            long outstanding = target.outstanding();
                            Allocation made = pool.allocate(target, new AllocationId("L" + serial), 1 + a % 3, now);
                            allocationIds.add(made.id());
                            assertThat(made.units().size()).isEqualTo(1 + a % 3);
                            assertThat(target.outstanding()).isEqualTo(outstanding - (1 + a % 3));
                        }
                    }
                    case 2 -> {
                        Allocation made = pool.allocateDirectly(new AllocationId("L" + serial), account, "ORD-" + serial,
                                a + 1, now);
                        allocationIds.add(made.id());
                    }
                    case 3 -> {
                        AllocationId id = allocationIds.isEmpty() ? new AllocationId("none")
                                : allocationIds.get(a % allocationIds.size());
                        pool.release(id, now);
                    }
                    case 4 -> {
                        if (target != null) {
                            pool.expire(target, now);
                            assertThat(target.state()).isEqualTo(ReservationState.EXPIRED);
                        }
                    }
                    case 5 -> {
                        if (target != null) {
                            pool.cancel(target, "order withdrawn", now);
                        }
                    }
                    case 6 -> pool.addCapacity(a + 1, "construction completed", now);
                    case 7 -> pool.retire(a + 1, "equipment retired", now);
                    case 8 -> exit(pool, reservations, account, now);
                    default -> {
                        if (target != null) {
                            target.redate(now.plus(Duration.ofMinutes(1 + a)), now);
                        }
                    }
                }
            } catch (KeylineException refused) {
                assertThat(pool.snapshot()).as("a refused command changes nothing: " + refused.getMessage())
                        .isEqualTo(before);
                assertThat(pool.pendingEvents()).isEqualTo(eventsBefore);
                assertThat(snapshots(reservations)).isEqualTo(reservationsBefore);
            }
            checkInvariants(pool, reservations, now);
        }
        ResourcePool restored = ResourcePool.restore(pool.snapshot());
        assertThat(restored.snapshot()).isEqualTo(pool.snapshot());
        for (Reservation r : reservations.values()) {
            assertThat(Reservation.restore(r.snapshot()).snapshot()).isEqualTo(r.snapshot());
        }
    }

    /** What an account exit does: every allocation and every open reservation of the account is released. */
    private static void exit(ResourcePool pool, Map<ReservationId, Reservation> reservations, AccountId account,
            Instant now) {
        UnitSet held = UnitSet.EMPTY;
        for (Allocation a : pool.allocations()) {
            if (a.holder().equals(account)) {
                held = held.union(a.units());
            }
        }
        UnitSet reserved = UnitSet.EMPTY;
        for (ReservedUnits r : pool.reservations()) {
            if (r.holder().equals(account)) {
                reserved = reserved.union(r.units());
            }
        }
        UnitSet released = UnitSet.EMPTY;
        for (Allocation a : pool.releaseAllocationsOf(account, now)) {
            released = released.union(a.units());
        }
        UnitSet returned = UnitSet.EMPTY;
        for (ReservationId id : pool.reservationsOf(account)) {
            returned = returned.union(pool.releaseReservation(reservations.get(id), "account exited", now));
        }
        assertThat(released).as("an exit releases exactly the units the account held").isEqualTo(held);
        assertThat(returned).isEqualTo(reserved);
        assertThat(pool.allocations()).noneMatch(a -> a.holder().equals(account));
        assertThat(pool.reservationsOf(account)).isEmpty();
        assertThat(pool.releaseAllocationsOf(account, now)).as("a second exit releases nothing").isEmpty();
    }

    private static void checkInvariants(ResourcePool pool, Map<ReservationId, Reservation> reservations, Instant now) {
        List<UnitSet> holdings = new ArrayList<>();
        holdings.add(pool.retired());
        pool.reservations().forEach(r -> holdings.add(r.units()));
        pool.allocations().forEach(a -> holdings.add(a.units()));
        pool.cooling().stream().filter(c -> !c.isOverAt(now)).forEach(c -> holdings.add(c.units()));
        UnitSet all = UnitSet.EMPTY;
        long total = 0;
        for (UnitSet h : holdings) {
            assertThat(h.highest()).as("no unit beyond the pool's units").isLessThanOrEqualTo(pool.unitCount());
            total += h.size();
            all = all.union(h);
        }
        assertThat(all.size()).as("no unit in two holdings").isEqualTo(total);
        UnitSet free = pool.freeUnits(now);
        assertThat(free.overlaps(all)).isFalse();
        assertThat(free.size() + all.size()).as("every unit accounted for once").isEqualTo(pool.unitCount());

        Availability availability = pool.availability(now);
        assertThat(availability.available()).isEqualTo(free.size());
        assertThat(availability.reserved() + availability.allocated() + availability.cooling())
                .isLessThanOrEqualTo(availability.capacity());
        assertThat(availability.capacity()).isEqualTo(pool.unitCount() - pool.retired().size());
        PoolMovement last = pool.lastMovement();
        assertThat(last.reserved()).isEqualTo(availability.reserved());
        assertThat(last.allocated()).isEqualTo(availability.allocated());
        assertThat(last.capacity()).isEqualTo(availability.capacity());

        for (Reservation r : reservations.values()) {
            long heldForIt = pool.reservations().stream().filter(h -> h.reservation().equals(r.id()))
                    .mapToLong(h -> h.units().size()).sum();
            if (r.state().isOpen()) {
                assertThat(heldForIt).as("an open reservation holds its outstanding units").isEqualTo(r.outstanding());
                assertThat(r.outstanding()).isPositive();
            } else {
                assertThat(heldForIt).as(r.state() + " reservation " + r.id() + " keeps no units").isZero();
            }
        }
    }

    private static Reservation pick(Map<ReservationId, Reservation> reservations, int index) {
        if (reservations.isEmpty()) {
            return null;
        }
        return new ArrayList<>(reservations.values()).get(index % reservations.size());
    }

    private static Map<ReservationId, ReservationSnapshot> snapshots(Map<ReservationId, Reservation> reservations) {
        Map<ReservationId, ReservationSnapshot> result = new LinkedHashMap<>();
        reservations.forEach((id, r) -> result.put(id, r.snapshot()));
        return result;
    }

    private static ResourcePoolSnapshot withoutMovement(ResourcePoolSnapshot s) {
        return new ResourcePoolSnapshot(s.id(), s.version(), s.resourceType(), s.location(), s.coolDown(), s.unitCount(),
                s.retired(), s.reservations(), s.allocations(), s.cooling(), null);
    }
}
