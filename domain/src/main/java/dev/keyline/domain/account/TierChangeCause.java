package dev.keyline.domain.account;

import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.common.UserId;
import java.time.LocalDate;

/**
 * Why a key account's tier (大客户分级) changed: a classification run under a named rule, or a
 * manual override with its reason and approver.
 */
public sealed interface TierChangeCause permits TierChangeCause.ClassificationRun, TierChangeCause.ManualOverride {

    /**
     * The tier was set by a classification run.
     *
     * @param ruleName the name of the classification rule, such as {@code share} or {@code minimum}
     * @param runDate the date of the run
     */
    record ClassificationRun(String ruleName, LocalDate runDate) implements TierChangeCause {

        /**
         * Validates the cause.
         *
         * @param ruleName the rule name
         * @param runDate the run date
         */
        public ClassificationRun {
            Require.text(ruleName, "ruleName", Limits.RULE_NAME_LENGTH);
            Require.nonNull(runDate, "runDate");
        }
    }

    /**
     * The tier was set by hand.
     *
     * @param reason why, not blank
     * @param approvedBy who approved it; never the person who asked for it
     */
    record ManualOverride(String reason, UserId approvedBy) implements TierChangeCause {

        /**
         * Validates the cause; the reason is trimmed.
         *
         * @param reason the reason
         * @param approvedBy who approved it
         */
        public ManualOverride {
            Require.text(reason, "reason");
            Require.nonNull(approvedBy, "approvedBy");
            reason = reason.strip();
        }
    }
}
