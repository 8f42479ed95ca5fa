package dev.keyline.domain.workorder;

/** Where a provisioning (开通) {@link ProvisioningOrder} stands. It closes only on the customer's acceptance. */
public enum ProvisioningOrderState {
    /** Some stage is not done. */
    IN_PROGRESS,
    /** Every stage is done; the order awaits the customer's acceptance. */
    AWAITING_ACCEPTANCE,
    /** The customer accepted the circuit; the order is closed and its responsibility recorded. */
    ACCEPTED
}
