package dev.keyline.memory.sla;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.spi.sla.SlaArea;

/** The SLA area in the in-memory provider; installed by default. */
public final class InMemorySlaArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemorySlaArea() {
    }

    @Override
    public Area area() {
        return new SlaArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(ServiceLevelAgreementRepository.class, new InMemoryServiceLevelAgreementRepository(storage));
    }
}
