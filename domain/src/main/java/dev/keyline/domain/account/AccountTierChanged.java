package dev.keyline.domain.account;


import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The tier (大客户分级) of a key account changed, by a classification run or a manual override.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param change the change, as recorded in the account's tier history
 */
public record AccountTierChanged(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, TierChange change)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.tier-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param change the change, as recorded in the account's tier history
     */
    public AccountTierChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(change, "change");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Key account " + account + " moved from " + change.from() + " to " + change.to());
    }
}
