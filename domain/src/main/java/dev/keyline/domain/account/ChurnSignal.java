package dev.keyline.domain.account;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import java.time.LocalDate;

/**
 * One reason to warn that a key account may leave the network: the output of a churn warning rule
 * (客户预警规则).
 *
 * @param rule the name of the rule that raised it
 * @param kind what it was raised for
 * @param observedOn the date the inputs were assessed at
 * @param detail a human-readable explanation with the numbers, not blank
 */
public record ChurnSignal(String rule, ChurnSignalKind kind, LocalDate observedOn, String detail) {

    /**
     * Validates the signal.
     *
     * @param rule the name of the rule that raised it
     * @param kind what it was raised for
     * @param observedOn the date the inputs were assessed at
     * @param detail a human-readable explanation with the numbers, not blank
     */
    public ChurnSignal {
        Require.text(rule, "rule", Limits.RULE_NAME_LENGTH);
        Require.nonNull(kind, "kind");
        Require.nonNull(observedOn, "observedOn");
        Require.text(detail, "detail");
    }
}
