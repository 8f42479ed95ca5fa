package dev.keyline.spi.budget;

import dev.keyline.domain.budget.BudgetEvent;
import dev.keyline.domain.budget.CapexEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The budget area, {@value #NAME}: budgets per organisation unit and fiscal year with their
 * lifecycle, revisions, commitment ledger and control. Registered by default through
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
        return Set.of(BudgetRepository.class, CapexProjectRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(BudgetEvent.class, CapexEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
