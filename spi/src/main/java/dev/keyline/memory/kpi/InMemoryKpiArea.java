package dev.keyline.memory.kpi;

import dev.keyline.domain.common.Require;
import dev.keyline.memory.InMemoryArea;
import dev.keyline.memory.InMemoryStorage;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.kpi.KpiArea;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.spi.kpi.KpiStandingRepository;

/** The KPI area in the in-memory provider; installed by default. */
public final class InMemoryKpiArea implements InMemoryArea {

    /** The area's in-memory part; {@link java.util.ServiceLoader} calls this constructor. */
    public InMemoryKpiArea() {
    }

    @Override
    public Area area() {
        return new KpiArea();
    }

    @Override
    public void install(InMemoryStorage storage, PortRegistry ports) {
        Require.nonNull(storage, "storage");
        Require.nonNull(ports, "ports");
        ports.register(KpiFactSource.class, new InMemoryKpiFactSource(storage));
        ports.register(KpiResultRepository.class, new InMemoryKpiResultRepository(storage));
        ports.register(KpiMeasurementRepository.class, new InMemoryKpiMeasurementRepository(storage));
        ports.register(KpiStandingRepository.class, new InMemoryKpiStandingRepository(storage));
        ports.register(KpiDefinitionRepository.class, new InMemoryKpiDefinitionRepository(storage));
    }
}
