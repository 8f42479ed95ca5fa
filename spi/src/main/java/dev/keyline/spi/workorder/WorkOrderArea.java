package dev.keyline.spi.workorder;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.FaultTicketEvent;
import dev.keyline.domain.workorder.ProvisioningEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The work-order area (工单): its name, its ports and its events. Today it holds fault tickets
 * ({@link FaultTicketRepository}, {@link FaultTicketEvent}); provisioning orders join it later.
 */
public final class WorkOrderArea implements Area {

    /** The area's name. */
    public static final String NAME = "workorder";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public WorkOrderArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(ProvisioningOrderRepository.class, FaultTicketRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(ProvisioningEvent.class, FaultTicketEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
