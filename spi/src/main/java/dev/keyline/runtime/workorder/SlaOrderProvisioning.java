package dev.keyline.runtime.workorder;

import dev.keyline.domain.common.BusinessCalendar;
import dev.keyline.domain.common.Require;
import dev.keyline.domain.sla.SlaOrderAccepted;
import dev.keyline.domain.workorder.ProvisioningOrder;
import dev.keyline.domain.workorder.ProvisioningOrderId;
import dev.keyline.domain.workorder.ProvisioningSlaLink;
import dev.keyline.runtime.Reaction;
import dev.keyline.spi.PermanentDeliveryException;
import dev.keyline.spi.StorageProvider;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * The reaction by which an order accepted under the SLA becomes a provisioning order
 * ({@code sla.order-accepted}): it opens, at the runtime's time, an order with the id
 * {@code SLA-<reference>} from the catalogue's template of the product, linked to the SLA order
 * with the committed time of its service class (the end of the committed date in the runtime's
 * zone). An order already opened for the reference changes nothing, so a redelivered event opens
 * nothing twice; a product the catalogue does not name is not provisioned through work orders and
 * is left alone. The work-order area uses of the SLA area only this event and its ids.
 *
 * <p>A host wires it with {@code Keyline.builder().reaction(SlaOrderProvisioning.reaction(storage,
 * catalogue, calendar))}; it is not registered by default, as it needs the host's catalogue.
 */
public final class SlaOrderProvisioning {

    /** The reaction's name, under which the outbox keeps its delivery state and receipts. */
    public static final String REACTION = "workorder.sla-order-provisioning";

    private SlaOrderProvisioning() {
    }

    /**
     * The id of the provisioning order opened for an SLA order.
     *
     * @param slaOrder the SLA order's reference
     * @return {@code SLA-<reference>}
     */
    public static ProvisioningOrderId orderIdFor(String slaOrder) {
        Require.nonBlank(slaOrder, "slaOrder");
        return new ProvisioningOrderId("SLA-" + slaOrder);
    }

    /**
     * The reaction over a storage provider that stores the work-order area.
     *
     * @param storage the runtime's storage provider
     * @param catalogue the plans per product
     * @param calendar the business calendar the stages count on
     * @return the reaction
     * @throws dev.keyline.domain.common.KeylineException with reason {@code CONFIGURATION} when the
     *     provider does not store provisioning orders
     */
    public static Reaction reaction(StorageProvider storage, ProvisioningPlanCatalogue catalogue, BusinessCalendar calendar) {
        Require.nonNull(storage, "storage");
        Require.nonNull(catalogue, "catalogue");
        Require.nonNull(calendar, "calendar");
        ProvisioningOrderRepository orders = storage.port(ProvisioningOrderRepository.class);
        return Reaction.of(REACTION, (event, context) -> {
            if (!(event instanceof SlaOrderAccepted accepted)) {
                throw new PermanentDeliveryException("reaction " + REACTION + " does not take events of type '"
                        + event.type() + "'");
            }
            Optional<ProvisioningPlanCatalogue.Template> template = catalogue.templateFor(accepted.product());
            ProvisioningOrderId id = orderIdFor(accepted.reference());
            if (template.isEmpty() || orders.find(id).isPresent()) {
                return;
            }
            ProvisioningPlanCatalogue.Template t = template.get();
            Instant committedBy = accepted.committedOn().plusDays(1).atStartOfDay(context.zone()).toInstant();
            ProvisioningOrder order = ProvisioningOrder.open(id, t.parties(), t.plan(), t.assignments(), context.now(),
                    calendar, ProvisioningOrder.DEFAULT_WARNING_SHARE,
                    Optional.of(new ProvisioningSlaLink(accepted.reference(), committedBy)));
            ProvisioningOrders.scheduleStageTimers(order, context);
            context.save(orders, order);
        }, SlaOrderAccepted.TYPE);
    }
}
