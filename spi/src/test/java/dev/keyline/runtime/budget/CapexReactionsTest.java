package dev.keyline.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectAccepted;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.resource.InvestmentKind;
import dev.keyline.domain.resource.InvestmentRequested;
import dev.keyline.domain.resource.PoolId;
import dev.keyline.domain.resource.PoolLocation;
import dev.keyline.domain.resource.ReservationId;
import dev.keyline.domain.resource.ReservationPurpose;
import dev.keyline.domain.resource.ReservationTerms;
import dev.keyline.domain.resource.ResourceType;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.Reaction;
import dev.keyline.runtime.resource.CapacityBuiltAdditions;
import dev.keyline.runtime.resource.ResourcePools;
import dev.keyline.spi.DeliveryStatus;
import dev.keyline.spi.OutboxEntry;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two reactions that wire CAPEX projects to the resource pools: an investment request becomes one
 * proposed project of its kind, however often it is delivered, and an accepted project's capacity
 * reaches its pools once, while capacity for a pool that does not exist is dead-lettered with the
 * reason and added nowhere.
 */
class CapexReactionsTest {

    private static final Actor GM = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("ncm"), Role.NETWORK_CENTRE_MANAGER);
    private static final Actor MARKETING = Actor.withRoles(new UserId("mkt"), Role.MARKETING_MANAGER);
    private static final LocalNetworkId SUZHOU = new LocalNetworkId("SZ");
    private static final PoolId POOL = new PoolId("SZ-DDN-1");
    private static final PoolLocation EXCHANGE = new PoolLocation(SUZHOU, "EXCH-1");

    private final Instant start = Instant.parse("2027-03-01T02:00:00Z");
    private final TestClock clock = TestClock.at(start);
    private final Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(clock).build();
    private final ResourcePools resources = ResourcePools.on(keyline);
    private final CapexProjects projects = CapexProjects.on(keyline);

    private CapexProjectSnapshot proposedOnly() {
        return projects.inStage(CapexStage.PROPOSED).stream().reduce((a, b) -> {
            throw new AssertionError("more than one proposed project: " + a.id() + ", " + b.id());
        }).orElseThrow(() -> new AssertionError("no proposed project"));
    }

    @Test
    void bothAreasWireTheirReactions() {
        assertThat(keyline.reactions()).extracting(Reaction::name)
                .contains(InvestmentProposals.REACTION, CapacityBuiltAdditions.REACTION);
    }

    @Test
    void eachInvestmentRequestBecomesOneProposedProjectOfItsKind() {
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, EXCHANGE, 10, Duration.ZERO);
        resources.reserve(MARKETING, POOL, new ReservationId("R1"), new ReservationTerms(new AccountId("BANK"),
                ReservationPurpose.ORDER, "ORD-1", 14, start, start.plus(Duration.ofDays(30)),
                start.plus(Duration.ofDays(2))));
        keyline.relay().pumpUntilIdle(20);
        CapexProjectSnapshot emergency = proposedOnly();
        clock.advance(Duration.ofHours(1));
        resources.forecastShortfall(NETWORK_CENTRE, POOL, 25, "next year's forecast");
        keyline.relay().pumpUntilIdle(20);

        List<CapexProjectSnapshot> proposed = projects.inStage(CapexStage.PROPOSED);
        assertThat(proposed).hasSize(2);
        assertThat(emergency.kind()).isEqualTo(CapexKind.EMERGENCY);
        assertThat(emergency.network()).isEqualTo(SUZHOU);
        assertThat(emergency.plannedCapacity()).containsExactly(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 4));
        assertThat(emergency.id()).isEqualTo(InvestmentProposals.projectFor(emergency.request()));
        CapexProjectSnapshot rolling = proposed.stream().filter(p -> !p.id().equals(emergency.id())).findFirst()
                .orElseThrow();
        assertThat(rolling.kind()).isEqualTo(CapexKind.ROLLING);
        assertThat(rolling.plannedCapacity()).containsExactly(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 15));
        assertThat(keyline.relay().deadLetters(InvestmentProposals.REACTION, 10)).isEmpty();
    }

    @Test
    void aRequestDeliveredAgainProposesNothingTwice() {
        InvestmentRequested requested = new InvestmentRequested(EventId.random(), start, POOL, ResourceType.DDN_PORT,
                EXCHANGE, InvestmentKind.ROLLING, 6, 16, 10, Optional.empty(), "forecast for the park");
        keyline.run(ctx -> ctx.publish(requested));
        keyline.relay().pumpUntilIdle(20);
        CapexProjectSnapshot once = proposedOnly();
        assertThat(once.request()).isEqualTo(InvestmentProposals.requestOf(requested));

        assertThat(receiptHeld(InvestmentProposals.REACTION, requested.eventId()))
                .as("the relay holds a receipt, so a redelivery skips the reaction").isTrue();
        Reaction reaction = keyline.relay().reactions().get(InvestmentProposals.REACTION);
        keyline.run(ctx -> reaction.handler().react(requested, ctx));

        assertThat(projects.inStage(CapexStage.PROPOSED)).containsExactly(once);
    }

    @Test
    void anAcceptedProjectsCapacityReachesItsPoolOnce() {
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, EXCHANGE, 10, Duration.ZERO);
        CapexProjectId id = builtProject(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 24));
        long before = resources.checkAvailability(POOL).capacity();

        projects.accept(NETWORK_CENTRE, id, List.of(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 24)), true, 24,
                "handed over");
        assertThat(resources.checkAvailability(POOL).capacity()).as("not before the relay ran").isEqualTo(before);
        keyline.relay().pumpUntilIdle(20);

        assertThat(before).isEqualTo(10);
        assertThat(resources.checkAvailability(POOL).capacity()).isEqualTo(34);
        EventId accepted = acceptedEvent();
        assertThat(receiptHeld(CapacityBuiltAdditions.REACTION, accepted))
                .as("the relay holds a receipt, so a redelivery skips the reaction").isTrue();
        keyline.relay().pumpUntilIdle(20);
        assertThat(resources.checkAvailability(POOL).capacity()).isEqualTo(34);
        assertThat(keyline.relay().deadLetters(CapacityBuiltAdditions.REACTION, 10)).isEmpty();
    }

    @Test
    void capacityForAPoolThatDoesNotExistIsDeadLetteredWithTheReasonAndAddedNowhere() {
        resources.openPool(NETWORK_CENTRE, POOL, ResourceType.DDN_PORT, EXCHANGE, 10, Duration.ZERO);
        CapexProjectId id = builtProject(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 24));

        projects.accept(NETWORK_CENTRE, id, List.of(new CapexCapacity("SZ-DDN-1", "DDN_PORT", 24),
                new CapexCapacity("SZ-DDN-9", "DDN_PORT", 8)), true, 32, "handed over");
        keyline.relay().pumpUntilIdle(20);

        assertThat(resources.checkAvailability(POOL).capacity()).as("nothing of the event is added").isEqualTo(10);
        List<OutboxEntry> dead = keyline.relay().deadLetters(CapacityBuiltAdditions.REACTION, 10);
        assertThat(dead).singleElement().satisfies(e -> {
            assertThat(e.message().type()).isEqualTo(CapexProjectAccepted.TYPE);
            assertThat(e.delivery(CapacityBuiltAdditions.REACTION).orElseThrow().lastError())
                    .contains("pool SZ-DDN-9").contains("does not exist");
        });
    }

    private CapexProjectId builtProject(CapexCapacity capacity) {
        CapexProjectId id = new CapexProjectId("CP-1");
        projects.propose(NETWORK_CENTRE, id, CapexKind.ROLLING, "DDN ports", SUZHOU, List.of(capacity), "forecast");
        projects.startFeasibility(NETWORK_CENTRE, id, "survey");
        projects.approve(GM, id, new CapexBudgetLine(new BudgetId("JS-2027"), new BudgetLineId("CAPEX-ACCESS")), Money.cny("100000.00"),
                new CapexSchedule(start.plus(Duration.ofDays(10)), start.plus(Duration.ofDays(90))), "meeting");
        projects.startConstruction(NETWORK_CENTRE, id, "on site");
        clock.advance(Duration.ofDays(1));
        return id;
    }

    private boolean receiptHeld(String reaction, EventId event) {
        return keyline.transactions().execute(() -> keyline.storage().outbox().hasReceipt(reaction, event));
    }

    private EventId acceptedEvent() {
        return keyline.transactions().execute(() -> keyline.storage().outbox().list(DeliveryStatus.DELIVERED, 1_000))
                .stream().filter(e -> e.message().type().equals(CapexProjectAccepted.TYPE)).map(e -> e.message().eventId())
                .reduce((a, b) -> {
                    throw new AssertionError("accepted twice");
                }).orElseThrow();
    }
}
