package dev.keyline.memory.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourceArea;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.spi.resource.SpareStockRepository;

/** The network-resource area in the in-memory provider; installed by default. */
public final class InMemoryResourceArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryResourceArea() {
    }

    @Override
    public Area area() {
        return new ResourceArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(ResourcePoolRepository.class, new InMemoryResourcePoolRepository(storage));
        ports.register(ReservationRepository.class, new InMemoryReservationRepository(storage));
        ports.register(SpareStockRepository.class, new InMemorySpareStockRepository(storage));
        ports.register(SpareConsumptionRepository.class, new InMemorySpareConsumptionRepository(storage));
    }
}
