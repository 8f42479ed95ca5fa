package dev.keyline.domain.account;

import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * An event raised by a {@link KeyAccount} (大客户). Its aggregate id is the account id; its
 * audience names the role {@value #ACCOUNT_MANAGER_ROLE}, the local network as organisation
 * unit and the account.
 */
public sealed interface KeyAccountEvent extends DomainEvent
        permits AccountRegistered, AccountActivated, AccountManagerAssigned, AccountTeamAssigned,
        AccountProfileUpdated, AccountPotentialFlagged, AccountTierChanged, ChurnWarningRaised,
        ChurnWarningCleared, AccountExited {

    /** The role every key-account event is addressed to. */
    String ACCOUNT_MANAGER_ROLE = "ACCOUNT_MANAGER";

    /** {@return the account concerned} */
    AccountId account();

    /** {@return the local network the account belongs to} */
    LocalNetworkId network();

    @Override
    default String aggregateId() {
        return account().value();
    }

    /**
     * The audience of an account event with the given subject.
     *
     * @param network the account's network
     * @param account the account
     * @param subject the subject line
     * @return the audience: role {@value #ACCOUNT_MANAGER_ROLE}, the network, the account
     */
    static Audience audienceFor(LocalNetworkId network, AccountId account, String subject) {
        Require.nonNull(network, "network");
        Require.nonNull(account, "account");
        return new Audience(ACCOUNT_MANAGER_ROLE, network.value(), account.value(), null, subject);
    }
}
