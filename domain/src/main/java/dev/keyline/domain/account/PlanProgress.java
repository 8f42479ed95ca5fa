package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;

/**
 * How far an account plan (客户发展计划) has come towards its yearly revenue target (收入目标); see
 * {@link AccountPlan#progress(java.util.Collection, LocalDate)}.
 *
 * @param plan the plan
 * @param account the account
 * @param year the plan year
 * @param asOf the date the progress is assessed at
 * @param monthsElapsed the plan year's whole months before {@code asOf}'s month, 0 to 12
 * @param target the yearly revenue target
 * @param achieved the account's effective spend over those months
 * @param ratio achieved / target, 4 decimals half-even
 * @param expected the linear expectation: target × monthsElapsed / 12, half-even to the cent
 * @param onTrack whether achieved ≥ expected
 */
public record PlanProgress(AccountPlanId plan, AccountId account, Year year, LocalDate asOf, int monthsElapsed,
        Money target, Money achieved, BigDecimal ratio, Money expected, boolean onTrack) {

    /**
     * Validates the value.
     *
     * @param plan the plan
     * @param account the account
     * @param year the plan year
     * @param asOf the date the progress is assessed at
     * @param monthsElapsed the plan year's whole months before {@code asOf}'s month, 0 to 12
     * @param target the yearly revenue target
     * @param achieved the account's effective spend over those months
     * @param ratio achieved / target, 4 decimals half-even
     * @param expected the linear expectation: target × monthsElapsed / 12, half-even to the cent
     * @param onTrack whether achieved ≥ expected
     */
    public PlanProgress {
        Require.nonNull(plan, "plan");
        Require.nonNull(account, "account");
        Require.nonNull(year, "year");
        Require.nonNull(asOf, "asOf");
        Require.that(monthsElapsed >= 0 && monthsElapsed <= 12, "monthsElapsed", () -> "must be 0 to 12, was " + monthsElapsed);
        Require.nonNull(target, "target");
        Require.nonNull(achieved, "achieved");
        Require.nonNegative(ratio, "ratio");
        Require.nonNull(expected, "expected");
        if (onTrack != (achieved.compareTo(expected) >= 0)) {
            throw new InvalidArgumentException("onTrack", "must be " + !onTrack + " for achieved " + achieved
                    + " against expected " + expected);
        }
    }

    /** {@return how much is still missing to reach the yearly target (zero once reached)} */
    public Money remaining() {
        Money rest = target.minus(achieved);
        return rest.isNegative() ? Money.zero(target.currency()) : rest;
    }
}
