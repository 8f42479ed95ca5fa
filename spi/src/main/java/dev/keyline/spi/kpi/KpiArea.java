package dev.keyline.spi.kpi;

import dev.keyline.domain.common.DomainEvent;
import dev.keyline.domain.kpi.KpiEvent;
import dev.keyline.spi.Area;
import java.util.Set;

/**
 * The KPI area, {@value #NAME}: the facts KPIs are computed from, read from the other areas'
 * stored state, the computed results, the measured values hosts record, the standings whose
 * bands raise {@code kpi.band-entered} and a host's own KPI definitions. Registered by default through {@link java.util.ServiceLoader}.
 */
public final class KpiArea implements Area {

    /** The area's name. */
    public static final String NAME = "kpi";

    /** The area; {@link java.util.ServiceLoader} calls this constructor. */
    public KpiArea() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<?>> ports() {
        return Set.of(KpiFactSource.class, KpiResultRepository.class, KpiMeasurementRepository.class,
                KpiStandingRepository.class, KpiDefinitionRepository.class);
    }

    @Override
    public Set<Class<? extends DomainEvent>> eventRoots() {
        return Set.of(KpiEvent.class);
    }

    @Override
    public String toString() {
        return "Area[" + NAME + "]";
    }
}
