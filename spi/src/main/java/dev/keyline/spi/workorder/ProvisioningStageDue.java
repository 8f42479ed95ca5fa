package dev.keyline.spi.workorder;

import dev.keyline.domain.common.InvalidArgumentException;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.StageId;

import java.time.Instant;

/**
 * One stage of a provisioning order whose warning or escalation is due at an instant: what the
 * timer sweep reads from {@link ProvisioningOrderRepository}.
 *
 * @param order the order
 * @param stage the stage
 * @param dueAt when the warning or escalation is due
 */
public record ProvisioningStageDue(ProvisioningOrderId order, StageId stage, Instant dueAt) {

    /**
     * Validates the record.
     *
     * @param order the order
     * @param stage the stage
     * @param dueAt when the warning or escalation is due
     * @throws InvalidArgumentException naming the component that is null
     */
    public ProvisioningStageDue {
        Require.nonNull(order, "order");
        Require.nonNull(stage, "stage");
        Require.nonNull(dueAt, "dueAt");
    }
}
