package dev.keyline.domain.account;

import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Churn warning rule (客户预警): arrears (欠费) that are both old and large — the oldest unpaid
 * bill is overdue longer than a set number of days <em>and</em> the arrears are at least a set
 * amount. Unlike {@link ArrearsAgeRule} alone it ignores a small bill paid late, and unlike
 * {@link ArrearsAmountRule} alone it ignores a large bill only just due.
 *
 * @param maxDays the longest overdue time, in days, that does not warn
 * @param minAmount the least arrears that warn, not negative; arrears in another currency never
 *     compare and are rejected
 */
public record ArrearsRule(int maxDays, Money minAmount) implements ChurnRule {

    /** The rule's name. */
    public static final String NAME = "arrears";

    /**
     * Validates the rule.
     *
     * @param maxDays the longest overdue time, in days, that does not warn
     * @param minAmount the least arrears that warn, not negative; arrears in another currency never compare and are rejected
     */
    public ArrearsRule {
        Require.nonNegative(maxDays, "maxDays");
        Require.nonNull(minAmount, "minAmount");
        Require.nonNegative(minAmount.amount(), "minAmount");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ChurnSignal> evaluate(ChurnInputs inputs) {
        Require.nonNull(inputs, "inputs");
        if (inputs.oldestUnpaidDue().isEmpty()) {
            return Optional.empty();
        }
        long days = ChronoUnit.DAYS.between(inputs.oldestUnpaidDue().get(), inputs.asOf());
        if (days <= maxDays || inputs.arrears().compareTo(minAmount) < 0) {
            return Optional.empty();
        }
        return Optional.of(new ChurnSignal(NAME, ChurnSignalKind.ARREARS, inputs.asOf(),
                "arrears " + inputs.arrears() + " (at least " + minAmount + ") with a bill due " + inputs.oldestUnpaidDue().get()
                        + " unpaid for " + days + " days (more than " + maxDays + ")"));
    }
}
