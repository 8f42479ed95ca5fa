package dev.keyline.domain.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When work happens (工作日历): the working days and working hours against which deadlines such
 * as an SLA class's provisioning time or a fault's repair time are measured. Days are calendar
 * days unless the host plugs in a calendar of its own; {@link #allDays(ZoneId)} is that default,
 * and {@link WeeklyCalendar} models office hours with holidays.
 *
 * <p>Every implementation keeps these laws, which the tests check:
 * <ul>
 *   <li>{@code workingTimeBetween(a, plusWorkingTime(a, d))} equals {@code d};</li>
 *   <li>{@code plusWorkingTime} never goes back in time and is monotonic in its amount;</li>
 *   <li>{@code workingTimeBetween(a, c) == workingTimeBetween(a, b) + workingTimeBetween(b, c)}.</li>
 * </ul>
 */
public interface BusinessCalendar {

    /**
     * The time zone in which working days and hours are reckoned.
     *
     * @return the zone
     */
    ZoneId zone();

    /**
     * Whether any working time falls on a date.
     *
     * @param date the date, in {@link #zone()}
     * @return true for a working day
     * @throws InvalidArgumentException when {@code date} is null
     */
    boolean isWorkingDay(LocalDate date);

    /**
     * How much working time lies between two instants. Signed like {@link Duration#between}: when
     * {@code to} is before {@code from} the result is the negated working time from {@code to} to
     * {@code from}.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the working time in {@code [from, to)}
     * @throws InvalidArgumentException when an argument is null or outside the supported range
     */
    Duration workingTimeBetween(Instant from, Instant to);

    /**
     * The earliest instant at which {@code amount} of working time has elapsed since
     * {@code start}; {@code start} itself when the amount is zero. When the amount runs out
     * exactly at the end of a working window the result is that end, not the start of the next
     * window.
     *
     * @param start the instant to count from
     * @param amount the working time to add, not negative
     * @return the instant {@code t >= start} with {@code workingTimeBetween(start, t) == amount}
     * @throws InvalidArgumentException when an argument is null, the amount is negative or the
     *     result lies outside the supported range
     * @throws InvalidStateException when the calendar has no working time left after {@code start}
     */
    Instant plusWorkingTime(Instant start, Duration amount);

    /**
     * The date {@code days} working days after {@code start} (before it when negative); the start
     * date itself is not counted, working day or not. {@code start} itself when {@code days} is 0.
     *
     * @param start the date to count from
     * @param days how many working days to move; negative moves back
     * @return the {@code |days|}-th working day after (or before) {@code start}
     * @throws InvalidArgumentException when {@code start} is null or the result lies outside the
     *     supported range
     * @throws InvalidStateException when the calendar has too few working days in that direction
     */
    LocalDate plusWorkingDays(LocalDate start, int days);

    /**
     * The default calendar, in which every moment is working time: working time equals elapsed
     * time and working days are calendar days.
     *
     * @param zone the time zone in which days are reckoned
     * @return the calendar
     * @throws InvalidArgumentException when {@code zone} is null
     */
    static BusinessCalendar allDays(ZoneId zone) {
        return new AllDaysCalendar(zone);
    }
}
