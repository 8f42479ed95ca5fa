package dev.keyline.domain.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One stage of a provisioning plan: its id, its planned duration and the stages it comes after.
 *
 * <p>A planned duration is working time, a {@link Duration}: with the default calendar of all
 * days a day is 24 hours, so half a day (the seed's "order established") is exactly
 * {@code PT12H}; {@link #ofDays} turns decimal days into it exactly. {@code Duration} is what
 * {@link dev.keyline.domain.common.BusinessCalendar#plusWorkingTime} counts, it holds any
 * fraction of a day down to the nanosecond with exact (long) arithmetic, and it needs no unit
 * beside it. Under a calendar of office hours give the working time the stage needs, for example
 * {@code PT8H} for one working day of eight hours.
 *
 * @param id the stage's id, unique within its plan
 * @param duration the planned working time, positive and at most {@link #MAX_DURATION}
 * @param after the stages that must be done before this one starts; no id twice (an id of its
 *     own is a cycle, which the plan reports)
 */
public record PlannedStage(StageId id, Duration duration, List<StageId> after) {

    /** The longest planned duration of one stage: ten years of 366 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(3660);

    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(Duration.ofDays(1).toNanos());

    /**
     * Validates the stage and keeps an immutable copy of its predecessors.
     *
     * @param id the stage's id, unique within its plan
     * @param duration the planned working time, positive and at most {@link #MAX_DURATION}
     * @param after the stages that must be done before this one starts; no id twice (an id of its own is a cycle, which the plan reports)
     * @throws InvalidArgumentException naming {@code id}, {@code duration} or {@code after} when it
     *     is null; naming {@code duration} when it is zero, negative or above {@link #MAX_DURATION};
     *     naming {@code after} when it names a stage twice
     */
    public PlannedStage {
        Require.nonNull(id, "id");
        Require.nonNull(duration, "duration");
        Require.that(!duration.isNegative() && !duration.isZero(), "duration", () -> "of stage " + id + " must be positive, was " + duration);
        Require.that(duration.compareTo(MAX_DURATION) <= 0, "duration",
                () -> "of stage " + id + " must be at most " + MAX_DURATION.toDays() + " days, was " + duration);
        after = Require.nonNullElements(after, "after");
        Set<StageId> seen = new HashSet<>();
        for (StageId predecessor : after) {
            Require.that(seen.add(predecessor), "after", () -> "of stage " + id + " names " + predecessor + " twice");
        }
    }

    /**
     * A stage planned in decimal days of 24 hours, for example {@code 0.5} for twelve hours.
     *
     * @param id the stage's id
     * @param days the planned days, positive, exact to the nanosecond, at most 3660
     * @param after the stages it comes after
     * @return the stage
     * @throws InvalidArgumentException naming {@code days} when it is null, not positive, finer
     *     than a nanosecond or too long, or as the constructor does
     */
    public static PlannedStage ofDays(StageId id, BigDecimal days, List<StageId> after) {
        return new PlannedStage(id, durationOfDays(days), after);
    }

    /**
     * Decimal days of 24 hours as a duration, exactly.
     *
     * @param days the days, positive, exact to the nanosecond, at most 3660
     * @return the duration
     * @throws InvalidArgumentException naming {@code days} when it is null, not positive, finer
     *     than a nanosecond or above 3660
     */
    public static Duration durationOfDays(BigDecimal days) {
        Require.nonNull(days, "days");
        Require.that(days.signum() > 0, "days", () -> "must be positive, was " + days.toPlainString());
        Require.that(days.compareTo(BigDecimal.valueOf(MAX_DURATION.toDays())) <= 0, "days",
                () -> "must be at most " + MAX_DURATION.toDays() + ", was " + days.toPlainString());
        BigDecimal nanos = days.multiply(NANOS_PER_DAY);
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new InvalidArgumentException("days", "must be a whole number of nanoseconds, was " + days.toPlainString());
        }
        return Duration.ofNanos(whole.longValueExact());
    }

    /**
     * A duration in decimal days of 24 hours, exact where the days are a terminating decimal
     * (every duration made by {@link #ofDays} is) and otherwise rounded half-even to 12 decimals.
     *
     * @param duration the duration
     * @return the days, without trailing zeros, for example {@code 0.5} or {@code 5}
     * @throws InvalidArgumentException when {@code duration} is null
     */
    public static BigDecimal daysOf(Duration duration) {
        Require.nonNull(duration, "duration");
        BigDecimal nanos = new BigDecimal(BigInteger.valueOf(duration.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(duration.getNano())));
        BigDecimal days;
        try {
            days = nanos.divide(NANOS_PER_DAY);
        } catch (ArithmeticException e) {
            days = nanos.divide(NANOS_PER_DAY, 12, RoundingMode.HALF_EVEN);
        }
        days = days.stripTrailingZeros();
        return days.scale() < 0 ? days.setScale(0) : days;
    }
}
