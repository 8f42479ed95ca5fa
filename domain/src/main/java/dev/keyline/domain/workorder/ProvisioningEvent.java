package dev.keyline.domain.workorder;

import dev.keyline.domain.account.AccountId;
import dev.keyline.domain.common.DomainEvent;

/**
 * An event raised by a {@link ProvisioningOrder} (开通工单). Its aggregate id is the order's id.
 */
public sealed interface ProvisioningEvent extends DomainEvent
        permits ProvisioningOrderOpened,
        ProvisioningStageStarted,
        ProvisioningStageHeld,
        ProvisioningStageResumed,
        ProvisioningStageHandedOff,
        ProvisioningStageDone,
        ProvisioningStageWarned,
        ProvisioningStageEscalated,
        ProvisioningStageAlertDue,
        ProvisioningOrderAccepted {

    /**
     * The order concerned.
     *
     * @return the order
     */
    ProvisioningOrderId order();

    /**
     * The key account the order is for.
     *
     * @return the account
     */
    AccountId account();
}
