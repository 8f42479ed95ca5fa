package dev.keyline.spi.workorder;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.workorder.ProvisioningEvent;
import dev.keyline.spi.Area;

import java.util.Set;

/**
 * The work-order area (开通 and 故障处理), {@value #NAME}: provisioning orders. Registered by
 * default through {@link java.util.ServiceLoader}.
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
        return Set.of(ProvisioningOrderRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(ProvisioningEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
