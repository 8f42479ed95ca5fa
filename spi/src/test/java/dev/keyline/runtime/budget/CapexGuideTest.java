package dev.keyline.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexRequestRef;
import dev.keyline.domain.budget.CapexSchedule;
import dev.keyline.domain.budget.CapexStage;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.UserId;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.runtime.Keyline;
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The code of the budget guide's section "CAPEX projects through the runtime" (docs/budgets.md), run as written there. */
class CapexGuideTest {

    @Test
    void theGuidesProjectRunsFromItsRequestToAcceptance() {
        Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(TestClock.standard()).build();
        Instant now = keyline.clock().instant();

        CapexProjects projects = CapexProjects.on(keyline);
        Actor networkCentre = Actor.withRoles(new UserId("qian"), Role.NETWORK_CENTRE_MANAGER);
        Actor generalManager = Actor.withRoles(new UserId("zhou"), Role.GENERAL_MANAGER);
        CapexProjectId id = new CapexProjectId("CP-SZ-2026-001");

        projects.propose(new CapexRequestRef("IR-SZ-FIBRE-001"), id, CapexKind.ROLLING, new LocalNetworkId("SZ"),
                new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48), "the fibre pool is 48 short of the forecast");
        projects.startFeasibility(networkCentre, id, "route survey");
        CapexBudgetLine line = new CapexBudgetLine(new BudgetId("BUD-SZ-2026"), new BudgetLineId("CAPEX-NET"));
        projects.approve(generalManager, id, line, Money.cny("380000.00"),
                new CapexSchedule(now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(90))), "company meeting");
        projects.startConstruction(networkCentre, id, "contractor on site");
        projects.bookCommitment(networkCentre, id, "PO-7781", Money.cny("352000.00"));
        projects.releaseCommitment(networkCentre, id, "PO-7781", Money.cny("352000.00"));
        projects.bookActual(networkCentre, id, "INV-0932", Money.cny("349500.00"));
        CapexProjectSnapshot accepted = projects.accept(networkCentre, id,
                List.of(new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48)), true, 36, "passed at the first inspection");

        assertThat(accepted.stage()).isEqualTo(CapexStage.ACCEPTED);
        assertThat(accepted.history()).hasSize(5);
        assertThat(accepted.bookings()).hasSize(3);
        assertThat(accepted.linesAdded()).isEqualTo(36);
    }
}
