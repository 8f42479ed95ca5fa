package dev.keyline.domain.account;

import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.common.LocalNetworkId;

/**
 * The whole state of a {@link KeyAccount} (大客户) as an immutable value: what a repository stores
 * and hands back to {@link KeyAccount#restore(KeyAccountSnapshot)}.
 *
 * <p>The constructor only copies the lists; it does not validate, so that data read from storage
 * reaches {@link KeyAccount#restore(KeyAccountSnapshot)}, which checks every invariant and
 * rejects a corrupt snapshot with a {@link dev.keyline.domain.common.CorruptStateException}.
 *
 * @param id the account id
 * @param version the stored version, 0 when never saved
 * @param name the customer name
 * @param network the local network (本地网) the account belongs to
 * @param industry the industry
 * @param profile the characteristics
 * @param potential the potential key-account flags
 * @param status the lifecycle status
 * @param tier the current tier
 * @param accountManager the account manager, if assigned
 * @param team the virtual team, if assigned
 * @param churnSignals the signals of the open churn warning; empty unless {@code CHURN_WARNING}
 * @param churnWarningSince when the open churn warning was raised
 * @param exitReason why the account left, once exited
 * @param exitedAt when the account left, once exited
 * @param registeredBy who registered the account
 * @param registeredAt when it was registered
 * @param lastChangedAt when the last accepted command happened
 * @param tierHistory every tier change, oldest first
 */
public record KeyAccountSnapshot(
        AccountId id,
        long version,
        String name,
        LocalNetworkId network,
        Industry industry,
        AccountProfile profile,
        PotentialFlags potential,
        AccountStatus status,
        Tier tier,
        Optional<UserId> accountManager,
        Optional<AccountTeam> team,
        List<ChurnSignal> churnSignals,
        Optional<Instant> churnWarningSince,
        Optional<String> exitReason,
        Optional<Instant> exitedAt,
        UserId registeredBy,
        Instant registeredAt,
        Instant lastChangedAt,
        List<TierChange> tierHistory) {

    /**
     * Copies the lists (nulls are left for {@link KeyAccount#restore(KeyAccountSnapshot)} to reject).
     *
     * @param id the account id
     * @param version the stored version, 0 when never saved
     * @param name the customer name
     * @param network the local network (本地网) the account belongs to
     * @param industry the industry
     * @param profile the characteristics
     * @param potential the potential key-account flags
     * @param status the lifecycle status
     * @param tier the current tier
     * @param accountManager the account manager, if assigned
     * @param team the virtual team, if assigned
     * @param churnSignals the signals of the open churn warning; empty unless {@code CHURN_WARNING}
     * @param churnWarningSince when the open churn warning was raised
     * @param exitReason why the account left, once exited
     * @param exitedAt when the account left, once exited
     * @param registeredBy who registered the account
     * @param registeredAt when it was registered
     * @param lastChangedAt when the last accepted command happened
     * @param tierHistory every tier change, oldest first
     */
    public KeyAccountSnapshot {
        churnSignals = copy(churnSignals);
        tierHistory = copy(tierHistory);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
