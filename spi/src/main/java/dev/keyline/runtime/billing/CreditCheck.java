package dev.keyline.runtime.billing;

import dev.keyline.domain.billing.BillingAccountSnapshot;
import dev.keyline.domain.common.Require;
import dev.keyline.runtime.account.ChurnEvaluation;

/**
 * What a credit check found: the billing account with its arrears as of the check, and what the
 * churn warning rules made of them.
 *
 * @param billing the billing account after its arrears were refreshed
 * @param churn the churn evaluation on those arrears
 */
public record CreditCheck(BillingAccountSnapshot billing, ChurnEvaluation churn) {

    /**
     * Validates the result.
     *
     * @param billing the billing account after its arrears were refreshed
     * @param churn the churn evaluation on those arrears
     */
    public CreditCheck {
        Require.nonNull(billing, "billing");
        Require.nonNull(churn, "churn");
    }

    /**
     * {@return whether the check raised a churn warning (new signals on the account's warning)}
     */
    public boolean raisedChurnWarning() {
        return !churn.raised().isEmpty();
    }
}
