package dev.keyline.domain.account;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A customer was registered as a (prospective) key account (大客户).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param name the customer name
 * @param industry the industry
 * @param registeredBy who registered it
 */
public record AccountRegistered(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, String name, Industry industry, UserId registeredBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.registered";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param name the customer name
     * @param industry the industry
     * @param registeredBy who registered it
     */
    public AccountRegistered {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.text(name, "name", Limits.NAME_LENGTH);
        Require.nonNull(industry, "industry");
        Require.nonNull(registeredBy, "registeredBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Key account " + account + " (" + name + ") registered in " + network);
    }
}
