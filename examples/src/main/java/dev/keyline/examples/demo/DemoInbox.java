package dev.keyline.examples.demo;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import dev.keyline.spi.Notification;
import dev.keyline.spi.NotificationSink;
import dev.keyline.spi.RetryableDeliveryException;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo's notification sink: it keeps every notification it accepts, and can be told to refuse
 * the next few deliveries as a busy receiver would, so the report can show the relay retrying.
 */
public final class DemoInbox implements NotificationSink {

    private final String name;
    private final List<Notification> accepted = new ArrayList<>();
    private final List<Notification> refused = new ArrayList<>();
    private int refuseNext;
    private String refusal = "";

    /** An empty inbox named {@code demo-inbox} that accepts everything. */
    public DemoInbox() {
        this("demo-inbox");
    }

    /**
     * An empty inbox that accepts everything.
     *
     * @param name the sink's name, in the report and in the relay's failure reasons
     */
    public DemoInbox(String name) {
        this.name = Require.nonBlank(name, "name");
    }

    @Override
    public synchronized void deliver(Notification notification) {
        Require.nonNull(notification, "notification");
        if (refuseNext > 0) {
            refuseNext--;
            refused.add(notification);
            throw new RetryableDeliveryException(refusal, null, null);
        }
        accepted.add(notification);
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Makes the inbox refuse the next {@code count} deliveries with a retryable failure.
     *
     * @param count how many, not negative
     * @param reason the failure's message
     */
    public synchronized void refuseNext(int count, String reason) {
        Require.nonNegative(count, "count");
        this.refusal = Require.nonBlank(reason, "reason");
        this.refuseNext = count;
    }

    /** Every notification accepted so far, in order. */
    public synchronized List<Notification> accepted() {
        return List.copyOf(accepted);
    }

    /** Every delivery refused so far, in order. */
    public synchronized List<Notification> refused() {
        return List.copyOf(refused);
    }

    /**
     * The accepted notifications of one event (several when the relay delivered it again).
     *
     * @param eventId the event
     * @return its accepted deliveries, in order
     */
    public synchronized List<Notification> acceptedOf(EventId eventId) {
        Require.nonNull(eventId, "eventId");
        return accepted.stream().filter(n -> n.eventId().equals(eventId)).toList();
    }
}
