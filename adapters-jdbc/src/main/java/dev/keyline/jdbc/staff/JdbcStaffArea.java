package dev.keyline.jdbc.staff;

import dev.keyline.domain.common.Require;
import dev.keyline.jdbc.JdbcArea;
import dev.keyline.jdbc.JdbcSession;
import dev.keyline.jdbc.MigrationBlock;
import dev.keyline.spi.Area;
import dev.keyline.spi.PortRegistry;
import dev.keyline.spi.staff.DivisionStaffingRepository;
import dev.keyline.spi.staff.IncentiveLedgerRepository;
import dev.keyline.spi.staff.StaffArea;

/** The HR interface area in the JDBC provider: migrations 900–949; installed by default. */
public final class JdbcStaffArea implements JdbcArea {

    /** The area's JDBC part; {@link java.util.ServiceLoader} calls this constructor. */
    public JdbcStaffArea() {
    }

    @Override
    public Area area() {
        return new StaffArea();
    }

    @Override
    public String migrationLocation() {
        return "classpath:dev/keyline/jdbc/staff/migration";
    }

    @Override
    public MigrationBlock versions() {
        return new MigrationBlock(900, 949);
    }

    @Override
    public void install(JdbcSession session, PortRegistry ports) {
        Require.nonNull(session, "session");
        Require.nonNull(ports, "ports");
        ports.register(DivisionStaffingRepository.class, new JdbcDivisionStaffingRepository(session));
        ports.register(IncentiveLedgerRepository.class, new JdbcIncentiveLedgerRepository(session));
    }
}
