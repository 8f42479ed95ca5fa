package dev.keyline.spi.account;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.account.AccountStatus;
import dev.keyline.domain.common.Industry;
import dev.keyline.domain.account.KeyAccount;
import dev.keyline.domain.common.LocalNetworkId;
import dev.keyline.domain.account.Tier;
import dev.keyline.domain.common.UserId;
import dev.keyline.spi.AggregateRepository;
import java.util.stream.Stream;

/**
 * The key accounts (大客户) of every local network (本地网), with their profile, potential flags,
 * account manager, virtual team, open churn warning and tier history.
 *
 * <p>Saving follows {@link AggregateRepository}: version 0 inserts (an id already stored fails
 * with {@code AlreadyExistsException}), any other version updates only when it equals the stored
 * version (else {@code StaleVersionException}, nothing written). The whole state is saved
 * together: the account's row and its owned collections (churn signals, tier history).
 *
 * <p>The queries serve the classification runs (one local network's population), the KPIs (by
 * industry, tier, status) and the account managers' work lists. They return lazily read streams,
 * ordered by account id, that the caller must close and consume inside the transaction (see the
 * package description). Each element is a committed state of its account, restored through
 * {@link KeyAccount#restore(dev.keyline.domain.account.KeyAccountSnapshot)}.
 */
public interface KeyAccountRepository extends AggregateRepository<KeyAccount, AccountId> {

    /**
     * The accounts of one local network, in every status and tier.
     *
     * @param network the local network
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byNetwork(LocalNetworkId network);

    /**
     * The accounts of one local network whose id comes after the given one, in the order of
     * {@link #byNetwork(LocalNetworkId)}: the next page of a keyset walk over a large network, one
     * transaction per page (the reclassification applies its tiers so). The caller takes as many as
     * it wants and closes the stream; a provider reads no more than the caller consumes plus its
     * fetch batch.
     *
     * @param network the local network
     * @param after the last account id of the previous page (exclusive); need not be stored
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byNetworkAfter(LocalNetworkId network, AccountId after);

    /**
     * The accounts of one local network that have the given tier.
     *
     * @param network the local network
     * @param tier the tier
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byNetworkAndTier(LocalNetworkId network, Tier tier);

    /**
     * The accounts of one industry (行业), across every local network.
     *
     * @param industry the industry
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byIndustry(Industry industry);

    /**
     * The accounts that have the given tier, across every local network.
     *
     * @param tier the tier
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byTier(Tier tier);

    /**
     * The accounts in the given lifecycle status, across every local network.
     *
     * @param status the status
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byStatus(AccountStatus status);

    /**
     * The accounts whose account manager (客户经理) is the given user; members of an account's
     * virtual team are not matched.
     *
     * @param manager the account manager
     * @return a stream ordered by account id; close it after use
     */
    Stream<KeyAccount> byManager(UserId manager);
}
