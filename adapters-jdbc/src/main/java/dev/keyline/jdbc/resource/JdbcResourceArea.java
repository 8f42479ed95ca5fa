package dev.keyline.jdbc.resource;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.resource.ReservationRepository;
import dev.keyline.spi.resource.ResourceArea;
import dev.keyline.spi.resource.ResourcePoolRepository;
import dev.keyline.spi.resource.SpareConsumptionRepository;
import dev.keyline.spi.resource.SpareStockRepository;

/** The network-resource area in the JDBC provider: migrations 300–399; installed by default. */
public final class JdbcResourceArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcResourceArea() {
    }

    @Override
    public Area area() {
        return new ResourceArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/resource/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(300);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(ResourcePoolRepository.class, new JdbcResourcePoolRepository(session));
        ports.register(ReservationRepository.class, new JdbcReservationRepository(session));
        ports.register(SpareStockRepository.class, new JdbcSpareStockRepository(session));
        ports.register(SpareConsumptionRepository.class, new JdbcSpareConsumptionRepository(session));
    }
}
