package dev.keyline.notification;

import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.RetryableDeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real sink for tests: records every notification it is given, then behaves as told. */
final class RecordingSink implements NotificationSink {

    /** What the sink does after recording a notification. */
    enum Outcome { ACCEPT, FAIL_PERMANENTLY, FAIL_RETRYABLY, FAIL_RETRYABLY_WITH_HINT, FAIL_WITH_RUNTIME_EXCEPTION }

    private final String name;
    private final Outcome outcome;
    private final Duration hint;
    private final List<Notification> received = new ArrayList<>();

    RecordingSink(String name) {
        this(name, Outcome.ACCEPT, null);
    }

    RecordingSink(String name, Outcome outcome, Duration hint) {
        this.name = name;
        this.outcome = outcome;
        this.hint = hint;
    }

    @Override
    public synchronized void deliver(Notification notification) {
        received.add(notification);
        switch (outcome) {
            case ACCEPT -> { }
            case FAIL_PERMANENTLY -> throw new PermanentDeliveryException(name + " refuses " + notification.eventId());
            case FAIL_RETRYABLY -> throw new RetryableDeliveryException(name + " is busy", null, null);
            case FAIL_RETRYABLY_WITH_HINT -> throw new RetryableDeliveryException(name + " asks to wait", hint, null);
            case FAIL_WITH_RUNTIME_EXCEPTION -> throw new IllegalStateException(name + " broke");
            default -> throw new AssertionError(outcome);
        }
    }

    synchronized List<Notification> received() {
        return List.copyOf(received);
    }

    Outcome outcome() {
        return outcome;
    }

    Duration hint() {
        return hint;
    }

    @Override
    public String name() {
        return name;
    }
}
