package dev.keyline.spi.priority;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.priority.PriorityRankingEvent;
import dev.keyline.spi.Area;

import java.util.Set;

/**
 * The customer-priority area, {@value #NAME}: billing's revenue-and-profit facts, the rankings of
 * key accounts per period and segment, and the service priority that follows them. Registered by
 * default through {@link java.util.ServiceLoader}.
 */
public final class PriorityArea implements Area {

    /** The area's name. */
    public static final String NAME = "priority";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public PriorityArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(AccountResultRepository.class, PriorityRankingRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(PriorityRankingEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
