package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import java.util.List;
import java.util.stream.Collectors;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * A churn warning (客户预警) was raised for a key account; it goes to the account manager (客户经理), who must act to keep the customer.
 *
 * @param eventId the event id
 * @param occurredAt when it happened
 * @param account the account
 * @param network the account's local network
 * @param accountManager the account manager who must act
 * @param signals the signals that raised it (for a warning already open: the new ones), not empty
 */
public record ChurnWarningRaised(EventId eventId, Instant occurredAt, AccountId account, LocalNetworkId network, UserId accountManager, List<ChurnSignal> signals)
        implements KeyAccountEvent {

    /** The stable type name. */
    public static final String TYPE = "account.churn-warning-raised";

    /**
     * Validates the event.
     *
     * @param eventId the event id
     * @param occurredAt when it happened
     * @param account the account
     * @param network the account's local network
     * @param accountManager the account manager who must act
     * @param signals the signals that raised it (for a warning already open: the new ones), not empty
     */
    public ChurnWarningRaised {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Require.nonNull(accountManager, "accountManager");
        signals = Require.nonNullElements(signals, "signals");
        Require.that(!signals.isEmpty(), "signals", "must not be empty");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return KeyAccountEvent.audienceFor(network, account, "Churn warning for key account " + account + " (account manager " + accountManager + "): "
                + signals.stream().map(ChurnSignal::detail).collect(Collectors.joining("; ")));
    }
}
