package dev.keyline.memory.billing;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.billing.ArrearsFactRepository;
import dev.keyline.spi.billing.BillingAccountRepository;
import dev.keyline.spi.billing.BillingArea;

/** The billing area in the in-memory provider; installed by default. */
public final class InMemoryBillingArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryBillingArea() {
    }

    @Override
    public Area area() {
        return new BillingArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(BillingAccountRepository.class, new InMemoryBillingAccountRepository(storage));
        ports.register(ArrearsFactRepository.class, new InMemoryArrearsFactRepository(storage));
    }
}
