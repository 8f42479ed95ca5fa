package dev.keyline.domain.billing;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One entry of a {@link BillingAccount}'s preference history: who set which preferences when.
 *
 * @param revision the entry's number, from 1
 * @param preferences the preferences set
 * @param by who set them
 * @param at when
 * @param reason why, as the requester gave it
 */
public record PreferenceChange(int revision, BillPreferences preferences, UserId by, Instant at, String reason) {

    /**
     * Validates the entry.
     *
     * @param revision the entry's number, from 1
     * @param preferences the preferences set
     * @param by who set them
     * @param at when
     * @param reason why, as the requester gave it
     */
    public PreferenceChange {
        Require.positive(revision, "revision");
        Require.nonNull(preferences, "preferences");
        Require.nonNull(by, "by");
        Require.nonNull(at, "at");
        Require.text(reason, "reason");
    }
}
