package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The churn warning (客户预警) of a key account was cleared; it is served as active again.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param clearedBy who cleared it
 */
public record ChurnWarningCleared(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, UserId clearedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.churn-warning-cleared";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param clearedBy who cleared it
     */
    public ChurnWarningCleared {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(clearedBy, "clearedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Churn warning for key account " + account + " cleared");
    }
}
