package dev.keyline.domain.staff;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * An incentive was calculated from a complete scorecard and recorded; type {@value #TYPE}.
 * Addressed to the recipient's organisation unit and role.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param ledger the ledger
 * @param award the calculation
 */
public record IncentiveAwarded(EventId eventId, Instant occurredAt, IncentiveLedgerId ledger, IncentiveAward award)
        implements IncentiveLedgerEvent {

    /** The stable event type. */
    public static final String TYPE = "staff.incentive-awarded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param ledger the ledger
     * @param award the calculation
     * @throws InvalidArgumentException naming the component when one is null
     */
    public IncentiveAwarded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ledger, "ledger");
        Require.nonNull(award, "award");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Incentive of " + award.amount() + " for " + award.recipient() + " on scorecard "
                + award.scorecard() + " " + award.period() + " (" + award.band() + ")")
                .withOrganisationUnit(award.unit().value()).withRole(award.role().name());
    }
}
