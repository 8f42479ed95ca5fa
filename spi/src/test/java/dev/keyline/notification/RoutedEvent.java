package dev.keyline.notification;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import java.time.Instant;

/**
 * A test event whose type and audience are chosen by the test, so routing can be driven through
 * the runtime.
 *
 * @param eventId the id
 * @param occurredAt when
 * @param aggregateId the aggregate
 * @param type the type name
 * @param audience who hears of it
 */
public record RoutedEvent(EventId eventId, Instant occurredAt, String aggregateId, String type, Audience audience)
        implements DomainEvent {
}
