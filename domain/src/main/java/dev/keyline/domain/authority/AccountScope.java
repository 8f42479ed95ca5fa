package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.Industry;
import dev.keyline.domain.account.LocalNetworkId;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;

/**
 * What the access rules need to know about a key account (大客户): its id, the local network
 * (本地网) that manages it and its industry (行业). The caller builds it from the account, so the
 * rules do not depend on the account aggregate.
 *
 * @param account the key account
 * @param network the local network that manages it
 * @param industry its industry
 */
public record AccountScope(AccountId account, LocalNetworkId network, Industry industry) {

    /**
     * Validates the scope.
     *
     * @throws InvalidArgumentException naming the component that is null
     */
    public AccountScope {
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
    }

    /** The account, its network and industry, for messages. */
    @Override
    public String toString() {
        return "account " + account + " (network " + network + ", industry " + industry + ")";
    }
}
