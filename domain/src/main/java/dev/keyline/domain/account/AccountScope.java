package dev.keyline.domain.account;

import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.util.Optional;

/**
 * What the access rules need to know about a key account (大客户): its id, the local network
 * (本地网) that manages it, its industry (行业) and its account manager (客户经理), if it has one.
 * Built from the stored account ({@link #of(KeyAccount)}), so the account manager the rules see is
 * always the one the account records: the stored account is the one source of who manages it.
 *
 * @param account the key account
 * @param network the local network that manages it
 * @param industry its industry
 * @param accountManager its account manager, empty before one is assigned
 */
public record AccountScope(AccountId account, LocalNetworkId network, Industry industry, Optional<UserId> accountManager) {

    /**
     * Validates the scope.
     *
     * @throws InvalidArgumentException naming the component that is null
     */
    public AccountScope {
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(industry, "industry");
        Require.nonNull(accountManager, "accountManager");
    }

    /**
     * The scope of an account without an account manager, for example one being registered.
     *
     * @param account the key account
     * @param network the local network that manages it
     * @param industry its industry
     * @throws InvalidArgumentException naming the argument that is null
     */
    public AccountScope(AccountId account, LocalNetworkId network, Industry industry) {
        this(account, network, industry, Optional.empty());
    }

    /**
     * The scope of a stored key account, with the account manager it records.
     *
     * @param account the key account
     * @return its scope
     * @throws InvalidArgumentException when {@code account} is null
     */
    public static AccountScope of(KeyAccount account) {
        Require.nonNull(account, "account");
        return new AccountScope(account.id(), account.network(), account.industry(), account.accountManager());
    }

    /**
     * Whether the account's recorded account manager is the given user.
     *
     * @param user a user id
     * @return true when the account has an account manager and it is {@code user}
     * @throws InvalidArgumentException when {@code user} is null
     */
    public boolean isManagedBy(UserId user) {
        Require.nonNull(user, "user");
        return accountManager.filter(user::equals).isPresent();
    }

    /** The account, its network, industry and account manager, for messages. */
    @Override
    public String toString() {
        return "account " + account + " (network " + network + ", industry " + industry
                + accountManager.map(m -> ", account manager " + m).orElse(", no account manager") + ")";
    }
}
