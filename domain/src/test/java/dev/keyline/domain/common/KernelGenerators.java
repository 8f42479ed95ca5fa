package dev.keyline.domain.common;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators for the kernel's values, shared with other modules through the domain
 * test-jar so that every area draws money, dates, zones and periods the same way.
 */
public final class KernelGenerators {

    private KernelGenerators() {
    }

    /**
     * Amounts of cents between {@code -maxCents} and {@code maxCents}, biased toward small values
     * and the edges by QuickTheories' shrinking.
     *
     * @param maxCents the largest absolute number of cents
     * @return a generator of cent counts
     */
    public static Gen<Long> cents(long maxCents) {
        return longs().between(-maxCents, maxCents);
    }

    /**
     * CNY amounts between -10,000,000.00 and 10,000,000.00.
     *
     * @return a generator of money
     */
    public static Gen<Money> money() {
        return cents(1_000_000_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * CNY amounts between 0.00 and 10,000,000.00.
     *
     * @return a generator of non-negative money
     */
    public static Gen<Money> nonNegativeMoney() {
        return longs().between(0, 1_000_000_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * Small CNY amounts between -100.00 and 100.00, where rounding and allocation edge cases are
     * densest.
     *
     * @return a generator of money
     */
    public static Gen<Money> smallMoney() {
        return cents(10_000L).map(c -> Money.ofCents(c, Money.CNY));
    }

    /**
     * A few currencies other than CNY, for mismatch tests.
     *
     * @return a generator of currencies that are not CNY
     */
    public static Gen<Currency> otherCurrencies() {
        return Generate.pick(List.of(Currency.getInstance("USD"), Currency.getInstance("EUR"),
                Currency.getInstance("HKD"), Currency.getInstance("JPY")));
    }

    /**
     * One non-negative weight with 0 to 4 decimals, between 0 and 1000, zero about one time in
     * eight.
     *
     * @return a generator of weights
     */
    public static Gen<BigDecimal> weight() {
        Gen<BigDecimal> positive = integers().between(0, 10_000_000)
                .zip(integers().between(0, 4), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
        return Generate.frequency(
                Pair.of(1, Generate.constant(BigDecimal.ZERO)),
                Pair.of(7, positive));
    }

    /**
     * Lists of 1 to 12 non-negative weights whose sum is positive.
     *
     * @return a generator of weight lists
     */
    public static Gen<List<BigDecimal>> weights() {
        // Mapped rather than filtered: QuickTheories replays its all-zero boundary on every retry
        // of a filter, which can exhaust the attempts before any example runs.
        return lists().of(weight()).ofSizeBetween(1, 12).map(ws -> {
            if (ws.stream().anyMatch(w -> w.signum() > 0)) {
                return ws;
            }
            List<BigDecimal> lifted = new ArrayList<>(ws);
            lifted.set(0, BigDecimal.ONE);
            return lifted;
        });
    }

    /**
     * Zones that exercise the edge cases of local time: no daylight saving (UTC, Asia/Shanghai,
     * Asia/Kolkata), the usual northern and southern changes (America/New_York, Europe/London,
     * Australia/Sydney), a half-hour change (Australia/Lord_Howe), negative daylight saving
     * (Europe/Dublin), changes at midnight (America/Havana, America/Sao_Paulo, Asia/Tehran, America/Santiago; Africa/Cairo on
     * 2014-08-01) and a
     * skipped calendar day (Pacific/Apia, 2011-12-30).
     *
     * @return a generator of zones
     */
    public static Gen<ZoneId> zones() {
        return Generate.pick(List.of("UTC", "Asia/Shanghai", "Asia/Kolkata", "America/New_York", "Europe/London",
                "Australia/Sydney", "Australia/Lord_Howe", "Europe/Dublin", "America/Havana", "America/Sao_Paulo",
                "Asia/Tehran", "Africa/Cairo", "America/Santiago", "Pacific/Apia").stream().map(ZoneId::of).toList());
    }

    /**
     * Dates from 1900-01-01 to 2100-12-31.
     *
     * @return a generator of dates
     */
    public static Gen<LocalDate> dates() {
        return datesBetween(LocalDate.of(1900, 1, 1), LocalDate.of(2100, 12, 31));
    }

    /**
     * Dates in a range.
     *
     * @param first the first date, inclusive
     * @param last the last date, inclusive
     * @return a generator of dates
     */
    public static Gen<LocalDate> datesBetween(LocalDate first, LocalDate last) {
        return longs().between(first.toEpochDay(), last.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /**
     * Instants from 1950 to 2100, to the nanosecond.
     *
     * @return a generator of instants
     */
    public static Gen<Instant> instants() {
        return instantsBetween(Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
    }

    /**
     * Instants in a range, to the nanosecond, with whole seconds about half of the time.
     *
     * @param first the earliest instant, inclusive
     * @param last the latest instant, exclusive
     * @return a generator of instants
     */
    public static Gen<Instant> instantsBetween(Instant first, Instant last) {
        return longs().between(first.getEpochSecond(), last.getEpochSecond() - 1)
                .zip(Generate.oneOf(Generate.constant(0), integers().between(0, 999_999_999)),
                        (seconds, nanos) -> Instant.ofEpochSecond(seconds, nanos));
    }

    /**
     * Periods of every granularity between 1900 and 2100.
     *
     * @return a generator of periods
     */
    public static Gen<Period> periods() {
        return dates().zip(Generate.enumValues(Period.Granularity.class), Period::containing);
    }

    /**
     * Working-time amounts from zero to 3,000 hours (more than a year of office hours), to the
     * nanosecond, zero and whole minutes being common.
     *
     * @return a generator of non-negative durations
     */
    public static Gen<Duration> workingTimes() {
        Gen<Duration> minutes = longs().between(0, 3_000L * 60).map(Duration::ofMinutes);
        Gen<Duration> nanos = longs().between(0, Duration.ofHours(3_000).toNanos()).map(Duration::ofNanos);
        return Generate.frequency(Pair.of(1, Generate.constant(Duration.ZERO)), Pair.of(4, minutes), Pair.of(3, nanos));
    }

    /**
     * The windows of one day: up to three ordered, non-overlapping windows on whole minutes, the
     * last one possibly running to 24:00.
     *
     * @return a generator of a day's windows
     */
    public static Gen<List<WorkingWindow>> dayWindows() {
        return lists().of(integers().between(0, 24 * 60)).ofSizeBetween(0, 6).map(KernelGenerators::windowsFrom);
    }

    /**
     * Office-hour calendars in a random zone: random windows per weekday (every weekday may be
     * empty), up to eight holidays and up to four overrides between 2024 and 2027, always with
     * some working time. Use {@link #calendarInstants()} to draw instants where these holidays and
     * overrides matter.
     *
     * @return a generator of calendars
     */
    public static Gen<WeeklyCalendar> weeklyCalendars() {
        Gen<List<List<WorkingWindow>>> week = lists().of(dayWindows()).ofSize(7);
        Gen<LocalDate> specialDates = datesBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31));
        Gen<List<LocalDate>> holidays = lists().of(specialDates).ofSizeBetween(0, 8);
        Gen<List<Pair<LocalDate, List<WorkingWindow>>>> overrides = lists()
                .of(specialDates.zip(dayWindows(), Pair::of)).ofSizeBetween(0, 4);
        return zones().zip(week, holidays, overrides, KernelGenerators::calendar)
                .assuming(c -> c != null);
    }

    /**
     * Instants between 2023 and 2029, around the holidays and overrides of {@link #weeklyCalendars()}.
     *
     * @return a generator of instants
     */
    public static Gen<Instant> calendarInstants() {
        return instantsBetween(Instant.parse("2023-06-01T00:00:00Z"), Instant.parse("2028-06-01T00:00:00Z"));
    }

    private static WeeklyCalendar calendar(ZoneId zone, List<List<WorkingWindow>> week, List<LocalDate> holidays,
            List<Pair<LocalDate, List<WorkingWindow>>> overrides) {
        WeeklyCalendar.Builder b = WeeklyCalendar.builder(zone);
        for (DayOfWeek d : DayOfWeek.values()) {
            for (WorkingWindow w : week.get(d.ordinal())) {
                b.window(d, w);
            }
        }
        TreeSet<LocalDate> overridden = new TreeSet<>();
        for (Pair<LocalDate, List<WorkingWindow>> o : overrides) {
            if (o._2.isEmpty() || !overridden.add(o._1)) {
                continue;
            }
            for (WorkingWindow w : o._2) {
                b.override(o._1, w.start(), w.end());
            }
        }
        for (LocalDate h : holidays) {
            if (!overridden.contains(h)) {
                b.holiday(h);
            }
        }
        try {
            return b.build();
        } catch (InvalidArgumentException noWorkingTime) {
            return null;
        }
    }

    private static List<WorkingWindow> windowsFrom(List<Integer> minutes) {
        List<Integer> bounds = minutes.stream().distinct().sorted().toList();
        List<WorkingWindow> windows = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < bounds.size(); i += 2) {
            windows.add(WorkingWindow.of(timeOf(bounds.get(i)), timeOf(bounds.get(i + 1))));
        }
        return List.copyOf(windows);
    }

    private static LocalTime timeOf(int minuteOfDay) {
        return minuteOfDay == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minuteOfDay / 60, minuteOfDay % 60);
    }

    /** A grinning face, beyond the Basic Multilingual Plane: two UTF-16 code units. */
    public static final String ASTRAL = "\uD83D\uDE00";

    /** A rare CJK ideograph beyond the Basic Multilingual Plane (U+20BB7): two UTF-16 code units. */
    public static final String ASTRAL_CJK = "\uD842\uDFB7";

    /** Quotes, escapes and SQL metacharacters that a store must keep as plain text. */
    public static final String SQL_METACHARACTERS = "O'Brien \"q\" \\ % _ ; -- /* */ '); DROP TABLE keyline_outbox; --";

    /**
     * Texts at the edges of a length bound, all valid for {@link Limits#text}: the longest ASCII
     * text, the longest CJK text, the longest text of astral characters (an odd bound starts with
     * one BMP character so that it is filled exactly), a text whose last character is an astral pair
     * ending exactly at the bound, and quotes with SQL metacharacters. Every text is exactly
     * {@code maxLength} UTF-16 code units long, but the last, which is at most that.
     *
     * @param maxLength the bound, one of {@link Limits}'s lengths (at least 8)
     * @return a generator of boundary texts
     */
    public static Gen<String> boundaryTexts(int maxLength) {
        return Generate.pick(boundaryTextList(maxLength));
    }

    /**
     * The texts {@link #boundaryTexts(int)} draws from, in a fixed order.
     *
     * @param maxLength the bound
     * @return the texts
     */
    public static List<String> boundaryTextList(int maxLength) {
        return List.of(
                fill("x", maxLength),
                fill("客户预警", maxLength),
                (maxLength % 2 == 1 ? "a" : "") + ASTRAL.repeat(maxLength / 2),
                fill("大客户 " + ASTRAL_CJK, maxLength - 2) + ASTRAL,
                (SQL_METACHARACTERS + " 苏州 " + ASTRAL).substring(0, Math.min(maxLength,
                        SQL_METACHARACTERS.length() + 4 + ASTRAL.length())));
    }

    /**
     * Money at the storage bounds: the largest and smallest storable amounts, one cent and zero.
     *
     * @return a generator of CNY amounts
     */
    public static Gen<Money> boundaryMoney() {
        return Generate.pick(List.of(Money.cny(Limits.MAX_MONEY), Money.cny(Limits.MAX_MONEY).negate(),
                Money.cny("0.01"), Money.zero()));
    }

    /** {@code unit} repeated and cut to exactly {@code length} UTF-16 code units, never inside a pair. */
    private static String fill(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        text.setLength(length);
        if (Character.isHighSurrogate(text.charAt(length - 1))) {
            text.setCharAt(length - 1, 'z');
        }
        return text.toString();
    }
}
