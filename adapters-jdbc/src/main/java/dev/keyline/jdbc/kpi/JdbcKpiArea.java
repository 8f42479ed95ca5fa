package dev.keyline.jdbc.kpi;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.kpi.KpiArea;
import dev.keyline.spi.kpi.KpiDefinitionRepository;
import dev.keyline.spi.kpi.KpiFactSource;
import dev.keyline.spi.kpi.KpiMeasurementRepository;
import dev.keyline.spi.kpi.KpiResultRepository;
import dev.keyline.spi.kpi.KpiStandingRepository;

/** The KPI area in the JDBC provider: migrations 700–799; installed by default. */
public final class JdbcKpiArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcKpiArea() {
    }

    @Override
    public Area area() {
        return new KpiArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/kpi/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(700);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(KpiFactSource.class, new JdbcKpiFactSource(session));
        ports.register(KpiResultRepository.class, new JdbcKpiResultRepository(session));
        ports.register(KpiMeasurementRepository.class, new JdbcKpiMeasurementRepository(session));
        ports.register(KpiStandingRepository.class, new JdbcKpiStandingRepository(session));
        ports.register(KpiDefinitionRepository.class, new JdbcKpiDefinitionRepository(session));
    }
}
