package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.Instant;

/**
 * One entry in a key account's tier history (分级变更记录).
 *
 * @param from the tier before
 * @param to the tier after; differs from {@code from}
 * @param at when it changed
 * @param by who made the change (for a manual override: who asked for it)
 * @param cause why: a classification run or a manual override
 */
public record TierChange(Tier from, Tier to, Instant at, UserId by, TierChangeCause cause) {

    /**
     * Validates the change.
     *
     * @param from the tier before
     * @param to the tier after; differs from {@code from}
     * @param at when it changed
     * @param by who made the change (for a manual override: who asked for it)
     * @param cause why: a classification run or a manual override
     */
    public TierChange {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.nonNull(at, "at");
        Require.nonNull(by, "by");
        Require.nonNull(cause, "cause");
        if (from == to) {
            throw new InvalidArgumentException("to", "must differ from the previous tier " + from);
        }
        if (cause instanceof TierChangeCause.ManualOverride manual && manual.approvedBy().equals(by)) {
            throw new InvalidArgumentException("approvedBy", "must differ from the requester " + by);
        }
    }
}
