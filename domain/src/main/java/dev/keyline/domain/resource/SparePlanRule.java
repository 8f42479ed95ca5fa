package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule that draws the monthly spare-parts plan (备件月计划) from consumption, a pure function.
 *
 * <p>For a stock and the month {@code M} planned for, with {@code N = months()}:
 * <ol>
 *   <li><b>history</b>: the units issued in each of the {@code N} whole months before {@code M}
 *       ({@code M-N} to {@code M-1}); a month with no issue counts as 0, totals of other months are
 *       ignored;</li>
 *   <li><b>need</b> = the mean of those {@code N} totals, rounded up to a whole unit:
 *       {@code ceil(sum / N)};</li>
 *   <li><b>order</b> = {@code max(0, need + minimum - (available + underRepair))}, where
 *       {@code available} is on hand less reserved and every unit under repair is expected back: the
 *       depot orders what keeps it at its minimum after a month of usual issues.</li>
 * </ol>
 * For example, with {@code N = 3}, issues of 4, 0 and 5 units, minimum 3, 2 available and 1 under
 * repair: need = ceil(9 / 3) = 3, order = 3 + 3 - (2 + 1) = 3.
 *
 * @param months how many months of history the mean takes, 1 to {@value #MAX_MONTHS}
 */
public record SparePlanRule(int months) {

    /** The default length of history: 3 months. */
    public static final int DEFAULT_MONTHS = 3;

    /** The longest history the rule takes: 120 months. */
    public static final int MAX_MONTHS = 120;

    /**
     * Validates the rule.
     *
     * @param months how many months of history the mean takes, 1 to {@value #MAX_MONTHS}
     * @throws InvalidArgumentException naming {@code months} when it is not from 1 to {@value #MAX_MONTHS}
     */
    public SparePlanRule {
        Require.that(months >= 1 && months <= MAX_MONTHS, "months", () -> "must lie in 1 to " + MAX_MONTHS + ", was " + months);
    }

    /**
     * The rule with the default history of {@value #DEFAULT_MONTHS} months.
     *
     * @return the rule
     */
    public static SparePlanRule standard() {
        return new SparePlanRule(DEFAULT_MONTHS);
    }

    /**
     * The first month of history the plan for {@code month} reads.
     *
     * @param month the month planned for
     * @return {@code month} less {@link #months()} months
     */
    public YearMonth firstMonth(YearMonth month) {
        return Require.nonNull(month, "month").minusMonths(months);
    }

    /**
     * The last month of history the plan for {@code month} reads.
     *
     * @param month the month planned for
     * @return the month before {@code month}
     */
    public YearMonth lastMonth(YearMonth month) {
        return Require.nonNull(month, "month").minusMonths(1);
    }

    /**
     * Draws a stock's line of the plan.
     *
     * @param stock the stock as it stands now
     * @param month the month planned for
     * @param issues the stock's monthly totals; months outside the history are ignored
     * @return the line
     * @throws InvalidArgumentException when an argument or element is null or a month appears twice
     */
    public SparePlanLine plan(SpareStock stock, YearMonth month, List<SpareMonthlyIssues> issues) {
        Require.nonNull(stock, "stock");
        Require.nonNull(month, "month");
        List<SpareMonthlyIssues> totals = Require.nonNullElements(issues, "issues");
        YearMonth first = firstMonth(month);
        YearMonth last = lastMonth(month);
        Set<YearMonth> seen = new HashSet<>();
        long sum = 0;
        for (SpareMonthlyIssues total : totals) {
            if (!seen.add(total.month())) {
                throw new InvalidArgumentException("issues", "month " + total.month() + " appears twice");
            }
            if (!total.month().isBefore(first) && !total.month().isAfter(last)) {
                try {
                    sum = Math.addExact(sum, total.quantity());
                } catch (ArithmeticException e) {
                    throw new InvalidArgumentException("issues", "the monthly totals sum beyond " + Long.MAX_VALUE);
                }
            }
        }
        long need = sum / months + (sum % months == 0 ? 0 : 1);
        long available = stock.available();
        long underRepair = stock.underRepair();
        long target;
        try {
            target = Math.addExact(need, stock.minimum());
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException("issues", "the need " + need + " plus the minimum exceeds " + Long.MAX_VALUE);
        }
        long order = Math.max(0, target - (available + underRepair));
        return new SparePlanLine(stock.id(), month, need, stock.minimum(), available, underRepair, order);
    }
}
