package dev.keyline.runtime.priority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Period;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.priority.AccountResultFact;
import dev.keyline.domain.priority.AccountResultFactId;
import dev.keyline.domain.priority.GrowthBasis;
import dev.keyline.domain.priority.RankingWeights;
import dev.keyline.domain.priority.Segment;
import dev.keyline.domain.priority.ServiceTierBand;
import dev.keyline.domain.priority.ServiceTierTable;
import dev.keyline.domain.workorder.FaultPriority;
import dev.keyline.domain.workorder.ServicePriorityLookup;
import dev.keyline.domain.workorder.TicketClockPolicy;
import dev.keyline.domain.workorder.TicketClockTargets;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.workorder.FaultTickets;
import dev.keyline.runtime.workorder.ProvisioningOrders;
import dev.keyline.tck.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The code of the customer-priority guide (billing-and-hr.md, "Service priority follows the ranking"), run as written there. */
class PriorityGuideTest {

    @Test
    void theGuidesExampleRuns() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(TestClock.at(Instant.parse("2026-04-02T00:00:00Z")))
                .build();
        Actor billing = Actor.withRoles(new UserId("fin-chen"), Role.FINANCIAL_MANAGER);
        Actor analyst = Actor.withRoles(new UserId("ma-gao"), Role.MARKET_ANALYST);
        Map<FaultPriority, TicketClockTargets> targets = new EnumMap<>(FaultPriority.class);
        for (FaultPriority p : FaultPriority.values()) {
            targets.put(p, new TicketClockTargets(Duration.ofHours(1), Duration.ofHours(8)));
        }
        TicketClockPolicy policy = TicketClockPolicy.byPriority(targets);
        BusinessCalendar calendar = BusinessCalendar.allDays(ZoneOffset.UTC);

        // as in the guide
        ServiceTierTable tiers = ServiceTierTable.of(
                new ServiceTierBand("PLATINUM", 1, 10, new BigDecimal("0.5"), new BigDecimal("0.5")),
                new ServiceTierBand("GOLD", 11, 50, new BigDecimal("0.75"), new BigDecimal("0.75")));

        PriorityRankings priority = PriorityRankings.on(keyline);
        priority.recordResult(billing, new AccountResultFact(new AccountResultFactId("BILL-2026Q1-0001"),
                new AccountId("KA-BANK"), Period.quarter(2026, 1), new ProductCode("DDN"), Industry.FINANCE,
                Money.cny(new BigDecimal("900000")), Money.cny(new BigDecimal("300000")), Instant.parse("2026-04-01T02:00:00Z")));
        // ... the other facts of the quarter and of 2025-Q1
        priority.rank(analyst, Period.quarter(2026, 1), Segment.all(), RankingWeights.EQUAL, GrowthBasis.SAME_PERIOD_LAST_YEAR);

        ServicePriorityLookup priorities = priority.latestServicePriorities(tiers);
        ProvisioningOrders orders = ProvisioningOrders.on(keyline).withPriorities(priorities);
        FaultTickets faults = FaultTickets.on(keyline, policy, calendar).withPriorities(priorities);

        assertThat(priorities.priorityOf(new AccountId("KA-BANK")).tier()).isEqualTo("PLATINUM");
        assertThat(priorities.priorityOf(new AccountId("KA-OTHER")).tier()).isEqualTo("STANDARD");
        assertThat(orders).isNotNull();
        assertThat(faults.calendar()).isEqualTo(calendar);
    }
}
