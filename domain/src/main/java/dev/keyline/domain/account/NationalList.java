package dev.keyline.domain.account;

import dev.keyline.domain.common.Require;
import java.util.Set;

/**
 * The group's national key-account list (全国大客户名单): accounts on it are level 2 (二级,
 * {@link Tier#NATIONAL}); every other key account is level 1 (一级, {@link Tier#LOCAL}).
 *
 * @param accounts the accounts on the list
 */
public record NationalList(Set<AccountId> accounts) {

    /**
     * Validates and copies the list.
     *
     * @param accounts the accounts on the list
     */
    public NationalList {
        accounts = Set.copyOf(Require.nonNullElements(accounts, "accounts"));
    }

    /** {@return an empty list} */
    public static NationalList empty() {
        return new NationalList(Set.of());
    }

    /**
     * Whether the account is on the list.
     *
     * @param account the account
     * @return true when listed
     */
    public boolean contains(AccountId account) {
        return accounts.contains(Require.nonNull(account, "account"));
    }

    /**
     * The tier of a key account: {@link Tier#NATIONAL} when listed, {@link Tier#LOCAL} otherwise.
     *
     * @param keyAccount an account found to be a key account
     * @return its tier
     */
    public Tier tierOf(AccountId keyAccount) {
        return contains(Require.nonNull(keyAccount, "keyAccount")) ? Tier.NATIONAL : Tier.LOCAL;
    }
}
