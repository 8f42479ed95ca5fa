package dev.keyline.domain.budget;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.quicktheories.core.Gen;

/**
 * QuickTheories generators and fixtures for the budget area: an issued budget with three lines of
 * random control, and random ledger commands on it. Public so that other modules' tests (through
 * the domain test-jar) can reuse them.
 */
public final class BudgetGenerators {

    /** The fiscal year of generated budgets. */
    public static final int YEAR = 2027;

    /** The time zone of generated budgets. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The province's unit. */
    public static final OrgUnit PROVINCE = OrgUnit.province(new OrgUnitId("JS"));

    /** Suzhou's local network unit. */
    public static final OrgUnit SUZHOU = OrgUnit.localNetwork(new OrgUnitId("JS-SZ"), new LocalNetworkId("SZ"),
            PROVINCE.id());

    /** The reviewer. */
    public static final UserId REVIEWER = new UserId("prov-gm");

    /** The drafter. */
    public static final UserId DRAFTER = new UserId("sz-fin");

    /** The three line ids generated budgets have. */
    public static final List<BudgetLineId> LINES = List.of(new BudgetLineId("CAPEX-ACCESS"),
            new BudgetLineId("CAPEX-CORE"), new BudgetLineId("OPEX-MAINT"));

    private static final List<ControlLevel> LEVELS = List.of(ControlLevel.values());

    private BudgetGenerators() {
    }

    /** One random ledger, revision or transition command, in raw numbers the property interprets. */
    public record Op(int kind, int line, int stage, long cents, int ref, int month) {
    }

    /**
     * Random commands: book (kinds 0 to 3), record an actual (4, 5), reverse (6), revise (7),
     * a transition (8).
     *
     * @return the generator
     */
    public static Gen<Op> ops() {
        return lists().of(integers().between(0, 1_000_000)).ofSize(6).map(n -> new Op(n.get(0) % 9, n.get(1) % 3,
                n.get(2) % 2, (n.get(3) % 400_000) + (n.get(3) % 17 == 0 ? 0 : 1), n.get(4) % 12 - 1, n.get(5) % 15));
    }

    /**
     * Controls for three lines: each stage's level random.
     *
     * @return the generator
     */
    public static Gen<List<BudgetControl>> controls() {
        return lists().of(integers().between(0, 26)).ofSize(3).map(codes -> codes.stream()
                .map(c -> new BudgetControl(LEVELS.get(c % 3), LEVELS.get(c / 3 % 3), LEVELS.get(c / 9 % 3))).toList());
    }

    /**
     * The instant in the middle of a month counted from the fiscal year: 0 is the December before
     * it, 1 to 12 its months, 13 and 14 the months after it.
     *
     * @param month the month number
     * @return the instant
     */
    public static Instant inMonth(int month) {
        return LocalDate.of(YEAR, 1, 15).plusMonths(month - 1L).atStartOfDay(ZONE).toInstant();
    }

    /**
     * An amount in CNY.
     *
     * @param cents the amount in cents
     * @return the money
     */
    public static Money cents(long cents) {
        return Money.ofCents(cents, Money.CNY);
    }

    /**
     * Suzhou's budget, issued, with the three {@link #LINES} of 1,000,000.00, 600,000.00 and 0.00
     * (so revisions and overruns happen), under a fund plan of 2,000,000.00.
     *
     * @param controls the three lines' controls
     * @return the issued budget, its events drained
     */
    public static Budget issued(List<BudgetControl> controls) {
        Budget budget = Budget.setTargets(new BudgetId("SZ-2027"), new BudgetTargets(SUZHOU, YEAR, null,
                cents(200_000_000), BudgetTargets.DEFAULT_ALERT_SHARES, ZONE), REVIEWER, "targets", inMonth(0));
        budget.startDraft(DRAFTER, "drafting", inMonth(0));
        long[] amounts = {100_000_000, 60_000_000, 0};
        for (int i = 0; i < 3; i++) {
            budget.planLine(new BudgetLine(LINES.get(i), i < 2 ? LineKind.CAPEX : LineKind.OPEX, "category " + i,
                    cents(amounts[i]), controls.get(i), null), DRAFTER, inMonth(0));
        }
        budget.submit(DRAFTER, "submitted", inMonth(0));
        budget.approve(REVIEWER, "approved", inMonth(0));
        budget.issue(REVIEWER, "issued", inMonth(0));
        budget.drainEvents();
        return budget;
    }
}
