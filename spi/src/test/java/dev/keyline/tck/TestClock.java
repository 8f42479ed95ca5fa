package dev.keyline.tck;

import dev.keyline.domain.common.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it, so times computed by the runtime (backoffs,
 * leases, delivery times) can be checked exactly. Thread-safe; clocks made by
 * {@link #withZone(ZoneId)} share the same instant.
 */
public final class TestClock extends Clock {

    /** The instant tests start at unless they say otherwise: 2026-03-02T08:00:00Z, a Monday. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T08:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A UTC clock standing at {@code start}. */
    public static TestClock at(Instant start) {
        return new TestClock(new AtomicReference<>(Require.nonNull(start, "start")), ZoneOffset.UTC);
    }

    /** A UTC clock standing at {@link #DEFAULT_START}. */
    public static TestClock standard() {
        return at(DEFAULT_START);
    }

    /** Moves the clock forward by {@code amount} (which must not be negative) and returns the new instant. */
    public Instant advance(Duration amount) {
        Require.nonNull(amount, "amount");
        Require.that(!amount.isNegative(), "amount", "must not be negative but was " + amount);
        return now.updateAndGet(i -> i.plus(amount));
    }

    /** Sets the clock to {@code instant}, forward or back. */
    public void set(Instant instant) {
        now.set(Require.nonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(now, Require.nonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + ", " + zone + "]";
    }
}
