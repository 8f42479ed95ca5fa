package dev.keyline.domain.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (考核期 / 统计期): one calendar month, quarter or year, over which budgets are
 * reviewed and KPIs computed. A period covers whole local dates from {@link #start()} (inclusive)
 * to {@link #endExclusive()}; it becomes a span of time only in a time zone, through
 * {@link #startAt(ZoneId)} and {@link #endAt(ZoneId)}.
 *
 * <p>The text form is {@code 2026-03} for a month, {@code 2026-Q1} for a quarter and
 * {@code 2026} for a year; {@link #parse(String)} reads what {@link #toString()} writes. Years
 * range from 1 to 9999 so that the text form always has four digits.
 *
 * <p>Periods are ordered by start date, a shorter period first when two start together
 * (2026-01, then 2026-Q1, then 2026); the order is consistent with {@code equals}.
 *
 * @param granularity whether the period is a month, a quarter or a year
 * @param firstMonth the first month of the period: any month for a month, January, April, July
 *     or October for a quarter, January for a year
 */
public record Period(Granularity granularity, YearMonth firstMonth) implements Comparable<Period> {

    /** The earliest supported year. */
    public static final int MIN_YEAR = 1;

    /** The latest supported year. */
    public static final int MAX_YEAR = 9999;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::firstMonth).thenComparing(Period::granularity);

    /** How long a period is: a month, a quarter (three months) or a year. */
    public enum Granularity {
        /** One calendar month. */
        MONTH(1),
        /** One calendar quarter: January–March, April–June, July–September or October–December. */
        QUARTER(3),
        /** One calendar year. */
        YEAR(12);

        private final int monthCount;

        Granularity(int monthCount) {
            this.monthCount = monthCount;
        }

        /**
         * How many months a period of this granularity covers.
         *
         * @return 1, 3 or 12
         */
        public int monthCount() {
            return monthCount;
        }
    }

    /**
     * Validates that the first month is aligned to the granularity and the year is supported.
     *
     * @param granularity whether the period is a month, a quarter or a year
     * @param firstMonth the first month of the period: any month for a month, January, April, July or October for a quarter, January for a year
     * @throws InvalidArgumentException when an argument is null, the year is outside 1..9999 or
     *     {@code firstMonth} does not start a period of the granularity
     */
    public Period {
        Require.nonNull(granularity, "granularity");
        Require.nonNull(firstMonth, "firstMonth");
        checkYear(firstMonth.getYear());
        int monthIndex = firstMonth.getMonthValue() - 1;
        Require.that(monthIndex % granularity.monthCount() == 0, "firstMonth",
                () -> firstMonth + " does not start a " + granularity.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The period of one calendar month.
     *
     * @param month the month
     * @return the month period
     * @throws InvalidArgumentException when {@code month} is null or its year is outside 1..9999
     */
    public static Period month(YearMonth month) {
        return new Period(Granularity.MONTH, Require.nonNull(month, "month"));
    }

    /**
     * The period of one calendar quarter.
     *
     * @param year the year, 1..9999
     * @param quarter the quarter, 1..4
     * @return the quarter period
     * @throws InvalidArgumentException when the year or quarter is out of range
     */
    public static Period quarter(int year, int quarter) {
        checkYear(year);
        Require.that(quarter >= 1 && quarter <= 4, "quarter", () -> "must be between 1 and 4 but was " + quarter);
        return new Period(Granularity.QUARTER, YearMonth.of(year, (quarter - 1) * 3 + 1));
    }

    /**
     * The period of one calendar year.
     *
     * @param year the year, 1..9999
     * @return the year period
     * @throws InvalidArgumentException when the year is out of range
     */
    public static Period year(int year) {
        checkYear(year);
        return new Period(Granularity.YEAR, YearMonth.of(year, Month.JANUARY));
    }

    /**
     * The period of the given granularity that contains a date; every date lies in exactly one
     * period of each granularity.
     *
     * @param date the date
     * @param granularity month, quarter or year
     * @return the period containing {@code date}
     * @throws InvalidArgumentException when an argument is null or the date's year is outside 1..9999
     */
    public static Period containing(LocalDate date, Granularity granularity) {
        Require.nonNull(date, "date");
        Require.nonNull(granularity, "granularity");
        checkYear(date.getYear());
        int monthIndex = date.getMonthValue() - 1;
        int first = monthIndex - monthIndex % granularity.monthCount() + 1;
        return new Period(granularity, YearMonth.of(date.getYear(), first));
    }

    /**
     * Reads the text form: {@code 2026-03} (month), {@code 2026-Q1} (quarter) or {@code 2026} (year).
     *
     * @param text the text
     * @return the period
     * @throws InvalidArgumentException naming {@code period} when the text is null or malformed
     */
    public static Period parse(String text) {
        Require.nonBlank(text, "period");
        Matcher m = YEAR.matcher(text);
        if (m.matches()) {
            return year(parseYear(m.group(1), text));
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            int quarter = Integer.parseInt(m.group(2));
            if (quarter < 1 || quarter > 4) {
                throw new InvalidArgumentException("period", "quarter must be Q1 to Q4 in '" + text + "'");
            }
            return quarter(parseYear(m.group(1), text), quarter);
        }
        m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new InvalidArgumentException("period", "month must be 01 to 12 in '" + text + "'");
            }
            return month(YearMonth.of(parseYear(m.group(1), text), month));
        }
        throw new InvalidArgumentException("period",
                "expected a month (2026-03), a quarter (2026-Q1) or a year (2026) but was '" + text + "'");
    }

    /**
     * The calendar year the period lies in.
     *
     * @return the year
     */
    public int year() {
        return firstMonth.getYear();
    }

    /**
     * The first day of the period, inclusive.
     *
     * @return the start date
     */
    public LocalDate start() {
        return firstMonth.atDay(1);
    }

    /**
     * The first day after the period, which is the start of the {@link #next()} period.
     *
     * @return the exclusive end date
     */
    public LocalDate endExclusive() {
        return firstMonth.plusMonths(granularity.monthCount()).atDay(1);
    }

    /**
     * The last month of the period.
     *
     * @return the last month
     */
    public YearMonth lastMonth() {
        return firstMonth.plusMonths(granularity.monthCount() - 1L);
    }

    /**
     * The instant the period starts in a time zone: the start of its first day there (local
     * midnight, or the first valid local time when a daylight-saving gap skips midnight).
     *
     * @param zone the time zone
     * @return the inclusive start instant
     * @throws InvalidArgumentException when {@code zone} is null
     */
    public Instant startAt(ZoneId zone) {
        Require.nonNull(zone, "zone");
        return start().atStartOfDay(zone).toInstant();
    }

    /**
     * The instant the period ends in a time zone: the start of the day after it there, which is
     * {@code next().startAt(zone)}.
     *
     * @param zone the time zone
     * @return the exclusive end instant
     * @throws InvalidArgumentException when {@code zone} is null
     */
    public Instant endAt(ZoneId zone) {
        Require.nonNull(zone, "zone");
        return endExclusive().atStartOfDay(zone).toInstant();
    }

    /**
     * Whether a date lies in the period.
     *
     * @param date the date
     * @return true when {@code start() <= date < endExclusive()}
     * @throws InvalidArgumentException when {@code date} is null
     */
    public boolean contains(LocalDate date) {
        Require.nonNull(date, "date");
        return !date.isBefore(start()) && date.isBefore(endExclusive());
    }

    /**
     * Whether an instant lies in the period as seen in a time zone, that is whether
     * {@code startAt(zone) <= instant < endAt(zone)}.
     *
     * @param instant the instant
     * @param zone the time zone the period is reckoned in
     * @return true when the instant's local date in {@code zone} lies in the period
     * @throws InvalidArgumentException when an argument is null
     */
    public boolean contains(Instant instant, ZoneId zone) {
        Require.nonNull(instant, "instant");
        Require.nonNull(zone, "zone");
        try {
            return contains(LocalDate.ofInstant(instant, zone));
        } catch (DateTimeException e) {
            throw new InvalidArgumentException("instant", instant + " has no local date in " + zone);
        }
    }

    /**
     * Whether another period lies wholly in this one, for example a month in its quarter.
     *
     * @param other the other period
     * @return true when every date of {@code other} lies in this period
     * @throws InvalidArgumentException when {@code other} is null
     */
    public boolean encloses(Period other) {
        Require.nonNull(other, "other");
        return !other.start().isBefore(start()) && !other.endExclusive().isAfter(endExclusive());
    }

    /**
     * The period of the same granularity that follows this one.
     *
     * @return the next period
     * @throws InvalidArgumentException when it would start after the year 9999
     */
    public Period next() {
        return new Period(granularity, firstMonth.plusMonths(granularity.monthCount()));
    }

    /**
     * The period of the same granularity that precedes this one.
     *
     * @return the previous period
     * @throws InvalidArgumentException when it would start before the year 1
     */
    public Period previous() {
        return new Period(granularity, firstMonth.minusMonths(granularity.monthCount()));
    }

    /**
     * The months of the period, in order: one for a month, three for a quarter, twelve for a year.
     *
     * @return the months
     */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(granularity.monthCount());
        for (int i = 0; i < granularity.monthCount(); i++) {
            months.add(firstMonth.plusMonths(i));
        }
        return List.copyOf(months);
    }

    /**
     * Orders by start date, then the shorter period first.
     *
     * @param other the other period
     * @return negative, zero or positive as this period comes before, with or after {@code other}
     * @throws InvalidArgumentException when {@code other} is null
     */
    @Override
    public int compareTo(Period other) {
        Require.nonNull(other, "other");
        return ORDER.compare(this, other);
    }

    /**
     * The text form: {@code 2026-03}, {@code 2026-Q1} or {@code 2026}.
     */
    @Override
    public String toString() {
        String year = String.format(Locale.ROOT, "%04d", firstMonth.getYear());
        return switch (granularity) {
            case MONTH -> year + "-" + String.format(Locale.ROOT, "%02d", firstMonth.getMonthValue());
            case QUARTER -> year + "-Q" + ((firstMonth.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year;
        };
    }

    private static int parseYear(String digits, String text) {
        int year = Integer.parseInt(digits);
        if (year < MIN_YEAR) {
            throw new InvalidArgumentException("period", "year must be between 1 and 9999 in '" + text + "'");
        }
        return year;
    }

    private static void checkYear(int year) {
        Require.that(year >= MIN_YEAR && year <= MAX_YEAR, "year", () -> "must be between 1 and 9999 but was " + year);
    }
}
