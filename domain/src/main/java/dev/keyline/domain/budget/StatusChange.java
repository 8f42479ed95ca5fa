package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One entry of a budget's status history: who moved it, from where to where, when and why.
 *
 * @param from the status before; null for the first entry, when the targets were set
 * @param to the status after
 * @param by who made the transition
 * @param at when
 * @param reason why
 */
public record StatusChange(BudgetStatus from, BudgetStatus to, UserId by, Instant at, String reason) {

    /**
     * Validates the entry.
     *
     * @param from the status before; null for the first entry, when the targets were set
     * @param to the status after
     * @param by who made the transition
     * @param at when
     * @param reason why
     * @throws InvalidArgumentException naming the component when one other than {@code from} is
     *     null or the reason is blank or too long
     */
    public StatusChange {
        Require.nonNull(to, "to");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.text(reason, "reason");
    }
}
