package dev.keyline.domain.budget;

import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link Budget}. Its aggregate id is the budget's id, so a budget's events
 * are delivered in order.
 */
public sealed interface BudgetEvent extends DomainEvent
        permits BudgetStatusChanged, BudgetLinePlanned, BudgetChallengeRaised, BudgetChallengeAnswered, CommitmentBooked, CommitmentReversed, ActualRecorded, BudgetOverrunWarned, BudgetShareReached, BudgetRevisionApproved {

    /**
     * The budget concerned.
     *
     * @return its id
     */
    BudgetId budget();
}
