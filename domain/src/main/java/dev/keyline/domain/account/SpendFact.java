package dev.keyline.domain.account;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Limits;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.Require;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * What billing (计费帐务) reports about one key account's telecom spend (通信消费) in one month.
 *
 * <p>Facts are append-only: billing never overwrites a fact; a correction is a new fact naming
 * the fact it corrects, for the same account, network and month. How facts and corrections add up
 * to the spend of a month is defined by {@link EffectiveSpend}.
 *
 * @param id the fact id
 * @param account the account
 * @param network the local network that billed it
 * @param month the month the spend belongs to
 * @param amount the amount, not negative
 * @param recordedAt when billing recorded the fact
 * @param corrects for a correction, the id of the fact it corrects
 */
public record SpendFact(SpendFactId id, AccountId account, LocalNetworkId network, YearMonth month, Money amount,
        Instant recordedAt, Optional<SpendFactId> corrects) {

    /**
     * Validates the fact.
     *
     * @param id the fact id
     * @param account the account
     * @param network the local network that billed it
     * @param month the month the spend belongs to
     * @param amount the amount, not negative
     * @param recordedAt when billing recorded the fact
     * @param corrects for a correction, the id of the fact it corrects
     */
    public SpendFact {
        Require.nonNull(id, "id");
        Require.nonNull(account, "account");
        Require.nonNull(network, "network");
        Limits.month(month, "month");
        Limits.money(amount, "amount");
        Require.nonNegative(amount.amount(), "amount");
        Require.nonNull(recordedAt, "recordedAt");
        Require.nonNull(corrects, "corrects");
        if (corrects.isPresent() && corrects.get().equals(id)) {
            throw new InvalidArgumentException("corrects", "a fact cannot correct itself (" + id + ")");
        }
    }

    /**
     * An original fact (not a correction).
     *
     * @param id the fact id
     * @param account the account
     * @param network the network
     * @param month the month
     * @param amount the amount
     * @param recordedAt when it was recorded
     * @return the fact
     */
    public static SpendFact original(SpendFactId id, AccountId account, LocalNetworkId network, YearMonth month,
            Money amount, Instant recordedAt) {
        return new SpendFact(id, account, network, month, amount, recordedAt, Optional.empty());
    }

    /**
     * A correction of this fact: same account, network and month, a new amount.
     *
     * @param correctionId the id of the correcting fact
     * @param newAmount the corrected amount
     * @param correctedAt when the correction was recorded; not before this fact
     * @return the correcting fact
     */
    public SpendFact correctedBy(SpendFactId correctionId, Money newAmount, Instant correctedAt) {
        Require.nonNull(correctionId, "correctionId");
        Require.nonNull(newAmount, "newAmount");
        Require.nonNull(correctedAt, "correctedAt");
        Require.that(!correctedAt.isBefore(recordedAt), "correctedAt",
                () -> "must not be before the corrected fact's time " + recordedAt + ", was " + correctedAt);
        return new SpendFact(correctionId, account, network, month, newAmount, correctedAt, Optional.of(id));
    }

    /** {@return whether this fact corrects another} */
    public boolean isCorrection() {
        return corrects.isPresent();
    }
}
