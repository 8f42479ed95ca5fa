package dev.keyline.tck.resource;

import static dev.keyline.tck.account.KeyAccountServiceFixture.BANK;
import static dev.keyline.tck.account.KeyAccountServiceFixture.HOTEL;
import static dev.keyline.tck.account.KeyAccountServiceFixture.WANG;
import static dev.keyline.tck.account.KeyAccountServiceFixture.ZHOU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.account.AccountExited;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.Allocation;
import dev.keyline.domain.resource.AllocationId;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationExpiryDue;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationSnapshot;
import dev.keyline.domain.resource.ReservationState;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourcePoolSnapshot;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.domain.resource.UnitSet;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.resource.AccountExitReleases;
import dev.keyline.runtime.resource.AccountHoldings;
import dev.keyline.runtime.resource.ReservationExpiries;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.spi.Notification;
import dev.keyline.tck.StorageBackedContract;
import dev.keyline.tck.account.KeyAccountServiceFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resource area run through the runtime on one provider: reservations and allocations through
 * the service, the expiry sweep, the reaction to a reservation's expiry timer (which leaves a
 * re-dated or closed reservation alone), the reaction to {@code account.exited} (which releases
 * exactly the units the account held, and nothing twice when the exit is delivered again or a
 * second exit arrives), utilisation from the stored movement log, and the access rules. It drives
 * key accounts through their services to raise the exit, so it needs a provider that stores both
 * areas.
 */
public abstract class ResourceServicesContract extends StorageBackedContract {

    /** The network centre manager. */
    protected static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
    /** A marketing manager. */
    protected static final Actor MARKETING = Actor.withRoles(new UserId("feng"), Role.MARKETING_MANAGER);
    /** The pool of the tests. */
    protected static final PoolId POOL = new PoolId("SZ-DDN-1");

    private KeyAccountServiceFixture world;
    private ResourcePools resources;

