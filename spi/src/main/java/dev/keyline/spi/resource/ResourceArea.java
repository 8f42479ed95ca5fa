package dev.keyline.spi.resource;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.resource.ReservationEvent;
import dev.keyline.domain.resource.ResourcePoolEvent;
import dev.keyline.domain.resource.SpareEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The network-resource area (资源调配), {@value #NAME}: resource pools with their holdings and
 * movement logs, reservations, and spare-part stocks (备品备件) with their consumption history.
 * Registered by default through {@link java.util.ServiceLoader}.
 */
public final class ResourceArea implements Area {

    /** The area's name. */
    public static final String NAME = "resource";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public ResourceArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(ResourcePoolRepository.class, ReservationRepository.class, SpareStockRepository.class,
                SpareConsumptionRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(ResourcePoolEvent.class, ReservationEvent.class, SpareEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
