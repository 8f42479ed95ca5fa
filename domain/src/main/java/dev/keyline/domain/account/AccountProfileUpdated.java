package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The characteristics (大客户特征) of a key account were updated.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param profile the new profile
 * @param updatedBy who updated it
 */
public record AccountProfileUpdated(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, AccountProfile profile, UserId updatedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.profile-updated";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param profile the new profile
     * @param updatedBy who updated it
     */
    public AccountProfileUpdated {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(profile, "profile");
        Require.nonNull(updatedBy, "updatedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Profile of key account " + account + " updated");
    }
}