    /** The world over this test's storage, with Suzhou's accounts and a pool of ten DDN ports. */
    @BeforeEach
    void createWorld() {
        world = new KeyAccountServiceFixture(storage);
        world.serveSuzhou();
        resources = ResourcePools.on(world.keyline);
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT,
                new PoolLocation(KeyAccountServiceFixture.SUZHOU, "EXCH-1"), 10, Duration.ofMinutes(30));
    }

    private ReservationTerms terms(dev.keyline.domain.account.AccountId holder, long units, Duration expiry) {
        Instant now = world.clock.instant();
        return new ReservationTerms(holder, ReservationPurpose.ORDER, "ORD-" + holder, units, now,
                now.plus(Duration.ofDays(30)), now.plus(expiry));
    }

    private List<Notification> delivered(String type) {
        return world.recorder.accepted().stream().filter(n -> n.type().equals(type)).toList();
    }

    @Test
    void theResourceAreaWiresItsReactionsOnAStorageThatStoresIt() {
        assertThat(world.keyline.reactions()).extracting(Reaction::name)
                .contains(AccountExitReleases.REACTION, ReservationExpiries.REACTION);
    }

    @Test
    void anExitReleasesExactlyTheUnitsTheAccountHeldAndARedeliveredExitReleasesNothingTwice() {
        ReservationSnapshot bankOrder = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 3, Duration.ofDays(2)));
        resources.allocate(NETWORK_CENTRE, bankOrder.id(), new AllocationId("L1"), 2);
        resources.allocateDirectly(NETWORK_CENTRE, POOL, new AllocationId("D1"), BANK, "ORD-B2", 1);
        resources.allocateDirectly(NETWORK_CENTRE, POOL, new AllocationId("D2"), HOTEL, "ORD-H1", 2);
        AccountHoldings bank = resources.holdingsOf(BANK).get(0);
        UnitSet bankAllocated = bank.allocations().stream().map(Allocation::units).reduce(UnitSet.EMPTY, UnitSet::union);
        UnitSet hotelUnits = resources.holdingsOf(HOTEL).get(0).units();
        assertThat(bankAllocated.size()).isEqualTo(3);
        assertThat(bank.units().size()).isEqualTo(4);
        world.keyline.relay().pumpUntilIdle(20);

        world.accounts.exit(ZHOU, BANK, "moved to a competitor");
        assertThat(resources.holdingsOf(BANK)).as("not before the relay ran").isNotEmpty();
        world.keyline.relay().pumpUntilIdle(20);

        assertThat(resources.holdingsOf(BANK)).isEmpty();
        assertThat(resources.holdingsOf(HOTEL)).singleElement().satisfies(h -> assertThat(h.units()).isEqualTo(hotelUnits));
        assertThat(resources.findReservation(bankOrder.id()).orElseThrow().state()).isEqualTo(ReservationState.RELEASED);
        ResourcePoolSnapshot pool = resources.findPool(POOL).orElseThrow();
        assertThat(pool.cooling().stream().map(c -> c.units()).reduce(UnitSet.EMPTY, UnitSet::union))
                .as("the bank's allocated units rest in the cool-down").isEqualTo(bankAllocated);
        assertThat(pool.reservations()).as("its reserved unit is free again").isEmpty();
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(10 - 2 - 3);
        assertThat(delivered("resource.units-released")).hasSize(2);
        assertThat(delivered("resource.reservation-released")).hasSize(1);

        Reaction reaction = world.keyline.reactions().stream().filter(r -> r.name().equals(AccountExitReleases.REACTION))
                .findFirst().orElseThrow();
        AccountExited again = new AccountExited(EventId.random(), world.clock.instant(), BANK,
                KeyAccountServiceFixture.SUZHOU, "delivered again", ZHOU.user(), dev.keyline.domain.account.Tier.NATIONAL);
        world.keyline.run(ctx -> reaction.handler().react(again, ctx));
        world.keyline.run(ctx -> ctx.publish(again));
        world.keyline.relay().pumpUntilIdle(20);

        assertThat(resources.findPool(POOL).orElseThrow()).as("nothing released twice").isEqualTo(pool);
        assertThat(delivered("resource.units-released")).hasSize(2);
        assertThat(delivered("resource.reservation-released")).hasSize(1);
    }

    @Test
    void theSweepExpiresDueReservationsAndTheirUnitsReturn() {
        resources.reserve(MARKETING, POOL, new ReservationId("R1"), terms(BANK, 3, Duration.ofHours(1)));
        resources.reserve(MARKETING, POOL, new ReservationId("R2"), terms(HOTEL, 2, Duration.ofHours(3)));
        resources.allocate(NETWORK_CENTRE, new ReservationId("R1"), new AllocationId("L1"), 1);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(5);

        world.clock.advance(Duration.ofHours(2));
        assertThat(resources.expireDue(10)).containsExactly(new ReservationId("R1"));
        assertThat(resources.findReservation(new ReservationId("R1")).orElseThrow().state())
                .isEqualTo(ReservationState.EXPIRED);
        assertThat(resources.checkAvailability(POOL).available()).as("the two unallocated units returned").isEqualTo(7);
        assertThat(resources.expireDue(10)).as("nothing is expired twice").isEmpty();

        world.clock.advance(Duration.ofHours(2));
        assertThat(resources.expireDue(10)).containsExactly(new ReservationId("R2"));
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(9);
    }

    @Test
    void anExpiryTimerExpiresItsReservationUnlessItWasRedatedOrClosed() {
        ReservationSnapshot first = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 3, Duration.ofHours(1)));
        ReservationSnapshot redated = resources.reserve(MARKETING, POOL, new ReservationId("R2"),
                terms(BANK, 2, Duration.ofHours(1)));
        ReservationSnapshot cancelled = resources.reserve(MARKETING, POOL, new ReservationId("R3"),
                terms(HOTEL, 1, Duration.ofHours(1)));
        resources.redate(MARKETING, redated.id(), world.clock.instant().plus(Duration.ofHours(5)));
        resources.cancel(MARKETING, cancelled.id(), "customer withdrew the order");

        world.clock.advance(Duration.ofHours(2));
        for (ReservationSnapshot r : List.of(first, redated, cancelled)) {
            world.keyline.run(ctx -> ctx.publish(new ReservationExpiryDue(EventId.random(), r.expiresAt(), r.id(), POOL,
                    r.expiresAt())));
        }
        world.keyline.relay().pumpUntilIdle(20);

        assertThat(resources.findReservation(first.id()).orElseThrow().state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(resources.findReservation(redated.id()).orElseThrow().state())
                .as("re-dated since the timer was set").isEqualTo(ReservationState.IN_PROGRESS);
        assertThat(resources.findReservation(cancelled.id()).orElseThrow().state()).isEqualTo(ReservationState.CANCELLED);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(8);
        assertThat(world.keyline.relay().deadLetters(ReservationExpiries.REACTION, 10)).isEmpty();
    }

    @Test
    void theExpiryTimerExpiresAReservationAtItsExpiryAndReturnsExactlyItsUnallocatedUnits() {
        ReservationSnapshot r = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 4, Duration.ofHours(1)));
        resources.allocate(NETWORK_CENTRE, r.id(), new AllocationId("L1"), 1);
        UnitSet allocated = resources.holdingsOf(BANK).get(0).allocations().get(0).units();
        UnitSet unallocated = resources.findPool(POOL).orElseThrow().reservations().stream()
                .filter(ru -> ru.reservation().equals(r.id())).map(ru -> ru.units()).findFirst().orElseThrow();
        assertThat(unallocated.size()).isEqualTo(3);
        world.keyline.relay().pumpUntilIdle(20);

        world.clock.advance(Duration.ofHours(1).minusSeconds(1));
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(resources.findReservation(r.id()).orElseThrow().state()).as("a second before its expiry")
                .isEqualTo(ReservationState.IN_PROGRESS);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(6);

        world.clock.advance(Duration.ofSeconds(1));
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(resources.findReservation(r.id()).orElseThrow().state()).isEqualTo(ReservationState.EXPIRED);
        ResourcePoolSnapshot pool = resources.findPool(POOL).orElseThrow();
        assertThat(pool.reservations()).isEmpty();
        assertThat(resources.checkAvailability(POOL).available()).as("exactly its three unallocated units returned")
                .isEqualTo(9);
        assertThat(resources.holdingsOf(BANK)).singleElement()
                .satisfies(h -> assertThat(h.units()).as("the allocated unit stays").isEqualTo(allocated));
        assertThat(delivered("resource.reservation-expired")).hasSize(1);
        assertThat(delivered(ReservationExpiryDue.TYPE)).as("the timer reached the sinks too").hasSize(1);
        assertThat(resources.expireDue(10)).as("the sweep finds nothing left").isEmpty();
    }

    @Test
    void aRedatedReservationsOldTimerDoesNotExpireItAndTheNewOneDoes() {
        ReservationSnapshot r = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 2, Duration.ofHours(1)));
        resources.redate(MARKETING, r.id(), world.clock.instant().plus(Duration.ofHours(5)));

        world.clock.advance(Duration.ofHours(2));
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(resources.findReservation(r.id()).orElseThrow().state()).as("past the old expiry")
                .isEqualTo(ReservationState.IN_PROGRESS);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(8);

        world.clock.advance(Duration.ofHours(3));
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(resources.findReservation(r.id()).orElseThrow().state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(10);
        assertThat(delivered(ReservationExpiryDue.TYPE)).as("one timer, the re-dated one").hasSize(1);
    }

    @Test
    void aReservationThatEndsOtherwiseHasItsTimerCancelled() {
        resources.reserve(MARKETING, POOL, new ReservationId("R1"), terms(BANK, 1, Duration.ofHours(1)));
        resources.reserve(MARKETING, POOL, new ReservationId("R2"), terms(HOTEL, 1, Duration.ofHours(1)));
        resources.allocate(NETWORK_CENTRE, new ReservationId("R1"), new AllocationId("L1"), 1);
        resources.cancel(MARKETING, new ReservationId("R2"), "withdrawn");
        resources.reserve(MARKETING, POOL, new ReservationId("R3"), terms(BANK, 20, Duration.ofHours(1)));

        world.clock.advance(Duration.ofHours(2));
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(delivered(ReservationExpiryDue.TYPE)).as("no timer left for completed, cancelled or rejected")
                .isEmpty();
        assertThat(resources.findReservation(new ReservationId("R1")).orElseThrow().state())
                .isEqualTo(ReservationState.COMPLETED);
    }

    @Test
    void anExpiryDueEventDeliveredTwiceChangesNothing() {
        ReservationSnapshot r = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 3, Duration.ofHours(1)));
        world.clock.advance(Duration.ofHours(1));
        world.keyline.relay().pumpUntilIdle(20);
        ResourcePoolSnapshot afterExpiry = resources.findPool(POOL).orElseThrow();
        ReservationSnapshot expired = resources.findReservation(r.id()).orElseThrow();
        assertThat(expired.state()).isEqualTo(ReservationState.EXPIRED);

        Reaction reaction = world.keyline.reactions().stream().filter(x -> x.name().equals(ReservationExpiries.REACTION))
                .findFirst().orElseThrow();
        ReservationExpiryDue again = new ReservationExpiryDue(EventId.random(), r.expiresAt(), r.id(), POOL, r.expiresAt());
        world.keyline.run(ctx -> reaction.handler().react(again, ctx));
        world.keyline.run(ctx -> ctx.publish(again));
        world.keyline.relay().pumpUntilIdle(20);

        assertThat(resources.findPool(POOL).orElseThrow()).as("nothing returned twice").isEqualTo(afterExpiry);
        assertThat(resources.findReservation(r.id()).orElseThrow()).isEqualTo(expired);
        assertThat(delivered("resource.reservation-expired")).hasSize(1);
    }

    @Test
    void utilisationIsReadFromTheStoredMovementLog() {
        Instant opened = world.clock.instant();
        world.clock.advance(Duration.ofHours(1));
        resources.allocateDirectly(NETWORK_CENTRE, POOL, new AllocationId("D1"), BANK, "ORD-1", 5);
        world.clock.advance(Duration.ofHours(1));
        Instant end = world.clock.instant();

        assertThat(resources.utilisationAt(POOL, end)).contains(new BigDecimal("0.500000"));
        assertThat(resources.utilisationAt(POOL, opened)).contains(new BigDecimal("0.000000"));
        assertThat(resources.utilisationAt(POOL, opened.minusSeconds(1))).isEmpty();
        assertThat(resources.utilisationOver(POOL, opened, end)).contains(new BigDecimal("0.250000"));
    }

    @Test
    void aReservationBeyondTheAvailableUnitsIsRejectedAndRaisesAnEmergencyInvestmentRequest() {
        ReservationSnapshot rejected = resources.reserve(MARKETING, POOL, new ReservationId("R1"),
                terms(BANK, 11, Duration.ofHours(1)));
        assertThat(rejected.state()).isEqualTo(ReservationState.REJECTED);
        assertThat(resources.findReservation(rejected.id()).orElseThrow()).isEqualTo(rejected);
        assertThat(resources.checkAvailability(POOL).available()).isEqualTo(10);
        assertThat(resources.forecastShortfall(NETWORK_CENTRE, POOL, 25, "next year's forecast")).isEqualTo(15);
        world.keyline.relay().pumpUntilIdle(20);
        assertThat(delivered("resource.investment-requested")).extracting(n -> n.audience().subject())
                .anySatisfy(s -> assertThat(s).contains("EMERGENCY")).anySatisfy(s -> assertThat(s).contains("ROLLING"));
    }

    @Test
    void onlyTheNetworkCentreManagesPoolsAndAllocatesAndTheMarketingCentreMayReserve() {
        assertThatThrownBy(() -> resources.reserve(WANG, POOL, new ReservationId("R1"), terms(BANK, 1, Duration.ofHours(1))))
                .isInstanceOf(NotAuthorisedException.class).hasMessageContaining("may not reserve");
        ReservationSnapshot r = resources.reserve(MARKETING, POOL, new ReservationId("R1"), terms(BANK, 1,
                Duration.ofHours(1)));
        assertThatThrownBy(() -> resources.allocate(MARKETING, r.id(), new AllocationId("L1"), 1))
                .isInstanceOf(NotAuthorisedException.class);
        assertThatThrownBy(() -> resources.addCapacity(MARKETING, POOL, 5, "more")).isInstanceOf(NotAuthorisedException.class);
        Allocation made = resources.allocate(NETWORK_CENTRE, r.id(), new AllocationId("L1"), 1);
        assertThat(made.units()).isEqualTo(UnitSet.of(1, 1));
        assertThat(resources.findReservation(r.id()).orElseThrow().state()).isEqualTo(ReservationState.COMPLETED);
    }
}
