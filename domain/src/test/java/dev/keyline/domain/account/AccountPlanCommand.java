package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One generated command against an {@link AccountPlan}, as a value; see {@link KeyAccountCommand}.
 * Dates are given as a day offset from 1 January of the plan year (values outside 0..364 fall
 * outside the year and test the year rule).
 */
public sealed interface AccountPlanCommand {

    /** Seconds after the plan's last change at which the command happens; may be negative. */
    long secondsAfterLastChange();

    /**
     * Runs the command against the plan.
     *
     * @param plan the plan
     */
    void applyTo(AccountPlan plan);

    /**
     * The time the command happens at for this plan.
     *
     * @param plan the plan
     * @return its last change plus the offset
     */
    default Instant at(AccountPlan plan) {
        return plan.lastChangedAt().plusSeconds(secondsAfterLastChange());
    }

    /**
     * The date {@code dayOffset} days after 1 January of the plan year.
     *
     * @param plan the plan
     * @param dayOffset the offset
     * @return the date
     */
    static LocalDate day(AccountPlan plan, int dayOffset) {
        return plan.year().atDay(1).plusDays(dayOffset);
    }

    /**
     * @param description text (may be blank) @param owner owner @param dueDay day offset
     * @param by who @param secondsAfterLastChange offset
     */
    record AddAction(String description, UserId owner, int dueDay, UserId by, long secondsAfterLastChange)
            implements AccountPlanCommand {
        @Override
        public void applyTo(AccountPlan plan) {
            plan.addAction(description, owner, day(plan, dueDay), by, at(plan));
        }
    }

    /** @param number action number @param by who @param secondsAfterLastChange offset */
    record CompleteAction(int number, UserId by, long secondsAfterLastChange) implements AccountPlanCommand {
        @Override
        public void applyTo(AccountPlan plan) {
            plan.completeAction(number, by, at(plan));
        }
    }

    /**
     * @param product product @param quantity units (may be invalid) @param neededByDay day offset
     * @param note note @param by who @param secondsAfterLastChange offset
     */
    record AddResourceItem(ProductCode product, int quantity, int neededByDay, String note, UserId by,
            long secondsAfterLastChange) implements AccountPlanCommand {
        @Override
        public void applyTo(AccountPlan plan) {
            plan.addResourceItem(product, quantity, day(plan, neededByDay), note, by, at(plan));
        }
    }

    /** @param number line number @param by who @param secondsAfterLastChange offset */
    record FulfilResourceItem(int number, UserId by, long secondsAfterLastChange) implements AccountPlanCommand {
        @Override
        public void applyTo(AccountPlan plan) {
            plan.fulfilResourceItem(number, by, at(plan));
        }
    }

    /**
     * @param target new target (may be invalid) @param reason reason (may be blank) @param by who
     * @param secondsAfterLastChange offset
     */
    record ReviseTarget(Money target, String reason, UserId by, long secondsAfterLastChange) implements AccountPlanCommand {
        @Override
        public void applyTo(AccountPlan plan) {
            plan.reviseTarget(target, reason, by, at(plan));
        }
    }
}
