package dev.keyline.domain.billing;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Audience;
import dev.keyline.domain.common.EventId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * A key account's bill preferences were set or changed; type {@value #TYPE}.
 *
 * @param eventId the event's id
 * @param occurredAt when it happened
 * @param account the account
 * @param revision the number of the history entry written
 * @param preferences the new preferences
 * @param by who changed them
 * @param reason why
 */
public record BillPreferencesChanged(EventId eventId, Instant occurredAt, AccountId account, int revision, BillPreferences preferences, UserId by, String reason) implements BillingEvent {

    /** The stable event type. */
    public static final String TYPE = "billing.preferences-changed";

    /**
     * Validates the event.
     *
     * @param eventId the event's id
     * @param occurredAt when it happened
     * @param account the account
     * @param revision the number of the history entry written
     * @param preferences the new preferences
     * @param by who changed them
     * @param reason why
     * @throws dev.keyline.domain.common.InvalidArgumentException naming the component when one is null or invalid
     */
    public BillPreferencesChanged {
        Require.nonNull(eventId, "eventId");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(account, "account");
        Require.positive(revision, "revision");
        Require.nonNull(preferences, "preferences");
        Require.nonNull(by, "by");
        Require.text(reason, "reason");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Audience audience() {
        return Audience.of("Bill preferences of " + account + " changed (revision " + revision + "): " + preferences.channel() + ", " + preferences.frequency() + ", " + preferences.format() + ", " + preferences.detail() + ", " + preferences.split()).withAccount(account.value());
    }
}
