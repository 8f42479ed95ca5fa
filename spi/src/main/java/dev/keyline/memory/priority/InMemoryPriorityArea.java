package dev.keyline.memory.priority;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.priority.AccountResultRepository;
import dev.keyline.spi.priority.PriorityArea;
import dev.keyline.spi.priority.PriorityRankingRepository;

/** The customer-priority area in the in-memory provider; installed by default. */
public final class InMemoryPriorityArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryPriorityArea() {
    }

    @Override
    public Area area() {
        return new PriorityArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(AccountResultRepository.class, new InMemoryAccountResultRepository(storage));
        ports.register(PriorityRankingRepository.class, new InMemoryPriorityRankingRepository(storage));
    }
}
