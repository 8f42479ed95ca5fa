/**
 * Ready-made notification sinks that need nothing but the JDK: {@link dev.keyline.notification.RoutingSink}
 * sends each notification to the sinks configured for its audience and event type, and
 * {@link dev.keyline.notification.LoggingSink} writes one structured line per notification.
 *
 * <p>Both implement {@link dev.keyline.spi.NotificationSink}, so the relay treats them like any
 * other sink: delivery is at least once, and receivers de-duplicate by event id.
 */
package dev.keyline.notification;
