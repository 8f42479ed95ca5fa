package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import java.util.Optional;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A key account got a new account manager (客户经理).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param previousManager the manager before, if there was one
 * @param accountManager the new account manager
 * @param assignedBy who assigned the manager
 */
public record AccountManagerAssigned(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, Optional<UserId> previousManager, UserId accountManager, UserId assignedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.manager-assigned";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param previousManager the manager before, if there was one
     * @param accountManager the new account manager
     * @param assignedBy who assigned the manager
     */
    public AccountManagerAssigned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(previousManager, "previousManager");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(assignedBy, "assignedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Account manager of key account " + account + " is now " + accountManager);
    }
}
