package dev.keyline.domain.account;

import java.util.Optional;

/**
 * A configurable churn warning rule (客户预警规则): looks at one key account's recent spend,
 * arrears and complaints and says whether they warn that the customer may leave (离网).
 * Implementations: {@link FallingSpendRule}, {@link ArrearsAmountRule}, {@link ArrearsAgeRule},
 * {@link ArrearsRule},
 * {@link ComplaintsRule}; a host may add its own.
 */
public interface ChurnRule {

    /**
     * {@return the rule's name, unique within a {@link ChurnEvaluator}; recorded in its signals}
     */
    String name();

    /**
     * Evaluates the rule.
     *
     * @param inputs the account's inputs
     * @return a signal when the rule fires, empty otherwise
     */
    Optional<ChurnSignal> evaluate(ChurnInputs inputs);
}
