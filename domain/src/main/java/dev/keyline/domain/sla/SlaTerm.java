package dev.keyline.domain.sla;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The period an SLA runs: whole calendar months from its first month. A year by default (the SLA
 * year, 一年一签); the host may choose a shorter one, since the seed warns that a long period makes
 * a poor forecast and a short one leaves the network centre unable to follow.
 *
 * @param firstMonth the first month
 * @param months how many months, 1 to {@value #MAX_MONTHS}
 */
public record SlaTerm(YearMonth firstMonth, int months) {

    /** The longest period: a year. */
    public static final int MAX_MONTHS = 12;

    /**
     * Validates the term.
     *
     * @param firstMonth the first month
     * @param months how many months, 1 to {@value #MAX_MONTHS}
     * @throws InvalidArgumentException naming the component when the month is null or out of the
     *     supported years, or the months are not between 1 and {@value #MAX_MONTHS}
     */
    public SlaTerm {
        Limits.month(firstMonth, "firstMonth");
        Require.that(months >= 1 && months <= MAX_MONTHS, "months",
                () -> "must be between 1 and " + MAX_MONTHS + " but was " + months);
        Limits.month(firstMonth.plusMonths(months - 1L), "firstMonth");
    }

    /**
     * The SLA year: twelve months from January.
     *
     * @param year the year
     * @return the term
     * @throws InvalidArgumentException when the year is out of the supported range
     */
    public static SlaTerm year(int year) {
        Require.that(year >= Limits.MIN_YEAR && year <= Limits.MAX_YEAR, "year",
                () -> "must be between " + Limits.MIN_YEAR + " and " + Limits.MAX_YEAR + " but was " + year);
        return new SlaTerm(YearMonth.of(year, 1), MAX_MONTHS);
    }

    /**
     * The last month of the term.
     *
     * @return the last month
     */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(months - 1L);
    }

    /**
     * The first day after the term.
     *
     * @return the exclusive end date
     */
    public LocalDate endExclusive() {
        return lastMonth().plusMonths(1).atDay(1);
    }

    /**
     * The months of the term, in order.
     *
     * @return the months
     */
    public List<YearMonth> monthList() {
        List<YearMonth> all = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            all.add(firstMonth.plusMonths(i));
        }
        return List.copyOf(all);
    }

    /**
     * Whether a month lies in the term.
     *
     * @param month the month
     * @return true when it is one of the term's months
     * @throws InvalidArgumentException when {@code month} is null
     */
    public boolean contains(YearMonth month) {
        Require.nonNull(month, "month");
        return !month.isBefore(firstMonth) && !month.isAfter(lastMonth());
    }

    /**
     * The position of a month in the term, from 0.
     *
     * @param month a month of the term
     * @return its index
     * @throws InvalidArgumentException when {@code month} is null or outside the term
     */
    public int indexOf(YearMonth month) {
        Require.that(contains(month), "month", () -> month + " lies outside the SLA period " + this);
        return (int) firstMonth.until(month, java.time.temporal.ChronoUnit.MONTHS);
    }

    /** The text form, for example {@code 2026-01..2026-12}. */
    @Override
    public String toString() {
        return firstMonth + ".." + lastMonth();
    }
}
