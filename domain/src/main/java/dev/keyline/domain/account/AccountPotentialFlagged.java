package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The potential key-account (潜在大客户) flags of a customer changed.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param flags the new flags
 * @param flaggedBy who changed them
 */
public record AccountPotentialFlagged(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, PotentialFlags flags, UserId flaggedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.potential-flagged";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param flags the new flags
     * @param flaggedBy who changed them
     */
    public AccountPotentialFlagged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(flags, "flags");
        Require.nonNull(flaggedBy, "flaggedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Potential flags of key account " + account + " changed");
    }
}
