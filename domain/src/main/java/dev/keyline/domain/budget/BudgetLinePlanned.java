package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A line of a budget being drafted was planned or changed; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param kind CAPEX or OPEX
 * @param category the category
 * @param amount the planned annual amount
 * @param by who planned it
 */
public record BudgetLinePlanned(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, LineKind kind, String category, Money amount, UserId by) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.line-planned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param kind CAPEX or OPEX
     * @param category the category
     * @param amount the planned annual amount
     * @param by who planned it
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetLinePlanned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(kind, "kind");
        Require.text(category, "category");
        Require.nonNull(amount, "amount");
        Require.nonNull(by, "by");
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
