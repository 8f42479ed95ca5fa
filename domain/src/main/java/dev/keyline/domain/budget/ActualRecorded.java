package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A confirmed invoice was recorded as an actual on a budget line; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param document the invoice
 * @param amount the amount
 * @param replaces the order whose commitment it reversed, or null
 * @param by who confirmed the invoice
 */
public record ActualRecorded(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, CommitmentId document, Money amount, CommitmentId replaces, UserId by) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.actual-recorded";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param document the invoice
     * @param amount the amount
     * @param replaces the order whose commitment it reversed, or null
     * @param by who confirmed the invoice
     * @throws InvalidArgumentException naming the component when one other than {@code replaces} is null or blank
     */
    public ActualRecorded {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
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
