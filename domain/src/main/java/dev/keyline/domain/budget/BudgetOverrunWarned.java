package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.Instant;

/**
 * A document took a budget line controlled by WARN at its stage over budget; it was booked and this warning raised; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param line the line
 * @param document the document
 * @param stage its stage
 * @param amount the document's amount
 * @param available what was available against the limit before it
 * @param limit the limit exceeded
 */
public record BudgetOverrunWarned(EventId eventId, Instant occurredAt, BudgetId budget, BudgetLineId line, CommitmentId document, DocumentStage stage, Money amount, Money available, OverrunLimit limit) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.overrun-warned";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param line the line
     * @param document the document
     * @param stage its stage
     * @param amount the document's amount
     * @param available what was available against the limit before it
     * @param limit the limit exceeded
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetOverrunWarned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(line, "line");
        Require.nonNull(document, "document");
        Require.nonNull(stage, "stage");
        Require.nonNull(amount, "amount");
        Require.nonNull(available, "available");
        Require.nonNull(limit, "limit");
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
        return Audience.of("Budget " + budget + " line " + line + " overrun: " + stage + " " + document + " of " + amount + " exceeds the " + limit + " amount; available was " + available);
    }
}
