package dev.keyline.domain.budget;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * The reviewer challenged a submitted budget (质询); the challenge awaits the drafter's answer; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param budget the budget
 * @param unit the unit owning the budget, whose drafter must answer
 * @param number the challenge's number
 * @param comment what the reviewer asks
 * @param raisedBy the reviewer
 */
public record BudgetChallengeRaised(EventId eventId, Instant occurredAt, BudgetId budget, OrgUnitId unit, int number, String comment, UserId raisedBy) implements BudgetEvent {

    /** The stable event type. */
    public static final String TYPE = "budget.challenge-raised";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param budget the budget
     * @param unit the unit owning the budget, whose drafter must answer
     * @param number the challenge's number
     * @param comment what the reviewer asks
     * @param raisedBy the reviewer
     * @throws InvalidArgumentException naming the component when one is null or blank
     */
    public BudgetChallengeRaised {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(budget, "budget");
        Require.nonNull(unit, "unit");
        Require.positive(number, "number");
        Require.text(comment, "comment");
        Require.nonNull(raisedBy, "raisedBy");
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
        return new Audience(null, unit.value(), null, null, "Budget " + budget + ": challenge " + number + " by " + raisedBy + " awaits an answer");
    }
}
