package dev.keyline.domain.resource;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Utilisation of a pool: allocated units over capacity, from its movement log. Pure functions; a
 * ratio is given to {@value Limits#RATIO_SCALE} decimals, rounded half-even, and is empty where
 * the capacity is zero (never NaN or a division error).
 */
public final class Utilisation {

    private Utilisation() {
    }

    /**
     * Utilisation in force after a movement: allocated / capacity.
     *
     * @param movement a movement log entry
     * @return the ratio, empty when the capacity is zero
     * @throws InvalidArgumentException when {@code movement} is null
     */
    public static Optional<BigDecimal> of(PoolMovement movement) {
        Require.nonNull(movement, "movement");
        if (movement.capacity() == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(movement.allocated())
                .divide(BigDecimal.valueOf(movement.capacity()), Limits.RATIO_SCALE, RoundingMode.HALF_EVEN));
    }

    /**
     * Utilisation at an instant: that of the last movement at or before it.
     *
     * @param movements a pool's movement log, in sequence order
     * @param at the instant
     * @return the ratio, empty when no movement is at or before {@code at} or the capacity then was zero
     * @throws InvalidArgumentException when an argument is null or holds null
     */
    public static Optional<BigDecimal> at(List<PoolMovement> movements, Instant at) {
        Require.nonNull(at, "at");
        PoolMovement inForce = null;
        for (PoolMovement m : Require.nonNullElements(movements, "movements")) {
            if (!m.at().isAfter(at)) {
                inForce = m;
            }
        }
        return inForce == null ? Optional.empty() : of(inForce);
    }

    /**
     * Time-weighted utilisation over {@code [from, to)}: the allocated unit-time divided by the
     * capacity unit-time, each counts in force for as long as it was. Time before the first movement
     * counts for neither. This is not the mean of the instantaneous ratios: an hour at full capacity
     * weighs as much as the capacity was large.
     *
     * @param movements a pool's movement log in sequence order; those before {@code from} matter only
     *     through the last of them, which is in force at {@code from}
     * @param from the start of the period
     * @param to the end of the period, after {@code from}
     * @return the ratio, empty when the capacity was zero (or unknown) throughout
     * @throws InvalidArgumentException when an argument is null or holds null, or {@code to} is not
     *     after {@code from}
     */
    public static Optional<BigDecimal> timeWeighted(List<PoolMovement> movements, Instant from, Instant to) {
        List<PoolMovement> log = Require.nonNullElements(movements, "movements");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.that(to.isAfter(from), "to", () -> "must be after " + from + ", was " + to);
        BigInteger capacityTime = BigInteger.ZERO;
        BigInteger allocatedTime = BigInteger.ZERO;
        for (int i = 0; i < log.size(); i++) {
            PoolMovement m = log.get(i);
            Instant start = m.at().isBefore(from) ? from : m.at();
            Instant end = i + 1 < log.size() && log.get(i + 1).at().isBefore(to) ? log.get(i + 1).at() : to;
            if (!end.isAfter(start)) {
                continue;
            }
            BigInteger nanos = nanos(Duration.between(start, end));
            capacityTime = capacityTime.add(nanos.multiply(BigInteger.valueOf(m.capacity())));
            allocatedTime = allocatedTime.add(nanos.multiply(BigInteger.valueOf(m.allocated())));
        }
        if (capacityTime.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(allocatedTime).divide(new BigDecimal(capacityTime), Limits.RATIO_SCALE,
                RoundingMode.HALF_EVEN));
    }

    private static BigInteger nanos(Duration d) {
        return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(d.getNano()));
    }
}
