package dev.keyline.domain.budget;

import static dev.keyline.domain.budget.CapexSamples.FIBRE;
import static dev.keyline.domain.budget.CapexSamples.GENERAL_MANAGER;
import static dev.keyline.domain.budget.CapexSamples.LINE;
import static dev.keyline.domain.budget.CapexSamples.NETWORK_CENTRE;
import static dev.keyline.domain.budget.CapexSamples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.LimitExceededException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.UserId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CAPEX project's rules by example; {@link CapexProjectProperties} covers random sequences. */
class CapexProjectTest {

    @Test
    void aRollingProjectWalksFromProposalToEvaluationRecordingEveryStep() {
        CapexProject project = CapexSamples.inConstruction();
        project.bookCommitment(NETWORK_CENTRE, "PO-1", Money.cny("60000.00"), at(3));
        project.releaseCommitment(NETWORK_CENTRE, "PO-1", Money.cny("60000.00"), at(20));
        project.bookActual(NETWORK_CENTRE, "INV-1", Money.cny("58000.00"), at(20));
        project.accept(NETWORK_CENTRE, List.of(FIBRE), true, 12, "passed at the first inspection", at(25));
        project.evaluate(GENERAL_MANAGER, "demand met", at(200));

        assertThat(project.stage()).isEqualTo(CapexStage.EVALUATED);
        assertThat(project.history()).extracting(CapexTransition::to).containsExactly(CapexStage.PROPOSED,
                CapexStage.FEASIBILITY, CapexStage.APPROVED, CapexStage.IN_CONSTRUCTION, CapexStage.ACCEPTED,
                CapexStage.EVALUATED);
        assertThat(project.history().get(2).by()).isEqualTo(new UserId("gm"));
        assertThat(project.committed()).isEqualTo(Money.cny("0.00"));
        assertThat(project.actual()).isEqualTo(Money.cny("58000.00"));
        assertThat(project.acceptedAt()).contains(at(25));
        assertThat(project.pendingEvents()).extracting(DomainEvent::type).containsExactly(
                "budget.capex-project-proposed", "budget.capex-project-advanced", "budget.capex-project-approved",
                "budget.capex-project-advanced", "budget.capex-amount-booked", "budget.capex-amount-booked",
                "budget.capex-amount-booked", "budget.capex-project-accepted", "budget.capex-project-advanced");
        CapexProjectAccepted accepted = project.pendingEvents().stream().filter(CapexProjectAccepted.class::isInstance)
                .map(CapexProjectAccepted.class::cast).findFirst().orElseThrow();
        assertThat(accepted.capacity()).containsExactly(FIBRE);
        assertThat(accepted.firstTimeRight()).isTrue();
        assertThat(accepted.linesAdded()).isEqualTo(12);
        assertThat(accepted.budgetLine()).isEqualTo(LINE);
        assertThat(accepted.actualAmount()).isEqualTo(Money.cny("58000.00"));
    }

    @Test
    void onlyTheGeneralManagerApprovesAndNobodyOutsideTheRulesActs() {
        CapexProject project = CapexSamples.proposed();
        project.startFeasibility(NETWORK_CENTRE, "route survey", at(0));
        assertThatThrownBy(() -> project.approve(NETWORK_CENTRE, LINE, Money.cny("1.00"), CapexSamples.schedule(),
                "mine", at(1))).isInstanceOf(NotAuthorisedException.class).hasMessageContaining("ncm")
                .hasMessageContaining("GENERAL_MANAGER");
        assertThatThrownBy(() -> CapexProject.propose(new CapexProjectId("CP-2"), CapexKind.STRATEGIC, "core", new LocalNetworkId("SZ"),
                List.of(), Actor.accountManager(new UserId("am")), "why not", at(0)))
                .isInstanceOf(NotAuthorisedException.class);
        assertThat(project.stage()).isEqualTo(CapexStage.FEASIBILITY);
    }

    @Test
    void bookingsStayWithinThePlannedAmountAndACancellationWaitsForOpenCommitments() {
        CapexProject project = CapexSamples.approved();
        project.bookCommitment(NETWORK_CENTRE, "PO-1", Money.cny("90000.00"), at(2));
        assertThatThrownBy(() -> project.bookCommitment(NETWORK_CENTRE, "PO-2", Money.cny("10000.01"), at(2)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("100000.00");
        assertThatThrownBy(() -> project.releaseCommitment(NETWORK_CENTRE, "PO-2", Money.cny("1.00"), at(2)))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("PO-2");
        assertThatThrownBy(() -> project.bookActual(NETWORK_CENTRE, "INV-1", Money.cny("1.00"), at(2)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("APPROVED");
        assertThatThrownBy(() -> project.cancel(GENERAL_MANAGER, "demand moved", at(3)))
                .isInstanceOf(InvalidStateException.class).hasMessageContaining("open commitments");
        project.releaseCommitment(NETWORK_CENTRE, "PO-1", Money.cny("90000.00"), at(3));
        project.cancel(GENERAL_MANAGER, "demand moved", at(3));
        assertThat(project.stage()).isEqualTo(CapexStage.CANCELLED);
    }

    @Test
    void anOverdueMilestoneIsFlaggedOnceAndTheNextOneAgain() {
        CapexProject project = CapexSamples.approved();
        assertThat(project.isOverdueAt(at(10))).isFalse();
        assertThat(project.flagOverdue(at(10))).isEmpty();
        assertThat(project.isOverdueAt(at(11))).isTrue();
        assertThat(project.flagOverdue(at(11))).contains(CapexMilestone.CONSTRUCTION_START);
        assertThat(project.flagOverdue(at(12))).isEmpty();
        project.startConstruction(NETWORK_CENTRE, "late start", at(12));
        assertThat(project.dueAt()).contains(at(30));
        assertThat(project.flagOverdue(at(31))).contains(CapexMilestone.ACCEPTANCE);
        List<CapexProjectOverdue> overdue = project.pendingEvents().stream().filter(CapexProjectOverdue.class::isInstance)
                .map(CapexProjectOverdue.class::cast).toList();
        assertThat(overdue).extracting(CapexProjectOverdue::milestone).containsExactly(CapexMilestone.CONSTRUCTION_START,
                CapexMilestone.ACCEPTANCE);
        assertThat(overdue.get(1).dueAt()).isEqualTo(at(30));
        assertThat(project.overdueMilestones()).containsExactlyInAnyOrder(CapexMilestone.values());
    }

    @Test
    void anInvestmentRequestBecomesAProposalByNobodyNamingTheRequest() {
        CapexProject project = CapexProject.proposeFor(new CapexProjectId("CP-9"), new CapexRequestRef("REQ-7"),
                CapexKind.EMERGENCY, "pool SZ fibre short", new LocalNetworkId("SZ"), List.of(FIBRE),
                "order O-1 waits for 48 fibres", at(0));
        assertThat(project.request()).contains(new CapexRequestRef("REQ-7"));
        assertThat(project.history().get(0).taker()).isEqualTo(Optional.empty());
        CapexProjectProposed proposed = (CapexProjectProposed) project.pendingEvents().get(0);
        assertThat(proposed.request()).isEqualTo(new CapexRequestRef("REQ-7"));
        assertThat(proposed.proposedBy()).isNull();
        assertThat(proposed.capacity()).containsExactly(FIBRE);
        assertThat(CapexProject.restore(project.snapshot()).snapshot()).isEqualTo(project.snapshot());
    }
}
