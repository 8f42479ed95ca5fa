package dev.keyline.memory.authority;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.authority.AuthorityArea;
import dev.keyline.spi.authority.AccountStandingRepository;
import dev.keyline.spi.authority.FloorPriceListRepository;
import dev.keyline.spi.authority.PriceAuthorisationRepository;

/** The commercial-authorisation area in the in-memory provider; installed by default. */
public final class InMemoryAuthorityArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryAuthorityArea() {
    }

    @Override
    public Area area() {
        return new AuthorityArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(PriceAuthorisationRepository.class, new InMemoryPriceAuthorisationRepository(storage));
        ports.register(FloorPriceListRepository.class, new InMemoryFloorPriceListRepository(storage));
        ports.register(AccountStandingRepository.class, new InMemoryAccountStandingRepository(storage));
    }
}
