package dev.keyline.examples.demo;

import dev.keyline.domain.budget.BudgetLine;
import dev.keyline.domain.budget.BudgetSnapshot;
import dev.keyline.domain.budget.LedgerEntry;
import dev.keyline.domain.budget.Revision;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.examples.report.Block;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A budget's year month by month, read from its ledger: at the end of each month of the fiscal
 * year, the issued amount (original plus the revisions approved by then), the open commitments and
 * the actuals, over all lines.
 *
 * @param months the months of the fiscal year
 * @param issued the issued amount at the end of each month
 * @param committed the open commitments at the end of each month
 * @param actual the actuals to the end of each month
 */
public record BudgetBurnDown(List<YearMonth> months, List<Money> issued, List<Money> committed, List<Money> actual) {

    /** Copies the lists. */
    public BudgetBurnDown {
        months = Require.nonNullElements(months, "months");
        issued = Require.nonNullElements(issued, "issued");
        committed = Require.nonNullElements(committed, "committed");
        actual = Require.nonNullElements(actual, "actual");
    }

    /**
     * The burn-down of a stored budget.
     *
     * @param budget the budget
     * @return its twelve months
     */
    public static BudgetBurnDown of(BudgetSnapshot budget) {
        Require.nonNull(budget, "budget");
        var currency = budget.targets().fundPlan().currency();
        List<YearMonth> months = new ArrayList<>();
        List<Money> issued = new ArrayList<>();
        List<Money> committed = new ArrayList<>();
        List<Money> actual = new ArrayList<>();
        Money original = Money.zero(currency);
        for (BudgetLine line : budget.lines()) {
            original = original.plus(line.amount());
        }
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(budget.targets().fiscalYear(), m);
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(budget.targets().zone()).toInstant();
            Money issuedThen = original;
            for (Revision revision : budget.revisions()) {
                if (revision.approvedAt().isBefore(end)) {
                    issuedThen = issuedThen.plus(revision.delta());
                }
            }
            Money committedThen = Money.zero(currency);
            Money actualThen = Money.zero(currency);
            for (LedgerEntry entry : budget.ledger()) {
                if (entry.at().isBefore(end)) {
                    switch (entry.kind()) {
                        case COMMITMENT_BOOKED -> committedThen = committedThen.plus(entry.amount());
                        case COMMITMENT_REVERSED -> committedThen = committedThen.minus(entry.amount());
                        case ACTUAL_RECORDED -> actualThen = actualThen.plus(entry.amount());
                        default -> throw new IllegalStateException("unknown ledger entry " + entry.kind());
                    }
                }
            }
            months.add(month);
            issued.add(issuedThen);
            committed.add(committedThen);
            actual.add(actualThen);
        }
        return new BudgetBurnDown(months, issued, committed, actual);
    }

    /**
     * The burn-down as a line chart of issued, committed and actual amounts.
     *
     * @param caption what the chart shows
     * @return the chart
     */
    public Block.LineChart chart(String caption) {
        return new Block.LineChart(caption, months.stream().map(YearMonth::toString).toList(), List.of(
                new Block.Series("issued", issued.stream().map(Money::amount).toList()),
                new Block.Series("committed", committed.stream().map(Money::amount).toList()),
                new Block.Series("actual", actual.stream().map(Money::amount).toList())));
    }
}
