package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Churn warning rule (客户预警): the account's oldest unpaid bill is overdue longer than a set
 * number of days (欠费账龄).
 *
 * @param maxDays the longest overdue time, in days, that does not warn; the rule fires when the
 *     days from the oldest unpaid due date to the assessment date exceed it
 */
public record ArrearsAgeRule(int maxDays) implements ChurnRule {

    /** The rule's name. */
    public static final String NAME = "arrears-age";

    /**
     * Validates the rule.
     *
     * @param maxDays the longest overdue time, in days, that does not warn; the rule fires when the days from the oldest unpaid due date to the assessment date exceed it
     */
    public ArrearsAgeRule {
        Require.nonNegative(maxDays, "maxDays");
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
        if (days <= maxDays) {
            return Optional.empty();
        }
        return Optional.of(new ChurnSignal(NAME, ChurnSignalKind.ARREARS_AGE, inputs.asOf(),
                "a bill due " + inputs.oldestUnpaidDue().get() + " is unpaid for " + days + " days (more than " + maxDays + ")"));
    }
}
