package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A confirmed request or order was booked as a commitment on a budget line; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param document the document booked
 * @param stage its stage
 * @param amount the amount committed
 * @param replaces the earlier document whose commitment this one reversed, or null
 * @param by who confirmed the document
 */
public record CommitmentBooked(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, CommitmentId document, DocumentStage stage, Money amount, CommitmentId replaces, UserId by) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.commitment-booked";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param document the document booked
     * @param stage its stage
     * @param amount the amount committed
     * @param replaces the earlier document whose commitment this one reversed, or null
     * @param by who confirmed the document
     * @throws InvalidArgumentException naming the component when one other than {@code replaces} is null or blank
     */
    public CommitmentBooked {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
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
