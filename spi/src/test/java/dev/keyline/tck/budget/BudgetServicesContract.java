package dev.keyline.tck.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyline.domain.budget.BudgetControl;
import dev.keyline.domain.budget.BudgetExceededException;
import dev.keyline.domain.budget.BudgetId;
import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetLineId;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.BudgetStatus;
import dev.keyline.domain.budget.BudgetTargets;
import dev.keyline.domain.budget.CommitmentId;
import dev.keyline.domain.budget.ControlLevel;
import dev.keyline.domain.budget.DocumentStage;
import dev.keyline.domain.budget.IllegalBudgetTransitionException;
import dev.keyline.domain.budget.LineKind;
import dev.keyline.domain.budget.OrgUnit;
import dev.keyline.domain.budget.OrgUnitId;
import dev.keyline.domain.common.Actor;
import dev.keyline.domain.common.InsufficientCapacityException;
import dev.keyline.domain.common.KeylineException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.NotAuthorisedException;
import dev.keyline.domain.common.Role;
import dev.keyline.domain.common.StaleVersionException;
import dev.keyline.domain.common.UserId;
import dev.keyline.runtime.Keyline;
import dev.keyline.runtime.budget.Budgets;
import dev.keyline.spi.StorageProvider;
import dev.keyline.tck.TestClock;
import dev.keyline.tck.account.AccountAreaSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget service on a provider: the yearly cycle with its access rules, the commitment ledger
 * with STOP control, and the rule that issued child budgets never sum above their parent's line,
 * also when two children are issued at the same moment. A provider runs it by extending
 * {@link BudgetAreaContract}, or this class directly with {@link #newStorage()}.
 */
public abstract class BudgetServicesContract {

    /** The province's general manager: sets targets, reviews, issues. */
    protected static final Actor PROVINCE_GM = Actor.withRoles(new UserId("js-gm"), Role.GENERAL_MANAGER);

    /** Suzhou's general manager: reviews and issues the departments' budgets. */
    protected static final Actor SUZHOU_GM = Actor.withRoles(new UserId("sz-gm"), Role.GENERAL_MANAGER);

    /** Suzhou's financial manager: drafts and books. */
    protected static final Actor SUZHOU_FINANCE = Actor.withRoles(new UserId("sz-fin"), Role.FINANCIAL_MANAGER);

    /** A department's financial manager. */
    protected static final Actor DEPT_FINANCE = Actor.withRoles(new UserId("dept-fin"), Role.FINANCIAL_MANAGER);

    private static final BudgetLineId ACCESS = new BudgetLineId("CAPEX-ACCESS");

    /** Fresh ids for this test. */
    protected final AccountAreaSamples samples = new AccountAreaSamples();

    private StorageProvider storage;
    private Budgets budgets;

    /** A fresh, empty storage; called once per test. */
    protected abstract StorageProvider newStorage();

    /** Releases a storage made by {@link #newStorage()}; does nothing unless overridden. */
    protected void discard(StorageProvider used) {
    }

    @BeforeEach
    void createService() {
        storage = newStorage();
        Keyline keyline = Keyline.builder().storage(storage)
                .clock(TestClock.at(Instant.parse("2027-06-15T02:00:00Z"))).build();
        budgets = Budgets.on(keyline);
    }

    @AfterEach
    void discardStorage() {
        discard(storage);
    }

    private OrgUnit province;
    private OrgUnit suzhou;

    /** Suzhou's budget under the province's, both issued; Suzhou's access line is 1,000,000.00. */
    private BudgetId issuedSuzhou() {
        province = OrgUnit.province(new OrgUnitId(samples.nextId("JS")));
        suzhou = OrgUnit.localNetwork(new OrgUnitId(samples.nextId("SZ")), new LocalNetworkId("SZ"), province.id());
        BudgetId provinceBudget = new BudgetId(samples.nextId("JS-2027-"));
        budgets.setTargets(PROVINCE_GM, provinceBudget, BudgetTargets.of(province, 2027, null, Money.cny("5000000")),
                "provincial plan");
        Actor provinceFinance = Actor.withRoles(new UserId("js-fin"), Role.FINANCIAL_MANAGER);
        budgets.startDraft(provinceFinance, provinceBudget, "draft");
        budgets.planLine(provinceFinance, provinceBudget, line(ACCESS, "3000000", null));
        budgets.submit(provinceFinance, provinceBudget, "submit");
        budgets.approve(PROVINCE_GM, provinceBudget, "ok");
        budgets.issue(PROVINCE_GM, provinceBudget, "issued");

        BudgetId id = new BudgetId(samples.nextId("SZ-2027-"));
        budgets.setTargets(PROVINCE_GM, id, BudgetTargets.of(suzhou, 2027, provinceBudget, Money.cny("1500000")),
                "targets for Suzhou");
        budgets.startDraft(SUZHOU_FINANCE, id, "draft");
        budgets.planLine(SUZHOU_FINANCE, id, line(ACCESS, "1000000", ACCESS));
        budgets.submit(SUZHOU_FINANCE, id, "first draft");
        budgets.challenge(PROVINCE_GM, id, "justify the access line");
        budgets.answerChallenge(SUZHOU_FINANCE, id, 1, "new industrial park");
        budgets.submit(SUZHOU_FINANCE, id, "answered");
        budgets.approve(PROVINCE_GM, id, "approved");
        budgets.issue(PROVINCE_GM, id, "issued");
        return id;
    }

    private static BudgetLine line(BudgetLineId id, String amount, BudgetLineId parentLine) {
        return new BudgetLine(id, LineKind.CAPEX, "access network", Money.cny(amount),
                BudgetControl.uniform(ControlLevel.STOP), parentLine);
    }

    /** A department budget under Suzhou's, approved and ready to issue, drawing {@code amount} on the access line. */
    private BudgetId approvedDepartment(BudgetId suzhouBudget, String amount) {
        OrgUnit department = OrgUnit.department(new OrgUnitId(samples.nextId("D")), new LocalNetworkId("SZ"), suzhou.id());
        BudgetId id = new BudgetId(samples.nextId("DEPT-"));
        budgets.setTargets(SUZHOU_GM, id, BudgetTargets.of(department, 2027, suzhouBudget, Money.cny(amount)), "targets");
        budgets.startDraft(DEPT_FINANCE, id, "draft");
        budgets.planLine(DEPT_FINANCE, id, line(new BudgetLineId("ACC"), amount, ACCESS));
        budgets.submit(DEPT_FINANCE, id, "submit");
        budgets.approve(SUZHOU_GM, id, "ok");
        return id;
    }

    @Test
    void theYearRunsFromTargetsToIssueWithEveryTransitionInTheHistory() {
        BudgetId id = issuedSuzhou();
        BudgetSnapshot issued = budgets.get(id);
        assertThat(issued.status()).isEqualTo(BudgetStatus.ISSUED);
        assertThat(issued.history()).extracting(c -> c.to()).containsExactly(BudgetStatus.TARGETS_SET,
                BudgetStatus.DRAFT, BudgetStatus.SUBMITTED, BudgetStatus.CHALLENGED, BudgetStatus.SUBMITTED,
                BudgetStatus.APPROVED, BudgetStatus.ISSUED);
        assertThat(issued.history().get(3).by()).isEqualTo(PROVINCE_GM.user());
        assertThat(issued.challenges().get(0).answer()).isEqualTo("new industrial park");
    }

    @Test
    void rolesAreCheckedBeforeAnythingChanges() {
        BudgetId id = issuedSuzhou();
        BudgetSnapshot before = budgets.get(id);
        assertThatThrownBy(() -> budgets.close(SUZHOU_FINANCE, id, "not mine")).isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("GENERAL_MANAGER");
        assertThatThrownBy(() -> budgets.bookCommitment(SUZHOU_GM, id, ACCESS, new CommitmentId("PR-1"),
                DocumentStage.REQUEST, Money.cny("1.00"), null)).isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("FINANCIAL_MANAGER");
        assertThatThrownBy(() -> budgets.approve(PROVINCE_GM, id, "again"))
                .isInstanceOf(IllegalBudgetTransitionException.class);
        assertThat(budgets.get(id)).isEqualTo(before);
    }

    @Test
    void anApproverMayNotApproveWhatTheySubmitted() {
        issuedSuzhou();
        Actor both = Actor.withRoles(new UserId("both"), Role.GENERAL_MANAGER, Role.FINANCIAL_MANAGER);
        BudgetId id = new BudgetId(samples.nextId("X-"));
        OrgUnit other = OrgUnit.localNetwork(new OrgUnitId(samples.nextId("KM")), new LocalNetworkId("KM"), province.id());
        budgets.setTargets(PROVINCE_GM, id, BudgetTargets.of(other, 2027, null, Money.cny("10")), "targets");
        budgets.startDraft(both, id, "draft");
        budgets.planLine(both, id, line(ACCESS, "10", null));
        budgets.submit(both, id, "submit");
        assertThatThrownBy(() -> budgets.approve(both, id, "self")).isInstanceOf(NotAuthorisedException.class)
                .hasMessageContaining("submitted themselves");
    }

    @Test
    void anOverBudgetCommitmentIsStoppedAndNothingIsBooked() {
        BudgetId id = issuedSuzhou();
        budgets.bookCommitment(SUZHOU_FINANCE, id, ACCESS, new CommitmentId("PR-1"), DocumentStage.REQUEST,
                Money.cny("400000"), null);
        budgets.bookCommitment(SUZHOU_FINANCE, id, ACCESS, new CommitmentId("PO-1"), DocumentStage.ORDER,
                Money.cny("380000"), new CommitmentId("PR-1"));
        budgets.recordActual(SUZHOU_FINANCE, id, ACCESS, new CommitmentId("INV-1"), Money.cny("380000"),
                new CommitmentId("PO-1"));
        BudgetSnapshot before = budgets.get(id);
        assertThatThrownBy(() -> budgets.bookCommitment(SUZHOU_FINANCE, id, ACCESS, new CommitmentId("PR-2"),
                DocumentStage.REQUEST, Money.cny("200000"), null))
                .isInstanceOf(BudgetExceededException.class).hasMessageContaining("CAPEX-ACCESS");
        assertThat(budgets.get(id)).isEqualTo(before);
        var balance = budgets.balances(id).get(0);
        assertThat(balance.actual()).isEqualTo(Money.cny("380000"));
        assertThat(balance.committed()).isEqualTo(Money.cny("0"));
        assertThat(balance.available()).isEqualTo(Money.cny("620000"));
    }

    @Test
    void issuedChildrenNeverSumAboveTheirParentLine() {
        BudgetId suzhouBudget = issuedSuzhou();
        BudgetId first = approvedDepartment(suzhouBudget, "600000");
        BudgetId second = approvedDepartment(suzhouBudget, "500000");
        budgets.issue(SUZHOU_GM, first, "issued");
        BudgetSnapshot before = budgets.get(second);
        assertThatThrownBy(() -> budgets.issue(SUZHOU_GM, second, "too much"))
                .isInstanceOf(InsufficientCapacityException.class).hasMessageContaining("1100000.00 CNY")
                .hasMessageContaining("CAPEX-ACCESS");
        assertThat(budgets.get(second)).isEqualTo(before);
        // cutting the parent line below its issued children is refused too
        assertThatThrownBy(() -> budgets.approveRevision(PROVINCE_GM, suzhouBudget, ACCESS, Money.cny("-400000.01"),
                "cut")).isInstanceOf(InsufficientCapacityException.class);
        // raising the parent line makes room
        budgets.approveRevision(PROVINCE_GM, suzhouBudget, ACCESS, Money.cny("100000"), "more access");
        budgets.issue(SUZHOU_GM, second, "issued after the revision");
        assertThatThrownBy(() -> budgets.approveRevision(SUZHOU_GM, second, new BudgetLineId("ACC"), Money.cny("0.01"),
                "a cent more")).isInstanceOf(InsufficientCapacityException.class);
    }

    @Test
    void twoChildrenIssuedAtOnceCannotBothSlipPastTheParentLine() throws Exception {
        for (int round = 0; round < 4; round++) {
            BudgetId suzhouBudget = issuedSuzhou();
            List<BudgetId> children = List.of(approvedDepartment(suzhouBudget, "600000"),
                    approvedDepartment(suzhouBudget, "600000"));
            CyclicBarrier start = new CyclicBarrier(children.size());
            ExecutorService threads = Executors.newFixedThreadPool(children.size());
            try {
                List<Future<Boolean>> racers = new ArrayList<>();
                for (BudgetId child : children) {
                    racers.add(threads.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            budgets.issue(SUZHOU_GM, child, "race");
                            return true;
                        } catch (StaleVersionException | InsufficientCapacityException lost) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (Future<Boolean> racer : racers) {
                    won += racer.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("children issued on a line of 1,000,000.00 with 600,000.00 each").isLessThanOrEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
            // whichever lost, retried now, is refused: the line cannot hold both
            int issued = 0;
            for (BudgetId child : children) {
                if (budgets.get(child).status() != BudgetStatus.ISSUED) {
                    try {
                        budgets.issue(SUZHOU_GM, child, "retry");
                    } catch (InsufficientCapacityException full) {
                        // the line is full
                    }
                }
            }
            for (BudgetId child : children) {
                issued += budgets.get(child).status() == BudgetStatus.ISSUED ? 1 : 0;
            }
            assertThat(issued).isEqualTo(1);
        }
    }
}
