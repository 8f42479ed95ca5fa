package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.Money;
import dev.keyline.domain.common.ProductCode;
import dev.keyline.domain.common.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import dev.keyline.domain.common.Role;

/**
 * The stored form of a {@link PriceAuthorisation}. Built by {@link PriceAuthorisation#snapshot()}
 * or by a storage provider from its rows; it is not validated here,
 * {@link PriceAuthorisation#restore(PriceAuthorisationSnapshot)} does that.
 *
 * @param id the request's id
 * @param version the stored version
 * @param account the key account
 * @param product the product
 * @param listPrice the list price
 * @param offeredPrice the price offered
 * @param floorPrice the product's floor price (底价) when the request was made, or null when none was set
 * @param requestedBy who asked
 * @param addressedTo the role the request was addressed to
 * @param requestedAt when
 * @param reason why the price is asked for
 * @param state the current state
 * @param decisions every decision, oldest first
 */
public record PriceAuthorisationSnapshot(PriceAuthorisationId id, long version, AccountId account,
        ProductCode product, Money listPrice, Money offeredPrice, Money floorPrice, UserId requestedBy,
        Role addressedTo, Instant requestedAt, String reason, PriceAuthorisationState state,
        List<PriceDecision> decisions) {

    /**
     * Copies the decisions into an unmodifiable list (keeping any null, for restore to reject).
     *
     * @param id the request's id
     * @param version the stored version
     * @param account the key account
     * @param product the product
     * @param listPrice the list price
     * @param offeredPrice the price offered
     * @param floorPrice the product's floor price (底价) when the request was made, or null when none was set
     * @param requestedBy who asked
     * @param addressedTo the role the request was addressed to
     * @param requestedAt when
     * @param reason why the price is asked for
     * @param state the current state
     * @param decisions every decision, oldest first
     */
    public PriceAuthorisationSnapshot {
        decisions = decisions == null ? null : Collections.unmodifiableList(new ArrayList<>(decisions));
    }
}
