package dev.keyline.domain.sla;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A marketing department drafted an SLA with the network centre; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param sla the SLA
 * @param department the marketing department
 * @param network the local network whose network centre is the other party
 * @param firstMonth the first month of the SLA period
 * @param months how many months the period has
 * @param products the products of its service agreements, in order
 * @param draftedBy who drafted it
 */
public record SlaDrafted(EventId eventId, Instant occurredAt, SlaId sla, MarketingDepartment department, LocalNetworkId network, YearMonth firstMonth, int months, List<ProductCode> products, UserId draftedBy) implements SlaEvent {

    /** The stable event type. */
    public static final String TYPE = "sla.drafted";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param sla the SLA
     * @param department the marketing department
     * @param network the local network whose network centre is the other party
     * @param firstMonth the first month of the SLA period
     * @param months how many months the period has
     * @param products the products of its service agreements, in order
     * @param draftedBy who drafted it
     * @throws InvalidArgumentException naming the component when one is null, a count is negative
     *     or a text is blank or too long
     */
    public SlaDrafted {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(sla, "sla");
        Require.nonNull(department, "department");
        Require.nonNull(network, "network");
        Require.nonNull(firstMonth, "firstMonth");
        Require.nonNegative(months, "months");
        products = Require.nonNullElements(products, "products");
        Require.nonNull(draftedBy, "draftedBy");
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
        return Audience.of("SLA " + sla + " of " + department + " drafted for " + firstMonth + " (" + months + " months)").withRole("NETWORK_CENTRE_MANAGER");
    }
}
