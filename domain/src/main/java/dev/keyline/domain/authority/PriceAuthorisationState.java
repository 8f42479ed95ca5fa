package dev.keyline.domain.authority;

/**
 * Where a {@link PriceAuthorisation} (商务授权申请) stands. Only {@link #REQUESTED} accepts further
 * decisions; the other three are final.
 */
public enum PriceAuthorisationState {
    /** Awaiting the approvals the rules require (below the floor price: possibly one of two recorded). */
    REQUESTED,
    /** Every approval the rules require was given; the price may be offered. */
    APPROVED,
    /** An approver with the authority for it turned the request down. */
    REJECTED,
    /** The requester took the request back. */
    WITHDRAWN;

    /**
     * Whether no further decision is accepted.
     *
     * @return true for every state but {@link #REQUESTED}
     */
    public boolean isFinal() {
        return this != REQUESTED;
    }
}
