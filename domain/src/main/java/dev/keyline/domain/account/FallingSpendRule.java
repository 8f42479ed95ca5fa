package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Churn warning rule (客户预警): the account's monthly spend fell for {@code consecutiveMonths}
 * months in a row.
 *
 * <p><b>Precise rule.</b> Let M be the last whole month before the assessment date. The rule fires
 * when spend(M − k) &lt; spend(M − k − 1) for every k from 0 to {@code consecutiveMonths} − 1, that
 * is, each of the last {@code consecutiveMonths} months is strictly below the month before it. A
 * month without spend counts 0.
 *
 * @param consecutiveMonths how many falls in a row, 1 to 24
 */
public record FallingSpendRule(int consecutiveMonths) implements ChurnRule {

    /** The rule's name. */
    public static final String NAME = "falling-spend";

    /**
     * Validates the rule.
     *
     * @param consecutiveMonths how many falls in a row, 1 to 24
     */
    public FallingSpendRule {
        Require.that(consecutiveMonths >= 1 && consecutiveMonths <= 24, "consecutiveMonths",
                () -> "must be 1 to 24, was " + consecutiveMonths);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ChurnSignal> evaluate(ChurnInputs inputs) {
        Require.nonNull(inputs, "inputs");
        YearMonth last = inputs.lastCompleteMonth();
        List<String> steps = new ArrayList<>();
        for (int k = consecutiveMonths; k >= 0; k--) {
            YearMonth m = last.minusMonths(k);
            steps.add(m + " " + inputs.spendIn(m).amount().toPlainString());
        }
        for (int k = 0; k < consecutiveMonths; k++) {
            Money current = inputs.spendIn(last.minusMonths(k));
            Money previous = inputs.spendIn(last.minusMonths(k + 1L));
            if (current.compareTo(previous) >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new ChurnSignal(NAME, ChurnSignalKind.FALLING_SPEND, inputs.asOf(),
                "spend fell " + consecutiveMonths + " months in a row: " + String.join(" > ", steps)));
    }
}
