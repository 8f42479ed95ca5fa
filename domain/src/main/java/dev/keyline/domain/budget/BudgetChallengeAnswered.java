package dev.keyline.domain.budget;

import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * The drafter answered a challenge (质询); type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param number the challenge's number
 * @param answer the answer
 * @param answeredBy who answered
 */
public record BudgetChallengeAnswered(EventId eventId, Instant occurredAt, BudgetId budget, int number, String answer, UserId answeredBy) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.challenge-answered";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param number the challenge's number
     * @param answer the answer
     * @param answeredBy who answered
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetChallengeAnswered {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.positive(number, "number");
        Require.text(answer, "answer");
        Require.nonNull(answeredBy, "answeredBy");
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
