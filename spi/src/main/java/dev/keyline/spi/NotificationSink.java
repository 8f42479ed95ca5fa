package dev.keyline.spi;

/**
 * Delivers notifications somewhere: a webhook, a log, a host's mail service.
 *
 * <p>{@link #deliver(Notification)} returns normally only when the notification was accepted.
 * Any exception means it was not: a {@link PermanentDeliveryException} sends the entry to the
 * dead letters at once; every other exception (a {@link RetryableDeliveryException} may carry a
 * retry-after hint) makes the relay try again with backoff. Delivery is at least once, so a sink
 * may see the same event id more than once.
 */
@FunctionalInterface
public interface NotificationSink {

    /** Delivers one notification, or throws. */
    void deliver(Notification notification) throws Exception;

    /** A short name for logs and dead-letter reasons. */
    default String name() {
        return getClass().getSimpleName();
    }
}
