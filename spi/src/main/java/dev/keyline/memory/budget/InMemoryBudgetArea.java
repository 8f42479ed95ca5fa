package dev.keyline.memory.budget;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.budget.BudgetArea;
import dev.keyline.spi.budget.BudgetRepository;
import dev.keyline.spi.budget.CapexProjectRepository;

/** The budget area in the in-memory provider; installed by default. */
public final class InMemoryBudgetArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryBudgetArea() {
    }

    @Override
    public Area area() {
        return new BudgetArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(BudgetRepository.class, new InMemoryBudgetRepository(storage));
        ports.register(CapexProjectRepository.class, new InMemoryCapexProjectRepository(storage));
    }
}
