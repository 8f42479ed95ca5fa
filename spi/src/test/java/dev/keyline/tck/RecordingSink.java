package dev.keyline.tck;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A real, in-process notification sink for tests: it records every notification offered to it
 * and every one it accepted, and fails on purpose when told to. Thread-safe.
 *
 * <p>Failures are scripted with {@link #failWith(Function)}: the function sees each notification
 * and returns the throwable to throw, or null to accept it. {@link #failNext(int, Function)} fails
 * only a number of times; {@link #recover()} accepts everything again.
 */
public final class RecordingSink implements NotificationSink {

    private final String name;
    private final List<Notification> offered = new ArrayList<>();
    private final List<Notification> accepted = new ArrayList<>();
    private Function<Notification, ? extends Throwable> failure = n -> null;
    private int remainingFailures = Integer.MAX_VALUE;

    /** A sink with the given name (used in dead-letter reasons) that accepts everything. */
    public RecordingSink(String name) {
        this.name = Require.nonBlank(name, "name");
    }

    /** From now on, throws what {@code failure} returns for a notification (null: accept). */
    public synchronized RecordingSink failWith(Function<Notification, ? extends Throwable> newFailure) {
        this.failure = Require.nonNull(newFailure, "failure");
        this.remainingFailures = Integer.MAX_VALUE;
        return this;
    }

    /** Throws what {@code failure} returns for the next {@code times} notifications it fails, then accepts again. */
    public synchronized RecordingSink failNext(int times, Function<Notification, ? extends Throwable> newFailure) {
        Require.positive(times, "times");
        this.failure = Require.nonNull(newFailure, "failure");
        this.remainingFailures = times;
        return this;
    }

    /** Accepts every notification from now on. */
    public synchronized RecordingSink recover() {
        this.failure = n -> null;
        this.remainingFailures = Integer.MAX_VALUE;
        return this;
    }

    @Override
    public void deliver(Notification notification) throws Exception {
        Throwable toThrow;
        synchronized (this) {
            offered.add(notification);
            toThrow = remainingFailures > 0 ? failure.apply(notification) : null;
            if (toThrow == null) {
                accepted.add(notification);
            } else if (--remainingFailures == 0) {
                failure = n -> null;
                remainingFailures = Integer.MAX_VALUE;
            }
        }
        if (toThrow instanceof Exception e) {
            throw e;
        }
        if (toThrow instanceof Error e) {
            throw e;
        }
        if (toThrow != null) {
            throw new IllegalStateException("cannot throw " + toThrow);
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Every notification offered, accepted or not, in order. */
    public synchronized List<Notification> offered() {
        return List.copyOf(offered);
    }

    /** Every notification accepted, in order. */
    public synchronized List<Notification> accepted() {
        return List.copyOf(accepted);
    }

    /** The event ids of the accepted notifications, in order (with repeats). */
    public synchronized List<EventId> acceptedIds() {
        return accepted.stream().map(Notification::eventId).toList();
    }

    /** The event ids of every notification offered, in order (with repeats). */
    public synchronized List<EventId> offeredIds() {
        return offered.stream().map(Notification::eventId).toList();
    }
}
