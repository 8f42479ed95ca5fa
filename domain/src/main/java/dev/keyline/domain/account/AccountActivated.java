package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A prospect became an active key account (大客户), served by its account manager (客户经理).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param accountManager the account manager who serves it
 * @param activatedBy who activated it
 */
public record AccountActivated(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, UserId accountManager, UserId activatedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.activated";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param accountManager the account manager who serves it
     * @param activatedBy who activated it
     */
    public AccountActivated {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(accountManager, "accountManager");
        Require.nonNull(activatedBy, "activatedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Key account " + account + " is now active, account manager " + accountManager);
    }
}
