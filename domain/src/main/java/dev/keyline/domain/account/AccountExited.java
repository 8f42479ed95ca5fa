package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A key account left the network (离网). Every network resource the account holds must be released at once: the resources area consumes this event and frees every unit reserved for or allocated to the account.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param reason why it left
 * @param recordedBy who recorded the exit
 * @param lastTier the tier the account had when it left
 */
public record AccountExited(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, String reason, UserId recordedBy, Tier lastTier)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.exited";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param reason why it left
     * @param recordedBy who recorded the exit
     * @param lastTier the tier the account had when it left
     */
    public AccountExited {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.text(reason, "reason");
        Require.nonNull(recordedBy, "recordedBy");
        Require.nonNull(lastTier, "lastTier");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Key account " + account + " left the network: release every resource it holds");
    }
}
