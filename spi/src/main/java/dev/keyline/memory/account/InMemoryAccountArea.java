package dev.keyline.memory.account;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.account.AccountArea;
import dev.keyline.spi.account.AccountPlanRepository;
import dev.keyline.spi.account.ClassificationResultRepository;
import dev.keyline.spi.account.KeyAccountRepository;
import dev.keyline.spi.account.SpendFactRepository;

/** The key-account area in the in-memory provider; installed by default. */
public final class InMemoryAccountArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryAccountArea() {
    }

    @Override
    public Area area() {
        return new AccountArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(KeyAccountRepository.class, new InMemoryKeyAccountRepository(storage));
        ports.register(SpendFactRepository.class, new InMemorySpendFactRepository(storage));
        ports.register(ClassificationResultRepository.class, new InMemoryClassificationResultRepository(storage));
        ports.register(AccountPlanRepository.class, new InMemoryAccountPlanRepository(storage));
    }
}
