package dev.keyline.spi;

/**
 * Delivers notifications somewhere: a webhook, a log, a host's mail service.
 *
 * <p>{@link #deliver(Notification)} returns normally only when the notification was accepted.
 * Any exception means it was not: a {@link PermanentDeliveryException} sends the event to this
 * sink's dead letters at once; every other exception (a {@link RetryableDeliveryException} may
 * carry a retry-after hint) makes the relay try this sink again with backoff. Each sink has its
 * own delivery state, so a failing sink never holds back another. Delivery is at least once, so
 * a sink may see the same event id more than once.
 */
@FunctionalInterface
public interface NotificationSink {

    /**
     * Delivers one notification, or throws.
     *
     * @param notification the notification
     * @throws Exception when the notification was not accepted; see above for how the relay treats it
     */
    void deliver(Notification notification) throws Exception;

    /**
     * {@return the sink's name, for logs and dead-letter reasons, and the key of its delivery state
     * in the outbox: unique among a runtime's sinks, not blank, at most 255 characters, and stable
     * across restarts (a renamed sink is a new sink)}
     */
    default String name() {
        return getClass().getSimpleName();
    }
}
