package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.AccessScope;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.InvalidStateException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.util.Optional;

/**
 * What commercial authorisation (商务授权) knows of a key account (大客户): the authority area's own projection of the
 * key-account area's events ({@code account.registered}, {@code account.manager-assigned},
 * {@code account.exited}), kept by a reaction so that authorisation never reads the key-account
 * area's storage. It lags the account by the relay's delivery: an account registered a moment ago
 * may not be known here yet.
 *
 * @param account the key account
 * @param network its local network
 * @param industry its industry
 * @param accountManager its account manager, once one is assigned
 * @param exited whether the account has left the network (it then gets no price offers)
 */
public record AccountStanding(AccountId account, LocalNetworkId network, Industry industry,
        Optional<UserId> accountManager, boolean exited) {

    /**
     * Validates the standing.
     *
     * @param account the key account
     * @param network its local network
     * @param industry its industry
     * @param accountManager its account manager, once one is assigned
     * @param exited whether the account has left the network (it then gets no price offers)
     */
    public AccountStanding {
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(accountManager, "accountManager");
    }

    /**
     * The standing of a key account just registered: no manager, not exited.
     *
     * @param account the account
     * @param network its local network
     * @param industry its industry
     * @return the standing
     */
    public static AccountStanding registered(AccountId account, LocalNetworkId network, Industry industry) {
        return new AccountStanding(account, network, industry, Optional.empty(), false);
    }

    /**
     * This standing with another account manager.
     *
     * @param manager the manager now assigned
     * @return the new standing
     */
    public AccountStanding withManager(UserId manager) {
        return new AccountStanding(account, network, industry, Optional.of(Require.nonNull(manager, "manager")), exited);
    }

    /**
     * This standing once the account has exited.
     *
     * @return the new standing
     */
    public AccountStanding asExited() {
        return new AccountStanding(account, network, industry, accountManager, true);
    }

    /**
     * The account's access scope, by which a requester's right to act on it is checked.
     *
     * @return its id, network, industry and account manager
     */
    public AccessScope scope() {
        return account.accessScope(network, industry, accountManager);
    }

    /**
     * Fails when the account has exited, as an exited account gets no price offers.
     *
     * @throws InvalidStateException when it has exited
     */
    public void requireNotExited() {
        if (exited) {
            throw new InvalidStateException("key account " + account + " has exited; it gets no price offers");
        }
    }
}
