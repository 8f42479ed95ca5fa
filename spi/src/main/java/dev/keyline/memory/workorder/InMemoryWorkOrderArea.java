package dev.keyline.memory.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.WorkOrderArea;

/** The work-order area in the in-memory provider; installed by default. */
public final class InMemoryWorkOrderArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryWorkOrderArea() {
    }

    @Override
    public Area area() {
        return new WorkOrderArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(ProvisioningOrderRepository.class, new InMemoryProvisioningOrderRepository(storage));
        ports.register(FaultTicketRepository.class, new InMemoryFaultTicketRepository(storage));
    }
}
