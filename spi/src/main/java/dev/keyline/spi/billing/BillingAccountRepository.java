package dev.keyline.spi.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.billing.BillingAccount;
import dev.keyline.spi.AggregateRepository;
import java.util.List;

/**
 * Billing accounts with their preference history and credit profile. Saving follows
 * {@link AggregateRepository}; the preference history only ever grows.
 */
public interface BillingAccountRepository extends AggregateRepository<BillingAccount, AccountId> {

    /**
     * The accounts whose exposure is above their credit limit, as last recorded.
     *
     * @return the accounts ordered by id
     */
    List<BillingAccount> overLimit();
}
