package dev.keyline.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

class KeyAccountEventsTest {

    private static final EventId E = EventId.random();
    private static final Instant AT = Instant.parse("2024-07-01T00:00:00Z");
    private static final AccountId A = new AccountId("ACME");
    private static final LocalNetworkId N = new LocalNetworkId("KM");
    private static final AccountPlanId P = new AccountPlanId("PLAN-1");
    private static final UserId U = new UserId("u1");
    private static final ChurnSignal SIGNAL = new ChurnSignal("r", ChurnSignalKind.OTHER, LocalDate.of(2024, 7, 1), "detail");
    private static final TierChange CHANGE = new TierChange(Tier.NONE, Tier.LOCAL, AT, U,
            new TierChangeCause.ClassificationRun("share", LocalDate.of(2024, 7, 1)));

    static Stream<DomainEvent> accountEvents() {
        return Stream.of(
                new AccountRegistered(E, AT, A, N, "ACME", Industry.FINANCE, U),
                new AccountActivated(E, AT, A, N, U, U),
                new AccountManagerAssigned(E, AT, A, N, Optional.empty(), U, U),
                new AccountTeamAssigned(E, AT, A, N, new AccountTeam(U, U, U), U),
                new AccountProfileUpdated(E, AT, A, N, AccountProfile.blank(), U),
                new AccountPotentialFlagged(E, AT, A, N, PotentialFlags.none(), U),
                new AccountTierChanged(E, AT, A, N, CHANGE),
                new ChurnWarningRaised(E, AT, A, N, U, List.of(SIGNAL)),
                new ChurnWarningCleared(E, AT, A, N, U),
                new AccountExited(E, AT, A, N, "left", U, Tier.LOCAL));
    }

    static Stream<DomainEvent> planEvents() {
        return Stream.of(
                new AccountPlanDrawn(E, AT, P, A, N, Year.of(2024), Money.cny("100.00"), U),
                new PlanActionAdded(E, AT, P, A, N, new PlanAction(1, "visit", U, LocalDate.of(2024, 3, 1), Optional.empty(), Optional.empty()), U),
                new PlanActionCompleted(E, AT, P, A, N, 1, U),
                new ResourcePlanItemAdded(E, AT, P, A, N, new ResourcePlanItem(1, new ProductCode("DDN"), 2,
                        LocalDate.of(2024, 3, 1), "", Optional.empty(), Optional.empty()), U),
                new ResourcePlanItemFulfilled(E, AT, P, A, N, 1, U),
                new RevenueTargetRevised(E, AT, P, A, N, Money.cny("100.00"), Money.cny("120.00"), "grew", U));
    }

    @ParameterizedTest
    @MethodSource("accountEvents")
    void accountEventsConcernTheAccountAndReachItsManager(DomainEvent event) {
        assertThat(event.aggregateId()).isEqualTo("ACME");
        assertThat(event.type()).startsWith("account.");
        assertThat(event.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(event.audience().organisationUnit()).isEqualTo("KM");
        assertThat(event.audience().accountId()).isEqualTo("ACME");
        assertThat(event.audience().subject()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("planEvents")
    void planEventsConcernThePlanAndReachTheAccountManager(DomainEvent event) {
        assertThat(event.aggregateId()).isEqualTo("PLAN-1");
        assertThat(event.type()).startsWith("account-plan.");
        assertThat(event.audience().role()).isEqualTo("ACCOUNT_MANAGER");
        assertThat(event.audience().accountId()).isEqualTo("ACME");
    }

    @Test
    void typeNamesAreStableAndUnique() {
        Set<String> types = new HashSet<>();
        Stream.concat(accountEvents(), planEvents()).forEach(e -> assertThat(types.add(e.type())).as(e.type()).isTrue());
        assertThat(types).contains("account.registered", "account.tier-changed", "account.churn-warning-raised",
                "account.exited", "account-plan.drawn");
    }

    @Test
    void eventsRejectMissingParts() {
        assertThatThrownBy(() -> new AccountRegistered(null, AT, A, N, "x", Industry.FINANCE, U))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> new AccountExited(E, AT, A, N, " ", U, Tier.LOCAL))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new ChurnWarningRaised(E, AT, A, N, U, List.of()))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("signals");
        assertThatThrownBy(() -> new AccountTierChanged(E, null, A, N, CHANGE))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("occurredAt");
        assertThatThrownBy(() -> new PlanActionCompleted(E, AT, P, A, N, 0, U))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("actionNumber");
    }
}
