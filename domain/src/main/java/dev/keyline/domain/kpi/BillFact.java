package dev.keyline.domain.kpi;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;

/**
 * One bill as the arrears rate sees it: its billed amount, its bill and due dates, and the amount
 * still unpaid (neither paid nor written off) on the period's last day.
 *
 * @param id the bill's id, unique among the facts of a period (a provider uses the account and bill id)
 * @param billed the billed amount, not negative
 * @param billedOn the bill date
 * @param due the due date, not before the bill date
 * @param unpaid the amount unpaid on the period's last day, not negative, not above the billed
 *     amount, in its currency
 */
public record BillFact(String id, Money billed, LocalDate billedOn, LocalDate due, Money unpaid) {

    /**
     * Validates the fact.
     *
     * @param id the bill's id, unique among the facts of a period (a provider uses the account and bill id)
     * @param billed the billed amount, not negative
     * @param billedOn the bill date
     * @param due the due date, not before the bill date
     * @param unpaid the amount unpaid on the period's last day, not negative, not above the billed amount, in its currency
     * @throws InvalidArgumentException when a component is null or blank, an amount is negative, the
     *     currencies differ, the unpaid amount exceeds the billed amount or the due date is before
     *     the bill date
     */
    public BillFact {
        Require.nonBlank(id, "id");
        Require.nonNull(billed, "billed");
        Require.nonNull(billedOn, "billedOn");
        Require.nonNull(due, "due");
        Require.nonNull(unpaid, "unpaid");
        Require.nonNegative(billed.amount(), "billed");
        Require.nonNegative(unpaid.amount(), "unpaid");
        Require.that(billed.currency().equals(unpaid.currency()), "unpaid",
                () -> "must be in the billed currency " + billed.currency() + ", was " + unpaid.currency());
        Require.that(unpaid.amount().compareTo(billed.amount()) <= 0, "unpaid",
                () -> "must not exceed the billed amount " + billed + ", was " + unpaid);
        Require.that(!due.isBefore(billedOn), "due", () -> "must not be before the bill date " + billedOn + ", was " + due);
    }

    /**
     * Whether the bill is overdue and unpaid on a day: billed on or before it, due before it, and
     * not wholly settled.
     *
     * @param day the day, the period's last
     * @return true when some of the bill is overdue on that day
     * @throws InvalidArgumentException when the day is null
     */
    public boolean overdueOn(LocalDate day) {
        Require.nonNull(day, "day");
        return !billedOn.isAfter(day) && due.isBefore(day) && unpaid.amount().signum() > 0;
    }
}
