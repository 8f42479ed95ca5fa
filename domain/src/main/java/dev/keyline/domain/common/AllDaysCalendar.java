package dev.keyline.domain.common;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The {@link BusinessCalendar} in which every moment is working time: working time is elapsed
 * time and working days are calendar days. Obtained from {@link BusinessCalendar#allDays(ZoneId)}.
 *
 * @param zone the time zone in which days are reckoned
 */
public record AllDaysCalendar(ZoneId zone) implements BusinessCalendar {

    /**
     * Validates the zone.
     *
     * @param zone the time zone in which days are reckoned
     * @throws InvalidArgumentException when {@code zone} is null
     */
    public AllDaysCalendar {
        Require.nonNull(zone, "zone");
    }

    /**
     * Every date is a working day.
     *
     * @param date the date
     * @return true
     * @throws InvalidArgumentException when {@code date} is null
     */
    @Override
    public boolean isWorkingDay(LocalDate date) {
        Require.nonNull(date, "date");
        return true;
    }

    /**
     * The elapsed time, {@code Duration.between(from, to)}.
     *
     * @param from the start
     * @param to the end
     * @return the elapsed time, negative when {@code to} is before {@code from}
     * @throws InvalidArgumentException when an argument is null
     */
    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        return Duration.between(from, to);
    }

    /**
     * {@code start.plus(amount)}.
     *
     * @param start the start
     * @param amount the time to add, not negative
     * @return {@code start + amount}
     * @throws InvalidArgumentException when an argument is null, the amount negative or the
     *     result beyond {@link Instant#MAX}
     */
    @Override
    public Instant plusWorkingTime(Instant start, Duration amount) {
        Require.nonNull(start, "start");
        Require.nonNull(amount, "amount");
        Require.that(!amount.isNegative(), "amount", () -> "must not be negative, was " + amount);
        try {
            return start.plus(amount);
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidArgumentException("amount", amount + " after " + start + " lies beyond the supported range");
        }
    }

    /**
     * {@code start.plusDays(days)}.
     *
     * @param start the start date
     * @param days calendar days to add, may be negative
     * @return the date
     * @throws InvalidArgumentException when {@code start} is null or the result is out of range
     */
    @Override
    public LocalDate plusWorkingDays(LocalDate start, int days) {
        Require.nonNull(start, "start");
        try {
            return start.plusDays(days);
        } catch (DateTimeException e) {
            throw new InvalidArgumentException("days", days + " days from " + start + " lies beyond the supported range");
        }
    }
}
