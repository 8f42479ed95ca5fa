package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * An SLA was ended early; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param reason why
 * @param terminatedBy who ended it
 */
public record SlaTerminated(EventId eventId, Instant occurredAt, SlaId sla, String reason, UserId terminatedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.terminated";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param reason why
     * @param terminatedBy who ended it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaTerminated {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.text(reason, "reason");
        Require.nonNull(terminatedBy, "terminatedBy");
    }

    @Override
    public String aggregateId() {
        return sla.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("SLA " + sla + " terminated: " + reason);
    }
}
