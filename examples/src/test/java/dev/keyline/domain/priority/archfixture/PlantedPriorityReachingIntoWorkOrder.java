package dev.keyline.domain.priority.archfixture;

import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ServicePriority;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;

/**
 * A deliberate violation, kept in test sources only: a priority class that reads a provisioning
 * order from the work-order area's storage to judge its priority, instead of answering the
 * work-order area's port (its ServicePriority is allowed).
 */
public final class PlantedPriorityReachingIntoWorkOrder {

    private PlantedPriorityReachingIntoWorkOrder() {
    }

    /** Judges an order's priority straight from the work-order area's storage. */
    static boolean isUrgent(ProvisioningOrderRepository orders, ProvisioningOrderId id, ServicePriority priority) {
        ProvisioningOrder order = orders.get(id);
        return priority.isRanked() && order.stages().size() > 1;
    }
}
