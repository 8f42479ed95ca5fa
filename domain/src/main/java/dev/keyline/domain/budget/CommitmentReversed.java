package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * An open commitment was reversed, because the next document of its chain was confirmed or because it was cancelled; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param document the document whose commitment is reversed
 * @param stage its stage
 * @param amount the amount reversed
 * @param reason why: the replacing document or the cancellation reason
 * @param by who reversed it
 */
public record CommitmentReversed(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, CommitmentId document, DocumentStage stage, Money amount, String reason, UserId by) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.commitment-reversed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param document the document whose commitment is reversed
     * @param stage its stage
     * @param amount the amount reversed
     * @param reason why: the replacing document or the cancellation reason
     * @param by who reversed it
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public CommitmentReversed {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
        Require.nonNull(amount, "amount");
        Require.text(reason, "reason");
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
