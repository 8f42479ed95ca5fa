package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * An approved revision of an issued (下达) budget line: an immutable delta with its reason and approver.
 * A line's issued amount is its original amount plus all its revisions.
 *
 * @param number its number within the budget, from 1
 * @param line the line revised
 * @param delta the change of the line's amount; not zero
 * @param reason why
 * @param approvedBy who approved it
 * @param approvedAt when
 */
public record Revision(int number, BudgetLineId line, Money delta, String reason, UserId approvedBy,
        Instant approvedAt) {

    /**
     * Validates the revision.
     *
     * @param number its number within the budget, from 1
     * @param line the line revised
     * @param delta the change of the line's amount; not zero
     * @param reason why
     * @param approvedBy who approved it
     * @param approvedAt when
     * @throws InvalidArgumentException naming the component when one is null, the number is not
     *     positive, the delta is zero or too large to store, or the reason is blank
     */
    public Revision {
        Require.positive(number, "number");
        Require.nonNull(line, "line");
        Limits.money(delta, "delta");
        Require.that(!delta.isZero(), "delta", "must not be zero");
        Require.text(reason, "reason");
        Require.nonNull(approvedBy, "approvedBy");
        Require.nonNull(approvedAt, "approvedAt");
    }
}
