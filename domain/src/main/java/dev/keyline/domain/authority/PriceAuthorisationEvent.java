package dev.keyline.domain.authority;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link PriceAuthorisation}, a request for commercial authorisation (商务授权)
 * of a price. Its aggregate id is the request's id.
 */
public sealed interface PriceAuthorisationEvent extends DomainEvent
        permits PriceRequested, PriceApprovalRecorded, PriceApproved, PriceRejected, PriceWithdrawn {

    /** {@return the request concerned} */
    PriceAuthorisationId authorisation();

    /** {@return the key account the price is for} */
    AccountId account();
}
