package dev.keyline.domain.budget;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;

/**
 * One line of a budget (预算) as drafted: its kind and category, the original amount, its control per
 * document stage, and, for a budget under another, the parent budget's line it draws on. The issued
 * amount of a line is this amount plus its approved {@link Revision}s.
 *
 * @param id the line's id within its budget
 * @param kind CAPEX or OPEX
 * @param category the category, for example {@code access network} or {@code maintenance}
 * @param amount the original annual amount; not negative
 * @param control the control per document stage
 * @param parentLine the parent budget's line this line draws on; null for a budget without a parent
 */
public record BudgetLine(BudgetLineId id, LineKind kind, String category, Money amount, BudgetControl control,
        BudgetLineId parentLine) {

    /**
     * Validates the line.
     *
     * @param id the line's id within its budget
     * @param kind CAPEX or OPEX
     * @param category the category, for example {@code access network} or {@code maintenance}
     * @param amount the original annual amount; not negative
     * @param control the control per document stage
     * @param parentLine the parent budget's line this line draws on; null for a budget without a parent
     * @throws InvalidArgumentException naming the component when one other than {@code parentLine}
     *     is null, the category is blank or longer than {@link Limits#RULE_NAME_LENGTH}, or the
     *     amount is negative or too large to store
     */
    public BudgetLine {
        Require.nonNull(id, "id");
        Require.nonNull(kind, "kind");
        Require.text(category, "category", Limits.RULE_NAME_LENGTH);
        Limits.money(amount, "amount");
        Require.that(!amount.isNegative(), "amount", () -> "must not be negative, was " + amount);
        Require.nonNull(control, "control");
    }
}
