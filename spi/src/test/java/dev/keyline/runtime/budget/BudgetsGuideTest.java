package dev.keyline.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.LineBalance;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The code of the budget guide's section "Through the runtime", run as written there. */
class BudgetsGuideTest {

    @Test
    void theGuidesStoryRuns() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage())
                .clock(Clock.fixed(Instant.parse("2027-03-10T02:00:00Z"), ZoneOffset.UTC)).build();
        Budgets budgets = Budgets.on(keyline);
        Actor reviewer = Actor.withRoles(new UserId("js-gm"), Role.GENERAL_MANAGER);
        Actor finance = Actor.withRoles(new UserId("sz-fin"), Role.FINANCIAL_MANAGER);
        OrgUnit suzhou = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), new LocalNetworkId("SZ"), new OrgUnitId("JS"));
        BudgetId id = new BudgetId("SZ-2027");
        BudgetLineId access = new BudgetLineId("CAPEX-ACCESS");

        budgets.setTargets(reviewer, id, BudgetTargets.of(suzhou, 2027, null, Money.cny("1200000.00")), "targets");
        budgets.startDraft(finance, id, "from the departments' plans");
        budgets.planLine(finance, id, new BudgetLine(access, LineKind.CAPEX, "access network", Money.cny("1200000.00"),
                BudgetControl.uniform(ControlLevel.STOP), null));
        budgets.submit(finance, id, "first draft");
        budgets.challenge(reviewer, id, "which estates does access serve?");
        budgets.answerChallenge(finance, id, 1, "two industrial parks");
        budgets.submit(finance, id, "answered");
        budgets.approve(reviewer, id, "approved");
        budgets.issue(reviewer, id, "issued");

        budgets.bookCommitment(finance, id, access, new CommitmentId("PR-1"), DocumentStage.REQUEST,
                Money.cny("250000.00"), null);
        budgets.bookCommitment(finance, id, access, new CommitmentId("PO-1"), DocumentStage.ORDER,
                Money.cny("240000.00"), new CommitmentId("PR-1"));
        LineBalance balance = budgets.recordActual(finance, id, access, new CommitmentId("INV-1"),
                Money.cny("240000.00"), new CommitmentId("PO-1"));
        assertThat(balance.available()).isEqualTo(Money.cny("960000.00"));
        assertThat(balance.committed()).isEqualTo(Money.cny("0.00"));
        assertThat(balance.actual()).isEqualTo(Money.cny("240000.00"));

        assertThatThrownBy(() -> budgets.bookCommitment(finance, id, access, new CommitmentId("PR-2"),
                DocumentStage.REQUEST, Money.cny("100000.00"), null))
                .isInstanceOf(BudgetExceededException.class)
                .hasMessageContaining("line CAPEX-ACCESS: a REQUEST of 100000.00 CNY exceeds the amount phased to its "
                        + "month; available 60000.00 CNY (control STOP)");
    }
}
