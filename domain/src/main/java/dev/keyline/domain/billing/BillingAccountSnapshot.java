package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.List;

/**
 * The stored state of a {@link BillingAccount}; validated by {@link BillingAccount#restore(BillingAccountSnapshot)}.
 *
 * @param id the account
 * @param version the stored version
 * @param openedBy who opened it
 * @param openedAt when
 * @param rating the credit rating
 * @param creditLimit the credit limit
 * @param arrears the arrears last recorded, in the account's age bands
 * @param limitExceeded whether the exposure of {@code arrears} is above the limit (a warning was raised)
 * @param preferenceHistory every preference change, oldest first; the last is in force
 */
public record BillingAccountSnapshot(AccountId id, long version, UserId openedBy, Instant openedAt, CreditRating rating,
        Money creditLimit, ArrearsAgeing arrears, boolean limitExceeded, List<PreferenceChange> preferenceHistory) {
}
