package dev.keyline.spi.sla;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.sla.SlaEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The SLA area, {@value #NAME}: service-level agreements between the marketing departments and the
 * network centre. Registered by default through {@link java.util.ServiceLoader}.
 */
public final class SlaArea implements Area {

    /** The area's name. */
    public static final String NAME = "sla";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public SlaArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(ServiceLevelAgreementRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(SlaEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
