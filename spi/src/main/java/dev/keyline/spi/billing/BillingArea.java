package dev.keyline.spi.billing;

import dev.keyline.domain.billing.BillingEvent;
import dev.keyline.domain.common.DomainEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The billing area, {@value #NAME}: billing accounts (bill preferences and credit profiles) and
 * billing's arrears facts. Registered by default through {@link java.util.ServiceLoader}.
 */
public final class BillingArea implements Area {

    /** The area's name. */
    public static final String NAME = "billing";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public BillingArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(BillingAccountRepository.class, ArrearsFactRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(BillingEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
