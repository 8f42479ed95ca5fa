package dev.keyline.runtime.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.kpi.Band;
import dev.keyline.domain.kpi.ScorecardResult;
import dev.keyline.domain.staff.IncentiveAward;
import dev.keyline.domain.staff.IncentiveLedgerId;
import dev.keyline.domain.staff.IncentiveSamples;
import dev.keyline.domain.staff.IncentiveTable;
import dev.keyline.domain.staff.StaffingId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The code of the HR interface guide's section "Through the runtime" (docs/billing-and-hr.md), run as written there. */
class IncentiveGuideTest {

    @Test
    void theGuidesStoryRuns() {
        ScorecardResult result = IncentiveSamples.complete(Band.GREEN, IncentiveSamples.MARCH);

        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).build();
        Actor gm = Actor.withRoles(new UserId("dgm"), Role.DEPARTMENT_GENERAL_MANAGER);
        Actor finance = Actor.withRoles(new UserId("fm"), Role.FINANCIAL_MANAGER);

        Staffings staffings = Staffings.on(keyline);
        StaffingId finances = new StaffingId("sz-finance");
        staffings.open(gm, finances, Industry.FINANCE);
        staffings.planHeadcount(gm, finances, Role.ACCOUNT_MANAGER, 3);
        staffings.assign(gm, finances, Role.ACCOUNT_MANAGER, new UserId("alice"));

        Incentives incentives = Incentives.on(keyline);
        IncentiveLedgerId ledger = new IncentiveLedgerId("sz-key-accounts");
        incentives.open(gm, ledger, IncentiveTable.standard());
        // result: the account manager's ScorecardResult for March, from the KPI area
        IncentiveAward award = incentives.award(finance, ledger, new UserId("alice"), result, Money.cny("5000.00"));

        assertThat(award.factor()).isEqualTo(new BigDecimal("1.2000"));
        assertThat(award.amount()).isEqualTo(Money.cny("6000.00"));
        assertThat(staffings.get(finances).history()).hasSize(2);
        assertThat(incentives.get(ledger).awards()).containsExactly(award);
    }
}
