package dev.keyline.domain.workorder;

import dev.keyline.domain.common.Require;
import java.time.Duration;

/**
 * The targets of a fault ticket's two clocks, in working time of the business calendar.
 *
 * @param response the time to respond (diagnose); whole seconds, positive, at most {@link #MAX_TARGET}
 * @param resolution the time to resolve (return the repair); whole seconds, positive, at most
 *     {@link #MAX_TARGET}, not below {@code response}
 */
public record TicketClockTargets(Duration response, Duration resolution) {

    /** The longest target a clock takes: a year of working time. */
    public static final Duration MAX_TARGET = Duration.ofDays(366);

    /**
     * Validates the targets.
     *
     * @param response the time to respond (diagnose); whole seconds, positive, at most {@link #MAX_TARGET}
     * @param resolution the time to resolve (return the repair); whole seconds, positive, at most {@link #MAX_TARGET}, not below {@code response}
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the target that is null,
     *     not positive, not whole seconds or too long, or {@code resolution} when it is shorter than
     *     the response target
     */
    public TicketClockTargets {
        checkTarget(response, "response");
        checkTarget(resolution, "resolution");
        Require.that(resolution.compareTo(response) >= 0, "resolution",
                () -> "must not be shorter than the response target " + response + " but was " + resolution);
    }

    /**
     * The target of one clock.
     *
     * @param kind which clock
     * @return its target
     * @throws dev.keyline.domain.common.InvalidArgumentException when {@code kind} is null
     */
    public Duration of(TicketClockKind kind) {
        return Require.nonNull(kind, "kind") == TicketClockKind.RESPONSE ? response : resolution;
    }

    /**
     * Checks one clock target.
     *
     * @param target the target
     * @param name the name to report it under
     * @return the target
     */
    static Duration checkTarget(Duration target, String name) {
        Require.nonNull(target, name);
        Require.that(!target.isNegative() && !target.isZero(), name, () -> "must be positive but was " + target);
        Require.that(target.getNano() == 0, name, () -> "must be whole seconds but was " + target);
        Require.that(target.compareTo(MAX_TARGET) <= 0, name, () -> "must be at most " + MAX_TARGET + " but was " + target);
        return target;
    }
}
