package dev.keyline.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CapexBudgetLine;
import dev.keyline.domain.budget.CapexCapacity;
import dev.keyline.domain.budget.CapexKind;
import dev.keyline.domain.budget.CapexProjectId;
import dev.keyline.domain.budget.CapexProjectSnapshot;
import dev.keyline.domain.budget.CapexSchedule;
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
import dev.keyline.tck.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A CAPEX project's request, order and invoice flow into its budget line, and a commitment the line stops
 * (March holds a quarter of the year's amount under phasing) is written on neither.
 */
class CapexCommitmentsTest {

    private static final Actor GM = Actor.withRoles(new UserId("gm"), Role.GENERAL_MANAGER);
    private static final Actor FINANCE = Actor.withRoles(new UserId("fin"), Role.FINANCIAL_MANAGER);
    private static final Actor NETWORK_CENTRE = Actor.withRoles(new UserId("ncm"), Role.NETWORK_CENTRE_MANAGER);
    private static final BudgetLineId ACCESS = new BudgetLineId("CAPEX-ACCESS");
    private static final CapexProjectId PROJECT = new CapexProjectId("CP-1");

    private final Instant start = Instant.parse("2027-03-01T02:00:00Z");
    private final Keyline keyline = Keyline.builder().storage(new InMemoryStorage()).clock(TestClock.at(start)).build();
    private final Budgets budgets = Budgets.on(keyline);
    private final CapexProjects projects = CapexProjects.on(keyline);
    private final CapexCommitments commitments = CapexCommitments.on(keyline);

    @Test
    void aRequestItsOrderAndTheInvoiceReachTheProjectAndItsLineTogether() {
        BudgetId budget = issuedBudget("1000000.00");
        approvedProject(budget, "500000.00");

        commitments.commit(FINANCE, PROJECT, "REQ-1", DocumentStage.REQUEST, Money.cny("200000.00"), null);
        commitments.commit(FINANCE, PROJECT, "PO-1", DocumentStage.ORDER, Money.cny("190000.00"), "REQ-1");
        LineBalance balance = commitments.invoice(FINANCE, PROJECT, "INV-1", Money.cny("189000.00"), "PO-1");

        assertThat(balance.committed()).isEqualTo(Money.cny("0.00"));
        assertThat(balance.actual()).isEqualTo(Money.cny("189000.00"));
        CapexProjectSnapshot project = projects.find(PROJECT).orElseThrow();
        assertThat(project.bookings()).hasSize(5);
        assertThat(dev.keyline.domain.budget.CapexProject.restore(project).committed()).isEqualTo(Money.cny("0.00"));
        assertThat(dev.keyline.domain.budget.CapexProject.restore(project).actual()).isEqualTo(Money.cny("189000.00"));
    }

    @Test
    void aCommitmentTheLineStopsIsWrittenNeitherOnTheLineNorOnTheProject() {
        BudgetId budget = issuedBudget("100000.00");
        CapexProjectSnapshot before = approvedProject(budget, "500000.00");

        assertThatThrownBy(() -> commitments.commit(FINANCE, PROJECT, "REQ-1", DocumentStage.REQUEST,
                Money.cny("150000.00"), null)).isInstanceOf(BudgetExceededException.class);

        assertThat(projects.find(PROJECT)).contains(before);
        assertThat(budgets.balances(budget)).singleElement()
                .satisfies(b -> assertThat(b.committed()).isEqualTo(Money.cny("0.00")));
    }

    private BudgetId issuedBudget(String lineAmount) {
        BudgetId id = new BudgetId("JS-2027");
        budgets.setTargets(GM, id, BudgetTargets.of(OrgUnit.province(new OrgUnitId("JS")), 2027, null,
                Money.cny("5000000.00")), "provincial plan");
        budgets.startDraft(FINANCE, id, "draft");
        budgets.planLine(FINANCE, id, new BudgetLine(ACCESS, LineKind.CAPEX, "access network", Money.cny(lineAmount),
                BudgetControl.uniform(ControlLevel.STOP), null));
        budgets.submit(FINANCE, id, "submit");
        budgets.approve(GM, id, "approved");
        budgets.issue(GM, id, "issued");
        return id;
    }

    private CapexProjectSnapshot approvedProject(BudgetId budget, String planned) {
        projects.propose(NETWORK_CENTRE, PROJECT, CapexKind.ROLLING, "fibre ring", new LocalNetworkId("SZ"),
                List.of(new CapexCapacity("POOL-SZ-FIBRE", "FIBRE", 48)), "forecast");
        projects.startFeasibility(NETWORK_CENTRE, PROJECT, "survey");
        projects.approve(GM, PROJECT, new CapexBudgetLine(budget, ACCESS), Money.cny(planned),
                new CapexSchedule(start.plus(Duration.ofDays(10)), start.plus(Duration.ofDays(90))), "meeting");
        return projects.startConstruction(NETWORK_CENTRE, PROJECT, "on site");
    }
}
