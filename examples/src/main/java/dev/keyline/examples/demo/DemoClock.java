package dev.keyline.examples.demo;

import dev.keyline.domain.common.Require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock: it stands still until a chapter moves it on, so every run of the demo tells
 * the same story at the same times, and waiting for a retry takes no real time.
 */
public final class DemoClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /**
     * @param start the time the clock shows first
     * @param zone the time zone of the story
     */
    public DemoClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Require.nonNull(start, "start")), Require.nonNull(zone, "zone"));
    }

    private DemoClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * Moves the clock on.
     *
     * @param duration how far, not negative
     * @return the new time
     */
    public Instant advance(Duration duration) {
        Require.nonNull(duration, "duration");
        Require.that(!duration.isNegative(), "duration", () -> "must not be negative, was " + duration);
        return now.updateAndGet(t -> t.plus(duration));
    }

    /**
     * Moves the clock on to a given time.
     *
     * @param target the new time, not before the time the clock shows
     * @return the new time
     */
    public Instant advanceTo(Instant target) {
        Require.nonNull(target, "target");
        Instant moved = now.updateAndGet(t -> target.isBefore(t) ? t : target);
        Require.that(moved.equals(target), "target", () -> "must not be before the clock's time " + moved + ", was " + target);
        return moved;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (moving together with this one) seen in another zone. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new DemoClock(now, Require.nonNull(newZone, "zone"));
    }
}
