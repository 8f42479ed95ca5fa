package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The run of consecutive months (考核期) whose average spend a classification is based on.
 *
 * @param first the first month
 * @param last the last month, not before {@code first}; at most 120 months after it
 */
public record AssessmentWindow(YearMonth first, YearMonth last) {

    /** The longest window accepted, in months. */
    public static final int MAX_MONTHS = 120;

    /**
     * Validates the window.
     *
     * @param first the first month
     * @param last the last month, not before {@code first}; at most 120 months after it
     */
    public AssessmentWindow {
        Require.nonNull(first, "first");
        Require.nonNull(last, "last");
        if (last.isBefore(first)) {
            throw new InvalidArgumentException("last", "must not be before the first month " + first + ", was " + last);
        }
        long months = ChronoUnit.MONTHS.between(first, last) + 1;
        Require.that(months <= MAX_MONTHS, "last", () -> "the window may span at most " + MAX_MONTHS + " months, was " + months);
    }

    /**
     * The {@code months} whole months before the month of {@code runDate}: a run on 2024-07-01
     * with 6 months assesses 2024-01 to 2024-06.
     *
     * @param runDate the run date
     * @param months the number of months, 1 to {@value #MAX_MONTHS}
     * @return the window
     */
    public static AssessmentWindow endingBefore(LocalDate runDate, int months) {
        Require.nonNull(runDate, "runDate");
        Require.positive(months, "months");
        Require.that(months <= MAX_MONTHS, "months", () -> "must be at most " + MAX_MONTHS + ", was " + months);
        YearMonth last = YearMonth.from(runDate).minusMonths(1);
        return new AssessmentWindow(last.minusMonths(months - 1L), last);
    }

    /** {@return the number of months in the window} */
    public int size() {
        return (int) ChronoUnit.MONTHS.between(first, last) + 1;
    }

    /** {@return the months of the window, in order} */
    public Set<YearMonth> months() {
        Set<YearMonth> months = new LinkedHashSet<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return Collections.unmodifiableSet(months);
    }

    /**
     * Whether the month lies in the window.
     *
     * @param month the month
     * @return true when inside
     */
    public boolean contains(YearMonth month) {
        Require.nonNull(month, "month");
        return !month.isBefore(first) && !month.isAfter(last);
    }
}
