package dev.keyline.domain.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.CorruptStateException;
import dev.keyline.domain.common.ExpiredException;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LocalNetworkId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Examples of a {@link ResourcePool}'s rules, one per rule, with the messages a caller reads. */
class ResourcePoolTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final AccountId BANK = new AccountId("A01");
    private static final AccountId HOTEL = new AccountId("A02");

    private static ResourcePool pool(long capacity, Duration coolDown) {
        return ResourcePool.open(new PoolId("SZ-DDN"), ResourceType.DDN_PORT,
                new PoolLocation(new LocalNetworkId("SZ"), "EXCH-1"), capacity, coolDown, T0);
    }

    private static ReservationTerms order(AccountId holder, long units, Instant expiry) {
        return new ReservationTerms(holder, ReservationPurpose.ORDER, "ORD-1", units, T0, T0.plus(Duration.ofDays(30)),
                expiry);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aReservationHoldsTheLowestFreeUnitsAndAllocationTakesThemInOrder() {
        ResourcePool pool = pool(10, Duration.ZERO);
        pool.allocateDirectly(new AllocationId("D1"), HOTEL, "ORD-0", 2, at(1));
        Reservation r = pool.reserve(new ReservationId("R1"), order(BANK, 4, at(60)), at(2));

        assertThat(r.state()).isEqualTo(ReservationState.IN_PROGRESS);
        assertThat(pool.reservations()).singleElement().satisfies(h -> assertThat(h.units()).isEqualTo(UnitSet.of(3, 6)));
        Allocation first = pool.allocate(r, new AllocationId("L1"), 3, at(3));
        assertThat(first.units()).isEqualTo(UnitSet.of(3, 5));
        assertThat(first.reservation()).contains(r.id());
        Allocation last = pool.allocate(r, new AllocationId("L2"), 1, at(4));
        assertThat(last.units()).isEqualTo(UnitSet.of(6, 6));
        assertThat(r.state()).isEqualTo(ReservationState.COMPLETED);
        assertThat(r.pendingEvents()).extracting(e -> e.type()).containsExactly(ReservationMade.TYPE,
                ReservationCompleted.TYPE);
        assertThat(pool.availability(at(4))).isEqualTo(new Availability(10, 0, 6, 0, 4));
    }

    @Test
    void aReservationForMoreThanIsAvailableIsRejectedAndAsksForEmergencyConstructionLeavingThePool() {
        ResourcePool pool = pool(3, Duration.ZERO);
        PoolMovement before = pool.lastMovement();
        Reservation r = pool.reserve(new ReservationId("R1"), order(BANK, 5, at(60)), at(1));

        assertThat(r.state()).isEqualTo(ReservationState.REJECTED);
        assertThat(r.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("has 3 of the 5"));
        assertThat(pool.lastMovement()).isEqualTo(before);
        assertThat(pool.freeUnits(at(1))).isEqualTo(UnitSet.of(1, 3));
        InvestmentRequested request = (InvestmentRequested) pool.pendingEvents().get(1);
        assertThat(request.kind()).isEqualTo(InvestmentKind.EMERGENCY);
        assertThat(request.shortfall()).isEqualTo(2);
        assertThat(request.reservation()).contains(r.id());
    }

    @Test
    void anSlaReservationIsBindingAndItsShortfallAsksForRollingInvestment() {
        ResourcePool pool = pool(3, Duration.ZERO);
        Reservation sla = pool.reserve(new ReservationId("R1"), new ReservationTerms(BANK, ReservationPurpose.SLA,
                "SLA-7", 2, T0, at(600), at(60)), at(1));
        assertThat(sla.binding()).isTrue();
        assertThat(pool.reservations().get(0).binding()).isTrue();

        assertThatThrownBy(() -> pool.allocateDirectly(new AllocationId("D1"), HOTEL, "ORD-9", 2, at(2)))
                .as("the SLA's units go to nobody else").isInstanceOf(InsufficientCapacityException.class)
                .hasMessageContaining("has 1 free DDN_PORT units, fewer than the 2");
        assertThatThrownBy(() -> pool.retire(2, "old rack", at(2))).isInstanceOf(CapacityHeldException.class)
                .hasMessageContaining("2 are held").satisfies(e -> assertThat(((CapacityHeldException) e).held()).isEqualTo(2));

        pool.reserve(new ReservationId("R2"), new ReservationTerms(HOTEL, ReservationPurpose.SLA, "SLA-8", 4, T0,
                at(600), at(60)), at(3));
        assertThat(((InvestmentRequested) pool.pendingEvents().get(pool.pendingEvents().size() - 1)).kind())
                .isEqualTo(InvestmentKind.ROLLING);
    }

    @Test
    void atExpiryTheUnallocatedUnitsReturnAndAnExpiredReservationCannotBeAllocatedFrom() {
        ResourcePool pool = pool(10, Duration.ZERO);
        Reservation r = pool.reserve(new ReservationId("R1"), order(BANK, 4, at(60)), at(1));
        pool.allocate(r, new AllocationId("L1"), 1, at(2));

        assertThatThrownBy(() -> pool.expire(r, at(59))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("not yet");
        assertThatThrownBy(() -> pool.allocate(r, new AllocationId("L2"), 1, at(60))).isInstanceOf(ExpiredException.class);
        assertThat(pool.expire(r, at(61))).isEqualTo(UnitSet.of(2, 4));
        assertThat(r.state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(r.outstanding()).isZero();
        assertThat(pool.reservations()).isEmpty();
        assertThat(pool.availability(at(61))).isEqualTo(new Availability(10, 0, 1, 0, 9));
        assertThatThrownBy(() -> pool.expire(r, at(62))).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("is EXPIRED");
    }

    @Test
    void cancellationRecordsItsDateAndReasonAndRedatingMovesTheExpiry() {
        ResourcePool pool = pool(10, Duration.ZERO);
        Reservation r = pool.reserve(new ReservationId("R1"), order(BANK, 4, at(60)), at(1));
        r.redate(at(120), at(2));
        assertThat(r.expiresAt()).isEqualTo(at(120));
        assertThatThrownBy(() -> r.redate(at(60 * 24 * 31), at(3))).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("must not be after the end");

        pool.cancel(r, "customer withdrew the order", at(5));
        assertThat(r.state()).isEqualTo(ReservationState.CANCELLED);
        assertThat(r.closedAt()).contains(at(5));
        assertThat(r.reason()).contains("customer withdrew the order");
        assertThat(pool.freeUnits(at(5)).size()).isEqualTo(10);
    }

    @Test
    void releasedUnitsRestForTheCoolDownBeforeAnyoneGetsThemAgain() {
        ResourcePool pool = pool(2, Duration.ofHours(1));
        pool.allocateDirectly(new AllocationId("D1"), BANK, "ORD-1", 2, at(1));
        Allocation released = pool.release(new AllocationId("D1"), at(10));
        assertThat(released.units()).isEqualTo(UnitSet.of(1, 2));
        UnitsReleased event = (UnitsReleased) pool.pendingEvents().get(pool.pendingEvents().size() - 1);
        assertThat(event.coolingUntil()).contains(at(70));
        assertThat(event.cause()).isEqualTo(ReleaseCause.DISCONNECTION);

        assertThat(pool.availability(at(69)).cooling()).isEqualTo(2);
        assertThatThrownBy(() -> pool.allocateDirectly(new AllocationId("D2"), HOTEL, "ORD-2", 1, at(69)))
                .isInstanceOf(InsufficientCapacityException.class).hasMessageContaining("cooling 2");
        assertThat(pool.allocateDirectly(new AllocationId("D2"), HOTEL, "ORD-2", 1, at(70)).units())
                .isEqualTo(UnitSet.of(1, 1));
        assertThat(pool.cooling()).as("a rest that is over is dropped").isEmpty();
    }

    @Test
    void capacityGrowsWithNewNumbersAndRetiresTheHighestFreeUnits() {
        ResourcePool pool = pool(4, Duration.ZERO);
        pool.allocateDirectly(new AllocationId("D1"), BANK, "ORD-1", 1, at(1));
        assertThat(pool.retire(2, "rack 2 retired", at(2))).isEqualTo(UnitSet.of(3, 4));
        assertThat(pool.addCapacity(3, "construction completed", at(3))).isEqualTo(UnitSet.of(5, 7));
        assertThat(pool.capacity()).isEqualTo(5);
        assertThat(pool.unitCount()).isEqualTo(7);
        assertThat(pool.freeUnits(at(3))).isEqualTo(new UnitSet(List.of(new UnitRange(2, 2), new UnitRange(5, 7))));
    }

    @Test
    void aForecastBeyondTheAvailableUnitsAsksForRollingInvestment() {
        ResourcePool pool = pool(10, Duration.ZERO);
        assertThat(pool.forecastShortfall(8, "Q3 forecast", at(1))).isZero();
        assertThat(pool.pendingEvents()).hasSize(1);
        assertThat(pool.forecastShortfall(14, "Q4 forecast", at(2))).isEqualTo(4);
        InvestmentRequested request = (InvestmentRequested) pool.pendingEvents().get(1);
        assertThat(request.kind()).isEqualTo(InvestmentKind.ROLLING);
        assertThat(request.reservation()).isEmpty();
    }

    @Test
    void commandsBeforeTheLastMovementAreRefused() {
        ResourcePool pool = pool(10, Duration.ZERO);
        pool.addCapacity(1, "more", at(5));
        assertThatThrownBy(() -> pool.allocateDirectly(new AllocationId("D1"), BANK, "ORD-1", 1, at(4)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("must not be before the last movement");
    }

    @Test
    void aStoredPoolHoldingAUnitTwiceIsCorrupt() {
        ResourcePool pool = pool(10, Duration.ZERO);
        pool.allocateDirectly(new AllocationId("D1"), BANK, "ORD-1", 2, at(1));
        ResourcePoolSnapshot s = pool.snapshot();
        Allocation twin = new Allocation(new AllocationId("D2"), HOTEL, "ORD-2", Optional.empty(), UnitSet.of(2, 2), at(1));
        ResourcePoolSnapshot corrupt = new ResourcePoolSnapshot(s.id(), s.version(), s.resourceType(), s.location(),
                s.coolDown(), s.unitCount(), s.retired(), s.reservations(), List.of(s.allocations().get(0), twin),
                s.cooling(), s.lastMovement());
        assertThatThrownBy(() -> ResourcePool.restore(corrupt)).isInstanceOf(CorruptStateException.class)
                .hasMessageContaining("holds a unit twice");
    }

    @Test
    void utilisationIsAllocatedOverCapacityAndEmptyForZeroCapacity() {
        PoolMovement none = new PoolMovement(1, T0, 0, 0, 0);
        PoolMovement quarter = new PoolMovement(2, at(60), 4, 1, 1);
        PoolMovement full = new PoolMovement(3, at(120), 4, 0, 4);
        assertThat(Utilisation.of(none)).isEmpty();
        assertThat(Utilisation.at(List.of(none, quarter, full), at(90))).contains(new BigDecimal("0.250000"));
        assertThat(Utilisation.at(List.of(none, quarter, full), T0.minusSeconds(1))).isEmpty();
        // [0,60) capacity 0, [60,120) 1 of 4, [120,180) 4 of 4: (60 + 240) / (240 + 240)
        assertThat(Utilisation.timeWeighted(List.of(none, quarter, full), T0, at(180))).contains(new BigDecimal("0.625000"));
        assertThat(Utilisation.timeWeighted(List.of(none), T0, at(180))).isEmpty();
        assertThat(Utilisation.timeWeighted(List.of(none, quarter, full), at(130), at(140))).contains(new BigDecimal("1.000000"));
    }

    @Test
    void unitSetsMergeSubtractAndTakeFromEitherEnd() {
        UnitSet set = new UnitSet(List.of(new UnitRange(5, 7), new UnitRange(1, 2), new UnitRange(3, 3)));
        assertThat(set.ranges()).containsExactly(new UnitRange(1, 3), new UnitRange(5, 7));
        assertThat(set.size()).isEqualTo(6);
        assertThat(set.minus(UnitSet.of(2, 5))).isEqualTo(new UnitSet(List.of(new UnitRange(1, 1), new UnitRange(6, 7))));
        assertThat(set.lowest(4)).isEqualTo(new UnitSet(List.of(new UnitRange(1, 3), new UnitRange(5, 5))));
        assertThat(set.highest(4)).isEqualTo(new UnitSet(List.of(new UnitRange(3, 3), new UnitRange(5, 7))));
        assertThat(set.overlaps(UnitSet.of(4, 4))).isFalse();
        assertThat(set.toString()).isEqualTo("[1-3, 5-7]");
        assertThat(UnitSet.of(1, 10_000).minus(UnitSet.of(10, 20)).ranges()).hasSize(2);
    }
}
