package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A budget (预算) moved from one status to another (the first entry, {@code from} null, when the province set its targets); type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param unit the unit owning the budget
 * @param fiscalYear the fiscal year
 * @param from the status before, or null when the targets were set
 * @param to the status after
 * @param by who made the transition
 * @param reason why
 */
public record BudgetStatusChanged(EventId eventId, Instant occurredAt, BudgetId budget, OrgUnitId unit, int fiscalYear, BudgetStatus from, BudgetStatus to, UserId by, String reason) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.status-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param unit the unit owning the budget
     * @param fiscalYear the fiscal year
     * @param from the status before, or null when the targets were set
     * @param to the status after
     * @param by who made the transition
     * @param reason why
     * @throws InvalidArgumentException naming the component when one other than {@code from} is null or blank
     */
    public BudgetStatusChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(unit, "unit");
        Require.positive(fiscalYear, "fiscalYear");
        Require.nonNull(to, "to");
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
    }

    @Override
    public String aggregateId() {
        return budget.value();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Budget " + budget + " of " + unit + " for " + fiscalYear + ": " + (from == null ? "targets set" : from + " to " + to) + " by " + by);
    }
}
