package dev.keyline.jdbc.sla;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.sla.ServiceLevelAgreementRepository;
import dev.keyline.spi.sla.SlaArea;

/** The SLA area in the JDBC provider: migrations 400–499; installed by default. */
public final class JdbcSlaArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcSlaArea() {
    }

    @Override
    public Area area() {
        return new SlaArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/sla/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(400);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(ServiceLevelAgreementRepository.class, new JdbcServiceLevelAgreementRepository(session));
    }
}
