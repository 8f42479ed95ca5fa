package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * A tier change (分级调整) a reclassification run brings to one registered account.
 *
 * @param account the account
 * @param from its current tier
 * @param to the tier the run gives it; differs from {@code from}
 */
public record TierUpdate(AccountId account, Tier from, Tier to) {

    /**
     * Validates the update.
     *
     * @param account the account
     * @param from its current tier
     * @param to the tier the run gives it; differs from {@code from}
     */
    public TierUpdate {
        Require.nonNull(account, "account");
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        if (from == to) {
            throw new InvalidArgumentException("to", "must differ from " + from);
        }
    }
}
