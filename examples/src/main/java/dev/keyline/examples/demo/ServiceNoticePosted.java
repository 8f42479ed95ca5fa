package dev.keyline.examples.demo;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;

import java.time.Instant;

/**
 * The demo's own event: the marketing service centre (营销服务中心) posted a notice to the network
 * centre (网络中心). It exists to show the runtime's transaction, outbox and relay without needing
 * any area's aggregate.
 *
 * @param eventId the event's id
 * @param occurredAt when the notice was posted
 * @param aggregateId the notice's id
 * @param text what the notice says
 */
public record ServiceNoticePosted(EventId eventId, Instant occurredAt, String aggregateId, String text)
        implements DomainEvent {

    /** The stable type name. */
    public static final String TYPE = "demo.service-notice-posted";

    /** Validates the event. */
    public ServiceNoticePosted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonBlank(aggregateId, "aggregateId");
        Require.nonBlank(text, "text");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
