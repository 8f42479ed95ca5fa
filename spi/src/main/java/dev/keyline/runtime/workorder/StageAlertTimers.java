package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningStageAlertDue;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.util.Optional;

/**
 * The reaction that raises a stage's warning or escalation when its outbox timer falls due
 * ({@code workorder.stage-alert-due}). It judges the order as stored at the runtime's time: it
 * raises what is due then ({@link ProvisioningOrder#raiseDueAlerts}), so a stage since held, done,
 * handed off to a later time or already alerted, an accepted order and an order that does not
 * exist change nothing, and a timer delivered twice raises nothing twice.
 */
public final class StageAlertTimers {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "workorder.stage-alert-timers";

    private StageAlertTimers() {
    }

    /**
     * The reaction over a storage provider that stores the work-order area.
     *
     * @param storage the runtime's storage provider
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store provisioning orders
     */
    public static Reaction reaction(StorageProvider storage) {
        Require.nonNull(storage, "storage");
        ProvisioningOrderRepository orders = storage.port(ProvisioningOrderRepository.class);
        return Reaction.of(REACTION, (event, context) -> {
            if (!(event instanceof ProvisioningStageAlertDue due)) {
                throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                        + event.type() + "'");
            }
            Optional<ProvisioningOrder> found = orders.find(due.order());
            if (found.isEmpty()) {
                return;
            }
            ProvisioningOrder order = found.get();
            if (order.raiseDueAlerts(context.now()) > 0) {
                ProvisioningOrders.scheduleStageTimers(order, context);
                context.save(orders, order);
            }
        }, ProvisioningStageAlertDue.TYPE);
    }
}
