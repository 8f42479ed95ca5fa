package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A key account got a virtual team (虚拟团队).
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param team the team
 * @param assignedBy who assigned it
 */
public record AccountTeamAssigned(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, AccountTeam team, UserId assignedBy)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.team-assigned";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param team the team
     * @param assignedBy who assigned it
     */
    public AccountTeamAssigned {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(team, "team");
        Require.nonNull(assignedBy, "assignedBy");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Virtual team assigned to key account " + account);
    }
}
