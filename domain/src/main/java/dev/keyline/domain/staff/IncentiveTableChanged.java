package dev.keyline.domain.staff;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * An incentive table was put in force in a ledger; type {@value #TYPE}. Addressed to the ledger's
 * organisation unit.
 *
 * @param eventId the event's id
 * @param occurredAt when
 * @param ledger the ledger
 * @param table the table now in force
 * @param previousTable the table it replaced, or null when the ledger was opened
 * @param setBy who set it
 */
public record IncentiveTableChanged(EventId eventId, Instant occurredAt, IncentiveLedgerId ledger, IncentiveTable table,
        IncentiveTable previousTable, UserId setBy) implements IncentiveLedgerEvent {

    /** The stable event type. */
    public static final String TYPE = "staff.incentive-table-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when
     * @param ledger the ledger
     * @param table the table now in force
     * @param previousTable the table it replaced, or null when the ledger was opened
     * @param setBy who set it
     * @throws InvalidArgumentException naming the component when one other than {@code previousTable} is null
     */
    public IncentiveTableChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(ledger, "ledger");
        Require.nonNull(table, "table");
        Require.nonNull(setBy, "setBy");
    }

    /**
     * The table that was replaced.
     *
     * @return it, or empty when the ledger was opened with this table
     */
    public Optional<IncentiveTable> previous() {
        return Optional.ofNullable(previousTable);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Incentive table of " + ledger + " set to green " + table.green() + ", amber "
                + table.amber() + ", red " + table.red() + " by " + setBy).withOrganisationUnit(ledger.value());
    }
}
