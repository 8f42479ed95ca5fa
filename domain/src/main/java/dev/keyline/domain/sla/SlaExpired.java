package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.YearMonth;

/**
 * An SLA's period ended; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param lastMonth the last month of its period
 */
public record SlaExpired(EventId eventId, Instant occurredAt, SlaId sla, YearMonth lastMonth) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.expired";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param lastMonth the last month of its period
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaExpired {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(lastMonth, "lastMonth");
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
        return Audience.of("SLA " + sla + " expired after " + lastMonth);
    }
}
