package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link BillingAccount}. Its aggregate id is the account's id, so one
 * account's billing events are delivered in order.
 */
public sealed interface BillingEvent extends DomainEvent
        permits BillingAccountOpened, BillPreferencesChanged, CreditRatingChanged, CreditLimitChanged, CreditLimitExceeded {

    /**
     * The account concerned.
     *
     * @return its id
     */
    AccountId account();

    @Override
    default String aggregateId() {
        return account().value();
    }
}
