package dev.keyline.spi.budget;

import dev.keyline.domain.budget.CapexEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The budget area (预算 and CAPEX流程), {@value #NAME}: CAPEX projects. Registered by default through
 * {@link java.util.ServiceLoader}.
 */
public final class BudgetArea implements Area {

    /** The area's name. */
    public static final String NAME = "budget";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public BudgetArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(CapexProjectRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(CapexEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
