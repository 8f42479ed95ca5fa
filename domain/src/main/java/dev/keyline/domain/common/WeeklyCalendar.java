package dev.keyline.domain.common;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link BusinessCalendar} of office hours (工作日历): working windows per weekday, for example
 * 08:30–12:00 and 13:30–17:30 Monday to Friday, plus dated holidays (节假日, no work at all) and
 * dated overrides (调休, special windows on one date, such as a working Saturday before a holiday
 * week). Built with {@link #builder(ZoneId)}.
 *
 * <p>Windows are local times in the calendar's zone. On a day when clocks change, a window counts
 * the time that actually elapses: a window that a daylight-saving gap swallows counts only what is
 * left of it, one that a repeated hour stretches counts the extra hour. Working time is exact to
 * the nanosecond.
 *
 * <p>Computations skip whole weeks arithmetically where no holiday, override or clock change
 * intervenes, so adding months of working time takes a few dozen steps, not one per minute. Dates
 * are supported from 0001-01-01 to 9999-12-31.
 */
public final class WeeklyCalendar implements BusinessCalendar {

    /** The earliest supported date. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

    /** The latest supported date. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Map<DayOfWeek, List<WorkingWindow>> weekly;
    private final NavigableSet<LocalDate> holidays;
    private final NavigableMap<LocalDate, List<WorkingWindow>> overrides;
    /** Holidays and override dates: the days that break the weekly pattern. */
    private final NavigableSet<LocalDate> exceptions;
    /** Override dates that carry working time; only consulted when the weekly pattern has none. */
    private final NavigableSet<LocalDate> workingOverrides;
    private final Duration weeklyWorkingTime;
    private final int workingDaysPerWeek;

    private WeeklyCalendar(Builder b) {
        this.zone = b.zone;
        this.rules = b.zone.getRules();
        EnumMap<DayOfWeek, List<WorkingWindow>> w = new EnumMap<>(DayOfWeek.class);
        Duration total = Duration.ZERO;
        int days = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            List<WorkingWindow> ws = List.copyOf(b.weekly.getOrDefault(d, List.of()));
            w.put(d, ws);
            for (WorkingWindow window : ws) {
                total = total.plus(window.length());
            }
            days += ws.isEmpty() ? 0 : 1;
        }
        this.weekly = Collections.unmodifiableMap(w);
        this.weeklyWorkingTime = total;
        this.workingDaysPerWeek = days;
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(b.holidays));
        TreeMap<LocalDate, List<WorkingWindow>> o = new TreeMap<>();
        TreeSet<LocalDate> working = new TreeSet<>();
        b.overrides.forEach((date, ws) -> {
            o.put(date, List.copyOf(ws));
            if (!ws.isEmpty()) {
                working.add(date);
            }
        });
        this.overrides = Collections.unmodifiableNavigableMap(o);
        this.workingOverrides = Collections.unmodifiableNavigableSet(working);
        TreeSet<LocalDate> ex = new TreeSet<>(b.holidays);
        ex.addAll(b.overrides.keySet());
        this.exceptions = Collections.unmodifiableNavigableSet(ex);
    }

    /**
     * Starts a calendar in a time zone, with no working time yet.
     *
     * @param zone the zone the windows are local to
     * @return a builder
     * @throws InvalidArgumentException when {@code zone} is null
     */
    public static Builder builder(ZoneId zone) {
        return new Builder(zone);
    }

    /**
     * A builder holding this calendar's windows, holidays and overrides, to derive a changed
     * calendar, for example next year's with new holidays.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(zone);
        weekly.forEach((day, ws) -> ws.forEach(w -> b.window(day, w)));
        holidays.forEach(b::holiday);
        overrides.forEach((date, ws) -> ws.forEach(w -> b.override(date, w.start(), w.end())));
        return b;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /**
     * The regular windows of a weekday, in order.
     *
     * @param day the weekday
     * @return its windows; empty for a day off
     * @throws InvalidArgumentException when {@code day} is null
     */
    public List<WorkingWindow> windows(DayOfWeek day) {
        return weekly.get(Require.nonNull(day, "day"));
    }

    /**
     * The holidays, in date order.
     *
     * @return the holidays
     */
    public SortedSet<LocalDate> holidays() {
        return holidays;
    }

    /**
     * The dated overrides, each date with the windows that replace its weekday's windows.
     *
     * @return the overrides, in date order
     */
    public SortedMap<LocalDate, List<WorkingWindow>> overrides() {
        return overrides;
    }

    /**
     * The windows that apply on a date: its override if it has one, none on a holiday, else its
     * weekday's windows.
     *
     * @param date the date
     * @return the windows, in order
     * @throws InvalidArgumentException when {@code date} is null
     */
    public List<WorkingWindow> windowsOn(LocalDate date) {
        Require.nonNull(date, "date");
        List<WorkingWindow> special = overrides.get(date);
        if (special != null) {
            return special;
        }
        if (holidays.contains(date)) {
            return List.of();
        }
        return weekly.get(date.getDayOfWeek());
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return !windowsOn(date).isEmpty();
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        LocalDate fromDate = dateOf(from, "from");
        LocalDate toDate = dateOf(to, "to");
        if (to.isBefore(from)) {
            return between(to, toDate, from, fromDate).negated();
        }
        return between(from, fromDate, to, toDate);
    }

    private Duration between(Instant from, LocalDate fromDate, Instant to, LocalDate toDate) {
        Duration total = Duration.ZERO;
        LocalDate date = fromDate;
        while (!date.isAfter(toDate)) {
            if (date.isAfter(fromDate)) {
                // a whole day boundary: jump whole regular weeks that end before the last day
                long weeks = skippableWeeks(date, toDate);
                if (weeks > 0) {
                    total = total.plus(weeklyWorkingTime.multipliedBy(weeks));
                    date = date.plusWeeks(weeks);
                }
            }
            for (Instant[] interval : intervalsOn(date)) {
                Instant s = later(interval[0], from);
                Instant e = earlier(interval[1], to);
                if (s.isBefore(e)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
            date = date.plusDays(1);
        }
        return total;
    }

    @Override
    public Instant plusWorkingTime(Instant start, Duration amount) {
        Require.nonNull(start, "start");
        Require.nonNull(amount, "amount");
        Require.that(!amount.isNegative(), "amount", () -> "must not be negative, was " + amount);
        LocalDate date = dateOf(start, "start");
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        boolean firstDay = true;
        while (true) {
            if (!firstDay) {
                requireWorkAhead(date, "working time " + amount + " after " + start);
                long weeks = skippableWeeks(date, MAX_DATE);
                if (weeks > 0) {
                    // never consume the remainder completely by skipping: it must end inside a window
                    long needed = remaining.minusNanos(1).dividedBy(weeklyWorkingTime);
                    weeks = Math.min(weeks, needed);
                    if (weeks > 0) {
                        remaining = remaining.minus(weeklyWorkingTime.multipliedBy(weeks));
                        date = date.plusWeeks(weeks);
                    }
                }
            }
            for (Instant[] interval : intervalsOn(date)) {
                Instant s = firstDay ? later(interval[0], start) : interval[0];
                if (!s.isBefore(interval[1])) {
                    continue;
                }
                Duration length = Duration.between(s, interval[1]);
                if (remaining.compareTo(length) <= 0) {
                    return s.plus(remaining);
                }
                remaining = remaining.minus(length);
            }
            if (!date.isBefore(MAX_DATE)) {
                throw new InvalidArgumentException("amount", amount + " of working time after " + start
                        + " reaches past " + MAX_DATE);
            }
            date = date.plusDays(1);
            firstDay = false;
        }
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        Require.nonNull(start, "start");
        Require.that(!start.isBefore(MIN_DATE) && !start.isAfter(MAX_DATE), "start",
                () -> "must lie between " + MIN_DATE + " and " + MAX_DATE + " but was " + start);
        int step = days >= 0 ? 1 : -1;
        long remaining = Math.abs((long) days);
        LocalDate date = start;
        while (remaining > 0) {
            if (workingDaysPerWeek > 0 && remaining > workingDaysPerWeek) {
                long weeks = Math.min(regularWeeksAhead(date, step), (remaining - 1) / workingDaysPerWeek);
                if (weeks > 0) {
                    date = date.plusWeeks(step * weeks);
                    remaining -= weeks * workingDaysPerWeek;
                }
            }
            if (step > 0 ? !date.isBefore(MAX_DATE) : !date.isAfter(MIN_DATE)) {
                throw new InvalidArgumentException("days", days + " working days from " + start
                        + " lie outside " + MIN_DATE + " to " + MAX_DATE);
            }
            date = date.plusDays(step);
            if (workingDaysPerWeek == 0) {
                boolean workLeft = step > 0 ? workingOverrides.ceiling(date) != null : workingOverrides.floor(date) != null;
                if (!workLeft) {
                    throw new InvalidStateException("the calendar has no working day " + (step > 0 ? "after " : "before ")
                            + date.minusDays(step) + ", so " + days + " working days from " + start + " cannot be counted");
                }
            }
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /**
     * How many whole weeks, starting at {@code date} (the start of a day), follow the weekly
     * pattern exactly: no holiday, no override and no clock change, and ending no later than
     * {@code limit}.
     */
    private long skippableWeeks(LocalDate date, LocalDate limit) {
        if (weeklyWorkingTime.isZero()) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(date, limit);
        LocalDate nextException = exceptions.ceiling(date);
        if (nextException != null) {
            days = Math.min(days, ChronoUnit.DAYS.between(date, nextException));
        }
        // a change exactly at the start of the day counts too: it may have shortened the day
        ZoneOffsetTransition transition = rules.nextTransition(date.atStartOfDay(zone).toInstant().minusSeconds(1));
        if (transition != null) {
            // keep a day's margin before the day of the change, so no skipped day touches it
            LocalDate changeDay = transition.getDateTimeBefore().toLocalDate();
            days = Math.min(days, ChronoUnit.DAYS.between(date, changeDay) - 1);
        }
        return Math.max(0, days / 7);
    }

    /** How many whole weeks next to {@code date} (after it, or before it) hold no holiday or override. */
    private long regularWeeksAhead(LocalDate date, int step) {
        long days;
        if (step > 0) {
            LocalDate next = exceptions.higher(date);
            days = ChronoUnit.DAYS.between(date, next == null ? MAX_DATE : next) - 1;
        } else {
            LocalDate previous = exceptions.lower(date);
            days = ChronoUnit.DAYS.between(previous == null ? MIN_DATE : previous, date) - 1;
        }
        return Math.max(0, days / 7);
    }

    private void requireWorkAhead(LocalDate date, String what) {
        if (weeklyWorkingTime.isZero() && workingOverrides.ceiling(date) == null) {
            throw new InvalidStateException("the calendar has no working time on or after " + date
                    + ", so " + what + " cannot be reached");
        }
    }

    /** The working intervals of a date as instants, in order, disjoint and within the day. */
    private List<Instant[]> intervalsOn(LocalDate date) {
        List<WorkingWindow> windows = windowsOn(date);
        if (windows.isEmpty()) {
            return List.of();
        }
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<Instant[]> intervals = new ArrayList<>(windows.size());
        Instant previousEnd = dayStart;
        for (WorkingWindow w : windows) {
            Instant s = later(ZonedDateTime.of(date, w.start(), zone).toInstant(), previousEnd);
            Instant e = w.endsAtEndOfDay() ? dayEnd : earlier(ZonedDateTime.of(date, w.end(), zone).toInstant(), dayEnd);
            if (s.isBefore(e)) {
                intervals.add(new Instant[] {s, e});
                previousEnd = e;
            }
        }
        return intervals;
    }

    private LocalDate dateOf(Instant instant, String name) {
        if (instant.isBefore(MIN_DATE.atStartOfDay(zone).toInstant())
                || !instant.isBefore(MAX_DATE.plusDays(1).atStartOfDay(zone).toInstant())) {
            throw new InvalidArgumentException(name, "must lie between " + MIN_DATE + " and " + MAX_DATE
                    + " in " + zone + " but was " + instant);
        }
        return LocalDate.ofInstant(instant, zone);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * Equal when zone, weekly windows, holidays and overrides are equal.
     *
     * @param o the other object
     * @return whether the calendars are the same
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyCalendar other && zone.equals(other.zone) && weekly.equals(other.weekly)
                && holidays.equals(other.holidays) && overrides.equals(other.overrides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, weekly, holidays, overrides);
    }

    @Override
    public String toString() {
        return "WeeklyCalendar[zone=" + zone + ", weekly=" + weekly + ", holidays=" + holidays
                + ", overrides=" + overrides + "]";
    }

    /**
     * Collects the windows, holidays and overrides of a {@link WeeklyCalendar}. Windows of one
     * day must be added in order and must not overlap (touching is allowed); a date is either a
     * holiday or an override, not both.
     */
    public static final class Builder {

        private final ZoneId zone;
        private final Map<DayOfWeek, List<WorkingWindow>> weekly = new EnumMap<>(DayOfWeek.class);
        private final TreeSet<LocalDate> holidays = new TreeSet<>();
        private final TreeMap<LocalDate, List<WorkingWindow>> overrides = new TreeMap<>();

        private Builder(ZoneId zone) {
            this.zone = Require.nonNull(zone, "zone");
        }

        /**
         * Adds a regular window to a weekday, after its earlier windows.
         *
         * @param day the weekday
         * @param start the start, inclusive
         * @param end the end, exclusive; 00:00 for the end of the day
         * @return this builder
         * @throws InvalidArgumentException when an argument is null, the window is empty or it
         *     starts before the day's previous window ends
         */
        public Builder window(DayOfWeek day, LocalTime start, LocalTime end) {
            return window(day, WorkingWindow.of(start, end));
        }

        /**
         * Adds a regular window to a weekday, after its earlier windows.
         *
         * @param day the weekday
         * @param window the window
         * @return this builder
         * @throws InvalidArgumentException when an argument is null or the window starts before
         *     the day's previous window ends
         */
        public Builder window(DayOfWeek day, WorkingWindow window) {
            Require.nonNull(day, "day");
            Require.nonNull(window, "window");
            append(weekly.computeIfAbsent(day, d -> new ArrayList<>()), window, day.toString());
            return this;
        }

        /**
         * Adds the same window to Monday through Friday.
         *
         * @param start the start, inclusive
         * @param end the end, exclusive; 00:00 for the end of the day
         * @return this builder
         * @throws InvalidArgumentException as {@link #window(DayOfWeek, LocalTime, LocalTime)}
         */
        public Builder weekdays(LocalTime start, LocalTime end) {
            WorkingWindow window = WorkingWindow.of(start, end);
            for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                window(d, window);
            }
            return this;
        }

        /**
         * Marks a date as a holiday: no working time at all.
         *
         * @param date the date
         * @return this builder
         * @throws InvalidArgumentException when {@code date} is null or already has an override
         */
        public Builder holiday(LocalDate date) {
            Require.nonNull(date, "date");
            Require.that(!overrides.containsKey(date), "date", () -> date + " already has an override, so it cannot also be a holiday");
            holidays.add(date);
            return this;
        }

        /**
         * Marks every date of a collection as a holiday.
         *
         * @param dates the dates
         * @return this builder
         * @throws InvalidArgumentException when {@code dates} or an element is null or a date has an override
         */
        public Builder holidays(Collection<LocalDate> dates) {
            for (LocalDate d : Require.nonNullElements(dates, "dates")) {
                holiday(d);
            }
            return this;
        }

        /**
         * Adds a window to a date's override: on that date these windows replace the weekday's.
         * The first call for a date starts its override, for example to make a Saturday a
         * working day.
         *
         * @param date the date
         * @param start the start, inclusive
         * @param end the end, exclusive; 00:00 for the end of the day
         * @return this builder
         * @throws InvalidArgumentException when an argument is null, the date is a holiday, the
         *     window is empty or it starts before the date's previous window ends
         */
        public Builder override(LocalDate date, LocalTime start, LocalTime end) {
            Require.nonNull(date, "date");
            WorkingWindow window = WorkingWindow.of(start, end);
            Require.that(!holidays.contains(date), "date", () -> date + " is a holiday, so it cannot also have an override");
            append(overrides.computeIfAbsent(date, d -> new ArrayList<>()), window, date.toString());
            return this;
        }

        /**
         * Builds the calendar.
         *
         * @return the calendar
         * @throws InvalidArgumentException naming {@code windows} when the calendar would have no
         *     working time at all
         */
        public WeeklyCalendar build() {
            boolean anyWork = weekly.values().stream().anyMatch(ws -> !ws.isEmpty())
                    || overrides.values().stream().anyMatch(ws -> !ws.isEmpty());
            Require.that(anyWork, "windows", "the calendar has no working time at all; add a weekday window or an override");
            return new WeeklyCalendar(this);
        }

        private static void append(List<WorkingWindow> day, WorkingWindow window, String where) {
            if (!day.isEmpty()) {
                WorkingWindow last = day.get(day.size() - 1);
                boolean after = !last.endsAtEndOfDay() && !window.start().isBefore(last.end());
                Require.that(after, "window", () -> where + ": " + window + " overlaps or comes before " + last
                        + "; add the windows of a day in order without overlap");
            }
            day.add(window);
        }
    }
}
