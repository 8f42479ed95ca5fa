package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One party signed an SLA (服务水平协议); type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param party the party that signed
 * @param signedBy who signed for it
 * @param fullySigned whether both parties have now signed
 */
public record SlaSigned(EventId eventId, Instant occurredAt, SlaId sla, SlaParty party, UserId signedBy, boolean fullySigned) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.signed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param party the party that signed
     * @param signedBy who signed for it
     * @param fullySigned whether both parties have now signed
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaSigned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(party, "party");
        Require.nonNull(signedBy, "signedBy");
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
        return Audience.of("SLA " + sla + " signed by " + party + " (" + signedBy + ")" + (fullySigned ? "; awaiting approval" : "")).withRole("GENERAL_MANAGER");
    }
}
