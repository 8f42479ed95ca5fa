package dev.keyline.jdbc.workorder;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.workorder.FaultTicketRepository;
import dev.keyline.spi.workorder.ProvisioningOrderRepository;
import dev.keyline.spi.workorder.WorkOrderArea;

/** The work-order area in the JDBC provider: migrations 500–599 (fault tickets 550–599); installed by default. */
public final class JdbcWorkOrderArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcWorkOrderArea() {
    }

    @Override
    public Area area() {
        return new WorkOrderArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/workorder/migration";
    }

    @Override
    public MigrationBlock versions() {
        return MigrationBlock.hundredFrom(500);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(ProvisioningOrderRepository.class, new JdbcProvisioningOrderRepository(session));
        ports.register(FaultTicketRepository.class, new JdbcFaultTicketRepository(session));
    }
}
