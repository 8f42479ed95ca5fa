package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.util.Optional;

/**
 * Churn warning rule (客户预警): the account's arrears (欠费) are above a set amount.
 *
 * @param limit the highest amount that does not warn; the rule fires when arrears &gt; limit
 */
public record ArrearsAmountRule(Money limit) implements ChurnRule {

    /** The rule's name. */
    public static final String NAME = "arrears-amount";

    /**
     * Validates the rule.
     *
     * @param limit the highest amount that does not warn; the rule fires when arrears &gt; limit
     */
    public ArrearsAmountRule {
        Require.nonNull(limit, "limit");
        Require.nonNegative(limit.amount(), "limit");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ChurnSignal> evaluate(ChurnInputs inputs) {
        Require.nonNull(inputs, "inputs");
        if (inputs.arrears().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new ChurnSignal(NAME, ChurnSignalKind.ARREARS_AMOUNT, inputs.asOf(),
                "arrears " + inputs.arrears() + " above " + limit));
    }
}
