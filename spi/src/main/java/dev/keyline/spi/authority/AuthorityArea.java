package dev.keyline.spi.authority;

import dev.keyline.domain.authority.FloorPriceListEvent;
import dev.keyline.domain.authority.PriceAuthorisationEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The commercial-authorisation area (商务授权), {@value #NAME}: price authorisations, floor price
 * lists, and its projection of the key accounts' standing. Registered by default through {@link java.util.ServiceLoader}.
 */
public final class AuthorityArea implements Area {

    /** The area's name. */
    public static final String NAME = "authority";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public AuthorityArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(PriceAuthorisationRepository.class, FloorPriceListRepository.class, AccountStandingRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(PriceAuthorisationEvent.class, FloorPriceListEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
