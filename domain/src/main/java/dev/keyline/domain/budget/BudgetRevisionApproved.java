package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A revision of an issued budget line was approved; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param number the revision's number
 * @param delta the change
 * @param issued the line's issued amount after it
 * @param reason why
 * @param approvedBy who approved it
 */
public record BudgetRevisionApproved(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, int number, Money delta, Money issued, String reason, UserId approvedBy) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.revision-approved";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param number the revision's number
     * @param delta the change
     * @param issued the line's issued amount after it
     * @param reason why
     * @param approvedBy who approved it
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetRevisionApproved {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.positive(number, "number");
        Require.nonNull(delta, "delta");
        Require.nonNull(issued, "issued");
        Require.text(reason, "reason");
        Require.nonNull(approvedBy, "approvedBy");
    }

    @Override
    public String aggregateId() {
        return budget.value();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
