package dev.keyline.spi.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.authority.AccountStanding;
import java.util.Optional;

/**
 * The commercial-authorisation area's projection of key accounts ({@link AccountStanding}), one row
 * per account, written only by the area's reaction to key-account events. The reaction takes an
 * account's events one at a time and in order, so a standing is simply replaced, without a version
 * check. Every method must be called inside a transaction of the provider.
 */
public interface AccountStandingRepository {

    /**
     * The standing of an account, if its registration has been projected.
     *
     * @param account the account
     * @return its standing, or empty when the account is not known here yet
     */
    Optional<AccountStanding> find(AccountId account);

    /**
     * Stores a standing, replacing the account's previous one if any.
     *
     * @param standing the standing
     */
    void put(AccountStanding standing);
}
